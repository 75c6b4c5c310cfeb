package dev.omnigate.gateway.graphql.node;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsTypeResolver;
import com.netflix.graphql.dgs.InputArgument;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.customer.CustomerDataLoader;
import dev.omnigate.gateway.graphql.error.Fetched;
import dev.omnigate.gateway.graphql.error.GraphQlErrors;
import dev.omnigate.gateway.graphql.location.LocationDataLoader;
import dev.omnigate.gateway.graphql.order.OrderDataLoader;
import dev.omnigate.gateway.graphql.ticket.TicketDataLoader;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.security.GatewayClient;
import dev.omnigate.gateway.security.PartnerFilter;
import dev.omnigate.gateway.security.graphql.Forbidden;
import dev.omnigate.gateway.security.graphql.GraphQlClients;
import dev.omnigate.gateway.security.graphql.SchemaScopes;
import dev.omnigate.gateway.security.graphql.ScopeRequirement;
import graphql.execution.DataFetcherResult;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * {@code node(id:)}: decodes the global id (a malformed one is a BAD_REQUEST before any upstream call), refuses a type
 * the client may not read ({@code FORBIDDEN}, no upstream call) and loads the object through its type's data loader, so
 * several {@code node} fields of one request batch. A location outside a partner's limits is {@code null}.
 */
@DgsComponent
public class NodeDataFetcher {

    private final GraphQlSupport support;

    public NodeDataFetcher(GraphQlSupport support) {
        this.support = support;
    }

    @DgsQuery
    public CompletableFuture<DataFetcherResult<Object>> node(@InputArgument String id, DgsDataFetchingEnvironment environment) {
        GlobalId globalId = GlobalId.decode(id);
        // the id names the type: a type the client may not read is refused before any upstream call
        GatewayClient client = GraphQlClients.of(environment).orElse(null);
        Optional<ScopeRequirement> required = SchemaScopes.of(environment.getGraphQLSchema()).requirementOfType(globalId.type().name());
        if (required.isPresent() && !required.get().satisfiedBy(client == null ? Set.of() : client.scopes())) {
            return CompletableFuture.completedFuture(Forbidden.result(environment, client, required.get(), "a " + globalId.type() + " (node)"));
        }
        String loaderName = switch (globalId.type()) {
            case Order -> OrderDataLoader.NAME;
            case Customer -> CustomerDataLoader.NAME;
            case Location -> LocationDataLoader.NAME;
            case Ticket -> TicketDataLoader.NAME;
        };
        DataLoader<AccountScopedKey, Fetched<Object>> loader = environment.getDataLoader(loaderName);
        PartnerFilter partner = GraphQlClients.partnerOf(environment);
        return loader.load(AccountScopedKey.of(globalId), support.scope(environment))
                .thenApply(fetched -> fetched != null && fetched.value() instanceof Location location
                        && !partner.allowsLocation(location.source().account(), location.source().nativeId(), location.kind())
                        ? null : fetched) // a location outside a partner's limits does not exist for it
                .thenApply(fetched -> GraphQlErrors.result(fetched, environment));
    }

    /** Which GraphQL type a {@code Node} value is. */
    @DgsTypeResolver(name = "Node")
    public String nodeType(Object value) {
        return switch (value) {
            case Order order -> "Order";
            case Customer customer -> "Customer";
            case Location location -> "Location";
            case Ticket ticket -> "Ticket";
            default -> throw new IllegalStateException("no Node type for " + value.getClass().getName());
        };
    }
}

package dev.omnigate.gateway.graphql.batch;

import dev.omnigate.gateway.cache.EntityCache;
import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.graphql.context.RequestScopes;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import org.dataloader.BatchLoaderEnvironment;
import org.springframework.stereotype.Component;

/** What every data fetcher and loader needs: the accounts, the invoker, the entity cache, the request's scope and the limits. */
@Component
public class GraphQlSupport {

    private final ConnectorAccounts accounts;
    private final ConnectorInvoker invoker;
    private final EntityCache cache;
    private final OmnigateProperties properties;
    private final Clock clock;

    public GraphQlSupport(ConnectorAccounts accounts, ConnectorInvoker invoker, EntityCache cache, OmnigateProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.invoker = invoker;
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
    }

    public ConnectorAccounts accounts() {
        return accounts;
    }

    public ConnectorInvoker invoker() {
        return invoker;
    }

    /** Batched reads by id or SKU go through the entity cache (which calls the invoker for what it lacks). */
    public EntityCache cache() {
        return cache;
    }

    /** {@code omnigate.inventory.same-place-radius} in meters. */
    public double inventorySamePlaceRadius() {
        return properties.inventory().samePlaceRadius();
    }

    public int maxPageSize() {
        return properties.graphql().maxPageSize();
    }

    public RequestScope scope(DataFetchingEnvironment environment) {
        return RequestScopes.of(environment, properties.requestTimeout(), clock);
    }

    public RequestScope scope(BatchLoaderEnvironment environment) {
        return RequestScopes.of(environment, properties.requestTimeout(), clock);
    }
}

package dev.omnigate.gateway.graphql.location;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.Fetched;
import dev.omnigate.gateway.graphql.error.GraphQlErrors;
import dev.omnigate.gateway.graphql.product.ProductView;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import dev.omnigate.gateway.security.PartnerFilter;
import dev.omnigate.gateway.security.graphql.GraphQlClients;
import graphql.execution.DataFetcherResult;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * {@code locations(kinds:)} (limited to a partner client's locations), {@code Location.id} and
 * {@code LocationAvailability.location}.
 */
@DgsComponent
public class LocationDataFetcher {

    private final GraphQlSupport support;

    public LocationDataFetcher(GraphQlSupport support) {
        this.support = support;
    }

    @DgsQuery
    public CompletableFuture<DataFetcherResult<List<Location>>> locations(@InputArgument List<String> kinds,
            DgsDataFetchingEnvironment environment) {
        Set<LocationKind> wanted = EnumSet.allOf(LocationKind.class);
        if (kinds != null) {
            wanted = EnumSet.noneOf(LocationKind.class);
            for (String kind : kinds) {
                wanted.add(LocationKind.valueOf(kind));
            }
        }
        Set<LocationKind> filter = wanted;
        PartnerFilter partner = GraphQlClients.partnerOf(environment);
        RequestScope scope = support.scope(environment);
        return support.invoker().fanOut(support.accounts().with(Capability.LOCATIONS_READ), account -> {
                    LocationReader reader = account.connector().locations().orElseThrow();
                    return support.invoker().call(account, "locations.listAll", scope, reader::listAll);
                })
                .thenApply(results -> {
                    List<Location> locations = results.values().values().stream()
                            .flatMap(List::stream)
                            .filter(location -> filter.contains(location.kind()))
                            .filter(location -> partner.allowsLocation(location.source().account(), location.source().nativeId(),
                                    location.kind()))
                            .sorted(Comparator.comparing((Location location) -> location.source().account())
                                    .thenComparing(Location::name)
                                    .thenComparing(location -> location.source().nativeId()))
                            .toList();
                    return GraphQlErrors.result(locations, results.failures(), environment);
                });
    }

    @DgsData(parentType = "Location", field = "id")
    public String id(DgsDataFetchingEnvironment environment) {
        Location location = environment.getSource();
        return GlobalId.encode(GlobalIdType.Location, location.source());
    }

    @DgsData(parentType = "LocationAvailability", field = "location")
    public CompletableFuture<DataFetcherResult<Location>> location(DgsDataFetchingEnvironment environment) {
        InventoryLevel level = environment.<ProductView.LocationLevel>getSource().level();
        DataLoader<AccountScopedKey, Fetched<Location>> loader = environment.getDataLoader(LocationDataLoader.NAME);
        return loader.load(new AccountScopedKey(level.source().account(), level.locationId()), support.scope(environment))
                .thenApply(fetched -> GraphQlErrors.result(fetched, environment));
    }
}

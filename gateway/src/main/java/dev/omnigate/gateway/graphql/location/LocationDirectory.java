package dev.omnigate.gateway.graphql.location;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.security.PartnerFilter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * The kind of every location of every account that lists locations, for deciding a partner's location limits where
 * only a location id is at hand (a stock change). Accounts that cannot answer contribute nothing: their locations then
 * count as outside kind limits (fail closed).
 */
@Component
public class LocationDirectory {

    private final GraphQlSupport support;

    public LocationDirectory(GraphQlSupport support) {
        this.support = support;
    }

    /** Every location's kind, by (account, native id). */
    public CompletableFuture<Map<PartnerFilter.LocationRef, LocationKind>> kinds(RequestScope scope) {
        return support.invoker().fanOut(support.accounts().with(Capability.LOCATIONS_READ), account -> {
            LocationReader reader = account.connector().locations().orElseThrow();
            return support.invoker().call(account, "locations.listAll", scope, reader::listAll);
        }).thenApply(results -> {
            Map<PartnerFilter.LocationRef, LocationKind> kinds = new HashMap<>();
            results.values().values().forEach(locations -> locations.forEach(location ->
                    kinds.put(new PartnerFilter.LocationRef(location.source().account(), location.source().nativeId()), location.kind())));
            return kinds;
        });
    }
}

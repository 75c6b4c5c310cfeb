package dev.omnigate.gateway.graphql.product;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.security.PartnerFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A product as a partner client sees it: only the levels of locations within its limits, the sums over those alone
 * (same-place counting redone among them), as if the other locations did not exist. The kinds of the levels'
 * locations come through the entity cache (usually no vendor call); a location that cannot be read counts as outside
 * kind limits (the filter fails closed). Products of clients without location limits pass untouched.
 */
@Component
public class PartnerProducts {

    private final GraphQlSupport support;

    public PartnerProducts(GraphQlSupport support) {
        this.support = support;
    }

    /** The product limited to the partner's locations; the same product when it has no location limits. */
    public CompletableFuture<ProductView> visible(ProductView product, PartnerFilter partner, RequestScope scope) {
        if (product == null || !partner.limitsLocations()) {
            return CompletableFuture.completedFuture(product);
        }
        List<InventoryLevel> levels = product.availability().byLocation().stream().map(ProductView.LocationLevel::level).toList();
        return locationsOf(levels, scope).thenApply(locations -> {
            List<InventoryLevel> visible = new ArrayList<>();
            for (InventoryLevel level : levels) {
                Location location = locations.get(SamePlaces.key(level));
                if (partner.allowsLocation(level.source().account(), level.locationId(), location == null ? null : location.kind())) {
                    visible.add(level);
                }
            }
            return ProductView.of(product.sku(), product.prices(), visible,
                    SamePlaces.duplicates(visible, locations, support.inventorySamePlaceRadius()));
        });
    }

    private CompletableFuture<Map<AccountScopedKey, Location>> locationsOf(List<InventoryLevel> levels, RequestScope scope) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        levels.forEach(level -> ids.computeIfAbsent(level.source().account(), account -> new LinkedHashSet<>()).add(level.locationId()));
        Map<AccountScopedKey, Location> locations = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> reads = new ArrayList<>();
        ids.forEach((accountId, locationIds) -> support.accounts().find(accountId).flatMap(account -> account.connector().locations()
                .map(reader -> support.cache().load(account, "locations.getByIds", scope, locationIds, Integer.MAX_VALUE, reader::getByIds)
                        .thenAccept(found -> found.forEach((id, location) -> locations.put(new AccountScopedKey(accountId, id), location)))
                        .exceptionally(failure -> null))).ifPresent(reads::add));
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(ignored -> locations);
    }
}

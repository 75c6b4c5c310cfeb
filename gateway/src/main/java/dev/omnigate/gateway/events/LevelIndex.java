package dev.omnigate.gateway.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omnigate.connector.api.model.InventoryLevel;
import java.util.Collection;
import java.util.Optional;

/**
 * What the gateway learned about inventory level records from its own reads: the SKU and location of each level id.
 * Some vendors' stock notifications name only their level (Shopify's {@code inventory_levels/update} carries the
 * inventory item and location ids, not the SKU); the index lets such changes be matched to SKUs and locations without a
 * vendor call. Bounded; a level never read stays unknown (its change is still logged, with no SKU). Thread-safe.
 */
public final class LevelIndex {

    /** The SKU and location of one level record. */
    public record Facts(String sku, String locationId) {
    }

    private final Cache<String, Facts> facts;

    public LevelIndex(long maxEntries) {
        this.facts = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    public void learn(Collection<InventoryLevel> levels) {
        for (InventoryLevel level : levels) {
            facts.put(key(level.source().account(), level.source().nativeId()), new Facts(level.sku(), level.locationId()));
        }
    }

    public Optional<Facts> of(String accountId, String levelNativeId) {
        return Optional.ofNullable(facts.getIfPresent(key(accountId, levelNativeId)));
    }

    private static String key(String account, String nativeId) {
        return account + "\u0000" + nativeId;
    }
}

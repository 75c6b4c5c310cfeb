package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;

/**
 * A place that holds stock.
 *
 * @param key the world's stable key, e.g. {@code STORE-SF}
 * @param name the display name
 * @param kind warehouse, store or marketplace fulfilment centre
 * @param address postal address
 * @param geo coordinates
 * @param phone the location's phone number in E.164, or null
 * @param fulfillsOnlineOrders whether online orders may be assigned to it
 * @param shipsInventory whether it ships parcels
 * @param pickup local pickup settings; null when the location offers no pickup
 * @param channels the channels whose back office knows this location (Shopify for the brand's own sites)
 * @param openedAt when it was created in the back office
 */
public record Location(String key, String name, LocationKind kind, PostalAddress address, GeoPoint geo, String phone,
        boolean fulfillsOnlineOrders, boolean shipsInventory, PickupSettings pickup, Set<Channel> channels,
        Instant openedAt) {

    public Location {
        requireNonNull(key, "key is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(address, "address is null");
        requireNonNull(geo, "geo is null");
        requireNonNull(openedAt, "openedAt is null");
        channels = Set.copyOf(channels);
    }

    /** Whether customers can collect online orders here. */
    public boolean offersPickup() {
        return pickup != null;
    }
}

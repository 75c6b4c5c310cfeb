package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Stock of one SKU at one location, as the channel reports it.
 *
 * @param source where this record lives ({@code nativeId} is the vendor's id of the level, or
 *     {@code item:location} when it has none)
 * @param sku seller SKU
 * @param locationId native id of the {@link Location} in the same account
 * @param onHand units physically there
 * @param committed units promised to open orders (Amazon: reserved)
 * @param available units the channel can still sell, as the vendor computes it
 * @param incoming units on the way (inbound shipments, transfers)
 * @param updatedAt when the vendor last changed it; nullable
 * @since 1.0
 */
public record InventoryLevel(
        SourceRef source,
        String sku,
        String locationId,
        long onHand,
        long committed,
        long available,
        long incoming,
        Instant updatedAt) {

    public InventoryLevel {
        requireNonNull(source, "source is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(locationId, "locationId is null");
    }
}

package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Stock of one SKU at one location.
 *
 * @param sku the SKU
 * @param locationKey the {@link Location#key()}
 * @param onHand units physically there
 * @param committed units promised to open orders assigned to this location (part of on hand)
 * @param incoming units on their way (purchase orders, transfers); not part of on hand
 * @param updatedAt when any of these last changed
 */
public record StockLevel(String sku, String locationKey, int onHand, int committed, int incoming, Instant updatedAt) {

    public StockLevel {
        requireNonNull(sku, "sku is null");
        requireNonNull(locationKey, "locationKey is null");
        requireNonNull(updatedAt, "updatedAt is null");
        if (onHand < 0 || committed < 0 || incoming < 0) {
            throw new IllegalArgumentException("quantities must not be negative for " + sku + " at " + locationKey);
        }
        if (committed > onHand) {
            throw new IllegalArgumentException("committed " + committed + " exceeds on hand " + onHand
                    + " for " + sku + " at " + locationKey);
        }
    }

    /** Units that can still be sold: on hand minus committed (Shopify's {@code available}). */
    public int available() {
        return onHand - committed;
    }
}

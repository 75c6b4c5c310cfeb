package dev.omnigate.gateway.graphql.product;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.SourceRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The GraphQL {@code Product}: one SKU across every channel.
 *
 * @param sku the seller SKU
 * @param title the first listing title (accounts in id order)
 * @param prices every listing's price
 * @param availability stock summed over every physical place (a place several accounts report counts once)
 */
public record ProductView(String sku, String title, List<Price> prices, Availability availability) {

    /**
     * Stock sums and per-location levels.
     *
     * @param onHand sum of on hand
     * @param committed sum of committed
     * @param available sum of each channel's available
     * @param incoming sum of incoming
     * @param byLocation the levels, by account then location id
     */
    public record Availability(long onHand, long committed, long available, long incoming, List<LocationLevel> byLocation) {
    }

    /**
     * The GraphQL {@code LocationAvailability}: one level and whether the sums count it.
     *
     * @param counted false when another account's level for the same physical place is counted instead
     */
    public record LocationLevel(InventoryLevel level, boolean counted) {
        public SourceRef source() {
            return level.source();
        }

        public long onHand() {
            return level.onHand();
        }

        public long committed() {
            return level.committed();
        }

        public long available() {
            return level.available();
        }

        public long incoming() {
            return level.incoming();
        }

        public Instant updatedAt() {
            return level.updatedAt();
        }
    }

    /** A product whose every level counts (no two accounts report the same place). */
    public static ProductView of(String sku, List<Price> prices, List<InventoryLevel> levels) {
        return of(sku, prices, levels, Set.of());
    }

    /**
     * @param notCounted levels of a physical place another account's level already stands for ({@link SamePlaces})
     */
    public static ProductView of(String sku, List<Price> prices, List<InventoryLevel> levels, Set<InventoryLevel> notCounted) {
        List<LocationLevel> sorted = levels.stream()
                .sorted(Comparator.comparing((InventoryLevel level) -> level.source().account()).thenComparing(InventoryLevel::locationId))
                .map(level -> new LocationLevel(level, !notCounted.contains(level)))
                .toList();
        List<InventoryLevel> counted = sorted.stream().filter(LocationLevel::counted).map(LocationLevel::level).toList();
        Availability availability = new Availability(
                counted.stream().mapToLong(InventoryLevel::onHand).sum(),
                counted.stream().mapToLong(InventoryLevel::committed).sum(),
                counted.stream().mapToLong(InventoryLevel::available).sum(),
                counted.stream().mapToLong(InventoryLevel::incoming).sum(),
                sorted);
        String title = prices.stream().map(Price::title).filter(name -> name != null && !name.isBlank()).findFirst().orElse(null);
        return new ProductView(sku, title, List.copyOf(prices), availability);
    }
}

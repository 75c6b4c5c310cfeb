package dev.omnigate.gateway.graphql.product;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Price;
import java.util.Comparator;
import java.util.List;

/**
 * The GraphQL {@code Product}: one SKU across every channel.
 *
 * @param sku the seller SKU
 * @param title the first listing title (accounts in id order)
 * @param prices every listing's price
 * @param availability stock summed over every location
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
    public record Availability(long onHand, long committed, long available, long incoming, List<InventoryLevel> byLocation) {
    }

    public static ProductView of(String sku, List<Price> prices, List<InventoryLevel> levels) {
        List<InventoryLevel> sorted = levels.stream()
                .sorted(Comparator.comparing((InventoryLevel level) -> level.source().account()).thenComparing(InventoryLevel::locationId))
                .toList();
        Availability availability = new Availability(
                sorted.stream().mapToLong(InventoryLevel::onHand).sum(),
                sorted.stream().mapToLong(InventoryLevel::committed).sum(),
                sorted.stream().mapToLong(InventoryLevel::available).sum(),
                sorted.stream().mapToLong(InventoryLevel::incoming).sum(),
                sorted);
        String title = prices.stream().map(Price::title).filter(name -> name != null && !name.isBlank()).findFirst().orElse(null);
        return new ProductView(sku, title, List.copyOf(prices), availability);
    }
}

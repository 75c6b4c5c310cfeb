package dev.omnigate.simulator.shopify;

import dev.omnigate.simulator.world.StockLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Shopify view of the demo world: one record per Admin GraphQL object type, with accessors named after the
 * GraphQL fields so graphql-java's property fetchers serve them. Fields that take arguments or point at other
 * objects are served by {@link ShopifySchema}'s data fetchers from the ids kept here.
 */
public final class ShopifyModel {

    private ShopifyModel() {
    }

    static final String CURRENCY = "USD";

    /** {@code MoneyV2}: amount (a {@code Decimal}) and currency code. */
    static Map<String, Object> money(BigDecimal amount) {
        return Map.of("amount", amount, "currencyCode", CURRENCY);
    }

    /** {@code MoneyBag}: the shop's and the buyer's currency are both USD in this world. */
    static Map<String, Object> moneyBag(BigDecimal amount) {
        Map<String, Object> money = money(amount);
        return Map.of("shopMoney", money, "presentmentMoney", money);
    }

    /** Marker for types that implement the GraphQL {@code Node} interface. */
    public interface Node {
        String id();
    }

    public record Shop(String id, String name, String email, String contactEmail, String currencyCode,
            String myshopifyDomain, String ianaTimezone) {
    }

    public record Customer(long legacyId, String personKey, String firstName, String lastName, String displayName,
            String email, String phone, Map<String, Object> defaultAddress, Instant createdAt, Instant updatedAt,
            long numberOfOrders, Map<String, Object> amountSpent, List<String> tags, String state,
            boolean verifiedEmail, String note) implements Node {

        @Override
        public String id() {
            return ShopifyIds.gid("Customer", legacyId);
        }

        public String legacyResourceId() {
            return Long.toString(legacyId);
        }
    }

    public record Order(long legacyId, String worldKey, int number, String name, String email, String phone,
            Instant createdAt, Instant updatedAt, Instant processedAt, Instant cancelledAt, String cancelReason,
            Instant closedAt, String displayFinancialStatus, String displayFulfillmentStatus, Long customerLegacyId,
            String customerName, BigDecimal totalPrice, Map<String, Object> totalPriceSet,
            Map<String, Object> currentTotalPriceSet, Map<String, Object> subtotalPriceSet,
            Map<String, Object> totalShippingPriceSet, Map<String, Object> totalTaxSet,
            Map<String, Object> totalRefundedSet, String sourceName, Map<String, Object> shippingAddress,
            List<String> tags, List<LineItem> lineItems, List<FulfillmentOrder> fulfillmentOrders) implements Node {

        @Override
        public String id() {
            return ShopifyIds.gid("Order", legacyId);
        }

        public String legacyResourceId() {
            return Long.toString(legacyId);
        }

        public boolean closed() {
            return closedAt != null;
        }

        public String currencyCode() {
            return CURRENCY;
        }
    }

    public record LineItem(long legacyId, String sku, String title, String name, String variantTitle, String vendor,
            int quantity, int currentQuantity, int unfulfilledQuantity, Map<String, Object> originalUnitPriceSet,
            Map<String, Object> originalTotalSet, Long variantLegacyId, Long productLegacyId) implements Node {

        @Override
        public String id() {
            return ShopifyIds.gid("LineItem", legacyId);
        }
    }

    public record FulfillmentOrder(long legacyId, long orderLegacyId, String status, String methodType,
            String presentedName, long locationLegacyId, Instant createdAt, Instant updatedAt) implements Node {

        @Override
        public String id() {
            return ShopifyIds.gid("FulfillmentOrder", legacyId);
        }

        public String orderId() {
            return ShopifyIds.gid("Order", orderLegacyId);
        }
    }

    public record Product(long legacyId, String worldKey, String title, String handle, String vendor,
            String productType, String status, List<String> tags, Instant createdAt, Instant updatedAt,
            List<Long> variantLegacyIds) implements Node {

        @Override
        public String id() {
            return ShopifyIds.gid("Product", legacyId);
        }

        public String legacyResourceId() {
            return Long.toString(legacyId);
        }
    }

    public record ProductVariant(long legacyId, String sku, String title, String displayName, String fullTitle,
            BigDecimal price, BigDecimal compareAtPrice, String barcode, int position,
            List<Map<String, Object>> selectedOptions, Instant createdAt, Instant updatedAt, long productLegacyId,
            long inventoryItemLegacyId) implements Node {

        @Override
        public String id() {
            return ShopifyIds.gid("ProductVariant", legacyId);
        }

        public String legacyResourceId() {
            return Long.toString(legacyId);
        }
    }

    public record InventoryItem(long legacyId, String sku, long variantLegacyId, Instant createdAt, Instant updatedAt)
            implements Node {

        @Override
        public String id() {
            return ShopifyIds.gid("InventoryItem", legacyId);
        }

        public String legacyResourceId() {
            return Long.toString(legacyId);
        }

        public boolean tracked() {
            return true;
        }

        public boolean requiresShipping() {
            return true;
        }
    }

    /** One SKU at one location; {@code stock} is the state at the time it was read. */
    public record InventoryLevel(long inventoryItemLegacyId, long locationLegacyId, StockLevel stock, Instant createdAt)
            implements Node {

        @Override
        public String id() {
            return ShopifyIds.inventoryLevelGid(locationLegacyId, inventoryItemLegacyId);
        }

        public Instant updatedAt() {
            return stock.updatedAt();
        }

        /** Shopify's named quantities; {@code reserved} and the other on-hand states are always 0 here. */
        public int quantity(String name) {
            return switch (name) {
                case "available" -> stock.available();
                case "committed" -> stock.committed();
                case "on_hand" -> stock.onHand();
                case "incoming" -> stock.incoming();
                default -> 0;
            };
        }
    }

    public record Location(long legacyId, String worldKey, String name, boolean fulfillsOnlineOrders,
            boolean shipsInventory, Map<String, Object> localPickupSettingsV2, Map<String, Object> address,
            Instant createdAt, Instant updatedAt) implements Node {

        @Override
        public String id() {
            return ShopifyIds.gid("Location", legacyId);
        }

        public String legacyResourceId() {
            return Long.toString(legacyId);
        }

        public boolean isActive() {
            return true;
        }

        public boolean hasActiveInventory() {
            return true;
        }

        public boolean isFulfillmentService() {
            return false;
        }
    }

    /** A Relay connection page. */
    public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

        public List<T> nodes() {
            return edges.stream().map(Edge::node).toList();
        }
    }

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}

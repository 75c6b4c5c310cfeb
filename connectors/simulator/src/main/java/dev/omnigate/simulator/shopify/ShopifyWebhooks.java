package dev.omnigate.simulator.shopify;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds signed Shopify webhook deliveries for changes in the demo shop, so a receiver can be driven end to end.
 * Bodies are REST-style resources (snake_case, numeric {@code id}, {@code admin_graphql_api_id}, money as two-decimal
 * strings, times in the shop's zone with offset), the form Shopify's classic webhooks use (PROTOCOLS.md §1
 * "Webhooks"). The signature is {@code X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(app secret, raw body))}.
 */
public final class ShopifyWebhooks {

    private static final DateTimeFormatter REST_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ShopifyStore store;
    private final String shopDomain;
    private final String apiVersion;
    private final String secret;
    private final InstantSource clock;
    private final ZoneId zone;
    private final JsonMapper json = JsonMapper.builder().build();

    ShopifyWebhooks(ShopifyStore store, String shopDomain, String apiVersion, String secret, InstantSource clock) {
        this.store = requireNonNull(store, "store is null");
        this.shopDomain = requireNonNull(shopDomain, "shopDomain is null");
        this.apiVersion = requireNonNull(apiVersion, "apiVersion is null");
        this.secret = requireNonNull(secret, "secret is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.zone = ZoneId.of(store.shop().ianaTimezone());
    }

    /** {@code inventory_levels/update} for the current stock of a SKU at a location (world location key). */
    public ShopifyWebhook inventoryLevelUpdate(String sku, String locationKey) {
        ShopifyModel.ProductVariant variant = store.variantOfSku(sku);
        ShopifyModel.Location location = store.locationOfWorld(locationKey);
        ShopifyModel.InventoryLevel level = store.level(variant.inventoryItemLegacyId(), location.legacyId())
                .orElseThrow(() -> new IllegalArgumentException(sku + " is not stocked at " + locationKey));
        return inventoryWebhook(level);
    }

    /**
     * Changes the available quantity of a SKU at a location in the shop (the simulator serves the new figure) and
     * builds the {@code inventory_levels/update} delivery Shopify would send for it.
     */
    public ShopifyWebhook inventoryLevelUpdate(String sku, String locationKey, int available) {
        return inventoryWebhook(store.setAvailable(sku, locationKey, available, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }

    private ShopifyWebhook inventoryWebhook(ShopifyModel.InventoryLevel level) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inventory_item_id", level.inventoryItemLegacyId());
        body.put("location_id", level.locationLegacyId());
        body.put("available", level.quantity("available"));
        body.put("updated_at", restTime(level.updatedAt()));
        body.put("admin_graphql_api_id", level.id());
        return signed("inventory_levels/update", body);
    }

    /** {@code orders/updated} for a Shopify order of the world (by world order key, e.g. {@code O00011}). */
    public ShopifyWebhook orderUpdated(String orderKey) {
        return orderWebhook(store.orderOfWorld(orderKey));
    }

    private ShopifyWebhook orderWebhook(ShopifyModel.Order order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", order.legacyId());
        body.put("admin_graphql_api_id", order.id());
        body.put("name", order.name());
        body.put("order_number", order.number());
        body.put("email", order.email());
        body.put("contact_email", order.email());
        body.put("phone", order.phone());
        body.put("created_at", restTime(order.createdAt()));
        body.put("updated_at", restTime(order.updatedAt()));
        body.put("processed_at", restTime(order.processedAt()));
        body.put("cancelled_at", restTime(order.cancelledAt()));
        body.put("cancel_reason", order.cancelReason() == null ? null : order.cancelReason().toLowerCase(Locale.ROOT));
        body.put("closed_at", restTime(order.closedAt()));
        body.put("currency", ShopifyModel.CURRENCY);
        body.put("presentment_currency", ShopifyModel.CURRENCY);
        body.put("financial_status", order.displayFinancialStatus().toLowerCase(Locale.ROOT));
        body.put("fulfillment_status", switch (order.displayFulfillmentStatus()) {
            case "FULFILLED" -> "fulfilled";
            case "PARTIALLY_FULFILLED" -> "partial";
            default -> null;
        });
        body.put("subtotal_price", restMoney(order.subtotalPriceSet()));
        body.put("total_shipping_price", restMoney(order.totalShippingPriceSet()));
        body.put("total_tax", restMoney(order.totalTaxSet()));
        body.put("total_price", restMoney(order.totalPriceSet()));
        body.put("current_total_price", restMoney(order.currentTotalPriceSet()));
        body.put("source_name", order.sourceName());
        body.put("tags", String.join(", ", order.tags()));
        body.put("customer", order.customerLegacyId() == null ? null
                : store.customer(order.customerLegacyId()).map(this::restCustomer).orElse(null));
        body.put("line_items", order.lineItems().stream().map(this::restLineItem).toList());
        body.put("shipping_address", order.shippingAddress() == null ? null : restAddress(order.shippingAddress()));
        body.put("fulfillment_location_id", order.fulfillmentOrders().isEmpty() ? null
                : order.fulfillmentOrders().getFirst().locationLegacyId());
        return signed("orders/updated", body);
    }

    private Map<String, Object> restCustomer(ShopifyModel.Customer customer) {
        Map<String, Object> rest = new LinkedHashMap<>();
        rest.put("id", customer.legacyId());
        rest.put("admin_graphql_api_id", customer.id());
        rest.put("email", customer.email());
        rest.put("first_name", customer.firstName());
        rest.put("last_name", customer.lastName());
        rest.put("phone", customer.phone());
        rest.put("created_at", restTime(customer.createdAt()));
        rest.put("updated_at", restTime(customer.updatedAt()));
        return rest;
    }

    private Map<String, Object> restLineItem(ShopifyModel.LineItem line) {
        Map<String, Object> rest = new LinkedHashMap<>();
        rest.put("id", line.legacyId());
        rest.put("admin_graphql_api_id", line.id());
        rest.put("variant_id", line.variantLegacyId());
        rest.put("product_id", line.productLegacyId());
        rest.put("sku", line.sku());
        rest.put("title", line.title());
        rest.put("variant_title", line.variantTitle());
        rest.put("name", line.name());
        rest.put("vendor", line.vendor());
        rest.put("quantity", line.quantity());
        rest.put("current_quantity", line.currentQuantity());
        rest.put("fulfillable_quantity", line.unfulfilledQuantity());
        rest.put("price", restMoney(line.originalUnitPriceSet()));
        return rest;
    }

    private static Map<String, Object> restAddress(Map<String, Object> address) {
        Map<String, Object> rest = new LinkedHashMap<>();
        rest.put("first_name", address.get("firstName"));
        rest.put("last_name", address.get("lastName"));
        rest.put("name", address.get("name"));
        rest.put("address1", address.get("address1"));
        rest.put("address2", address.get("address2"));
        rest.put("city", address.get("city"));
        rest.put("province", address.get("province"));
        rest.put("province_code", address.get("provinceCode"));
        rest.put("zip", address.get("zip"));
        rest.put("country", address.get("country"));
        rest.put("country_code", address.get("countryCodeV2"));
        rest.put("phone", address.get("phone"));
        return rest;
    }

    private String restTime(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).format(REST_TIME);
    }

    @SuppressWarnings("unchecked")
    private static String restMoney(Map<String, Object> moneyBag) {
        Map<String, Object> shopMoney = (Map<String, Object>) moneyBag.get("shopMoney");
        return ((BigDecimal) shopMoney.get("amount")).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private ShopifyWebhook signed(String topic, Map<String, Object> body) {
        byte[] bytes = json.writeValueAsBytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Hmac-Sha256", sign(bytes, secret));
        headers.put("X-Shopify-Shop-Domain", shopDomain);
        headers.put("X-Shopify-API-Version", apiVersion);
        headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        headers.put("X-Shopify-Event-Id", UUID.randomUUID().toString());
        headers.put("X-Shopify-Triggered-At", clock.instant().toString());
        return new ShopifyWebhook(topic, headers, bytes);
    }

    /** {@code base64(HMAC-SHA256(secret, body))}, the value of {@code X-Shopify-Hmac-Sha256}. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }
}

package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.toolkit.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Shopify webhook deliveries the way Shopify sends them (PROTOCOLS.md §1 "Webhooks"): the five
 * headers the official validator requires plus {@code X-Shopify-Triggered-At} and
 * {@code X-Shopify-Event-Id}, and {@code X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(secret, raw body))}.
 *
 * <p>The bodies used with it are written by hand after Shopify's REST Admin resource shapes (snake_case,
 * numeric {@code id}, {@code admin_graphql_api_id}); no Shopify-published payload files exist in
 * vendor-specs (PROTOCOLS.md notes the gap).
 */
final class ShopifyWebhooks {

    static final String URL = "https://gateway.example.com/webhooks/shopify/demo-shopify";

    private final String secret;
    private final String shopDomain;

    ShopifyWebhooks(String secret, String shopDomain) {
        this.secret = secret;
        this.shopDomain = shopDomain;
    }

    WebhookRequest signed(String topic, String body, String webhookId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-Shopify-Topic", List.of(topic));
        headers.put("X-Shopify-Shop-Domain", List.of(shopDomain));
        headers.put("X-Shopify-API-Version", List.of("2026-04"));
        headers.put("X-Shopify-Webhook-Id", List.of(webhookId));
        headers.put("X-Shopify-Event-Id", List.of("98880550-7158-44d4-b7cd-2c97c8a091b5"));
        headers.put("X-Shopify-Triggered-At", List.of("2026-07-03T16:41:00.512459Z"));
        headers.put("X-Shopify-Hmac-Sha256", List.of(Hmac.sha256Base64(secret, bytes)));
        return new WebhookRequest(URL, headers, bytes, Instant.parse("2026-07-03T16:41:01Z"));
    }

    /** The same request with another body, signed with the right secret. */
    WebhookRequest resign(WebhookRequest request, byte[] body) {
        return withSignature(request, body, Hmac.sha256Base64(secret, body));
    }

    /** The same request signed with a secret that is not the configured one. */
    WebhookRequest forge(WebhookRequest request) {
        return withSignature(request, request.body(), Hmac.sha256Base64(secret + "-but-not-quite", request.body()));
    }

    static WebhookRequest withHeader(WebhookRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(header -> header.equalsIgnoreCase(name));
        if (value != null) {
            headers.put(name, List.of(value));
        }
        return new WebhookRequest(request.url(), headers, request.body(), request.receivedAt());
    }

    private static WebhookRequest withSignature(WebhookRequest request, byte[] body, String signature) {
        WebhookRequest signed = withHeader(request, "X-Shopify-Hmac-Sha256", signature);
        return new WebhookRequest(signed.url(), signed.headers(), body, signed.receivedAt());
    }

    // Bodies after Shopify's REST Admin resources (Order, Customer, InventoryLevel), trimmed to the fields
    // a subscriber typically reads; ids and emails are those of the captures the contract stubs serve.

    static final String ORDER_CREATE_BODY = """
            {"id":8888861458738,"admin_graphql_api_id":"gid://shopify/Order/8888861458738",\
            "email":"money-bag-presentment-20260703164056@example.com","created_at":"2026-07-03T12:40:57-04:00",\
            "updated_at":"2026-07-03T12:40:58-04:00","name":"#1662","currency":"CAD","presentment_currency":"USD",\
            "total_price":"13.50","financial_status":"pending","fulfillment_status":null,\
            "customer":{"id":10885440995634,"admin_graphql_api_id":"gid://shopify/Customer/10885440995634"},\
            "line_items":[{"id":22330451607858,"admin_graphql_api_id":"gid://shopify/LineItem/22330451607858",\
            "sku":"MBAG-20260703164056","title":"MoneyBag line 20260703164056","quantity":1,"price":"12.00"}]}""";

    static final String ORDER_UPDATED_BODY = """
            {"id":8837991727410,"admin_graphql_api_id":"gid://shopify/Order/8837991727410",\
            "email":"hermes-draft-order-complete-20260622223358@example.com","created_at":"2026-06-22T18:34:00-04:00",\
            "updated_at":"2026-06-22T18:34:02-04:00","name":"#1494","currency":"CAD","total_price":"55.00",\
            "financial_status":"paid","fulfillment_status":null,"cancelled_at":null}""";

    static final String CUSTOMER_UPDATE_BODY = """
            {"id":9522206933298,"admin_graphql_api_id":"gid://shopify/Customer/9522206933298",\
            "email":"karine.ruby@example.com","first_name":"Karine","last_name":"Ruby","phone":"+16135550142",\
            "created_at":"2025-03-26T15:51:37-04:00","updated_at":"2026-05-05T22:40:36-04:00","orders_count":13,\
            "state":"disabled","verified_email":true,"currency":"CAD"}""";

    static final String INVENTORY_LEVEL_UPDATE_BODY = """
            {"inventory_item_id":53564958638386,"location_id":113884234034,"available":4,\
            "updated_at":"2026-07-10T13:24:41-04:00",\
            "admin_graphql_api_id":"gid://shopify/InventoryLevel/152183472434?inventory_item_id=53564958638386"}""";

    static final String PRODUCT_UPDATE_BODY = """
            {"id":10236063121714,"admin_graphql_api_id":"gid://shopify/Product/10236063121714",\
            "title":"Inventory item levels 1783701856472","updated_at":"2026-07-10T13:24:41-04:00"}""";
}

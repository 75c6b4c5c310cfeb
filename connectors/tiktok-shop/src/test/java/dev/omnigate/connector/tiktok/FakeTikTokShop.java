package dev.omnigate.connector.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.omnigate.connector.toolkit.json.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TikTok Shop's 202309 API for the contract stubs, answering from the official samples in
 * {@code shared/vendor-specs/tiktok-shop/api-samples} read in place. Each handler first checks the request the way
 * TikTok does (query {@code app_key}, {@code timestamp}, {@code shop_cipher} and {@code sign} recomputed over the
 * path, sorted parameters and exact body; header {@code x-tts-access-token}) and throws when it is wrong, which fails
 * the contract test. Data:
 * <ul>
 *   <li>orders: the order of {@code OrderBatchGetOrderDetailResponse.json} plus two variants of it with other ids,
 *       create times, statuses and (the second) a duplicated line item, to exercise paging and quantity;</li>
 *   <li>products: the product of {@code ProductSearchProductsResponse.json} and the product of
 *       {@code ProductGetProductDetailResponse.json} (plus one SKU copied from it without stock);</li>
 *   <li>warehouses: {@code LogisticsGetWarehousesResponse.json} plus a disabled return warehouse copied from it.</li>
 * </ul>
 */
final class FakeTikTokShop {

    static final String APP_KEY = "tts-app-key-c0ntract7";
    static final String APP_SECRET = "tts-app-secret-9f2e4d";
    static final String ACCESS_TOKEN = "tts-access-token-5b1a7c";
    static final String REFRESH_TOKEN = "tts-refresh-token-3e8d2f";
    static final String SHOP_CIPHER = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3"; // AuthorizationGetShopsResponse.json
    static final String SHOP_ID = "7000714532876273420";

    static final String ORDER_A = "576461413038785752";
    static final String ORDER_B = "576461413038785753";
    static final String ORDER_C = "576461413038785754";

    private final List<ObjectNode> orders = new ArrayList<>();
    private final List<ObjectNode> products = new ArrayList<>();
    private final ArrayNode warehouses;

    FakeTikTokShop() {
        ObjectNode sample = (ObjectNode) VendorSpecs.api("OrderBatchGetOrderDetailResponse.json").path("data").path("orders").get(0);
        orders.add(sample);
        ObjectNode b = sample.deepCopy();
        b.put("id", ORDER_B).put("create_time", 1619611600L).put("update_time", 1619621400L).put("status", "AWAITING_SHIPMENT");
        ((ArrayNode) b.get("line_items")).add(((ObjectNode) b.get("line_items").get(0).deepCopy()).put("id", "577086512123755124"));
        orders.add(b);
        ObjectNode c = sample.deepCopy();
        c.put("id", ORDER_C).put("create_time", 1619611700L).put("update_time", 1619621500L).put("status", "COMPLETED")
                .put("fulfillment_type", "FULFILLMENT_BY_TIKTOK");
        orders.add(c);

        products.add((ObjectNode) VendorSpecs.api("ProductSearchProductsResponse.json").path("data").path("products").get(0));
        ObjectNode detail = (ObjectNode) VendorSpecs.api("ProductGetProductDetailResponse.json").get("data");
        ObjectNode unstocked = ((ObjectNode) detail.get("skus").get(0).deepCopy()).put("id", "10002").put("seller_sku", "sku name 2");
        unstocked.putArray("inventory");
        ((ArrayNode) detail.get("skus")).add(unstocked);
        products.add(detail);

        warehouses = (ArrayNode) VendorSpecs.api("LogisticsGetWarehousesResponse.json").path("data").path("warehouses");
        ObjectNode returns = ((ObjectNode) warehouses.get(0).deepCopy()).put("id", "7000714532876273411")
                .put("name", "Guangzhou returns").put("effect_status", "DISABLED").put("type", "RETURN_WAREHOUSE")
                .put("is_default", false);
        warehouses.add(returns);
    }

    /** {@code GET /order/202309/orders?ids=}: the known orders among the ids. */
    ResponseDefinitionBuilder ordersByIds(Request request) {
        Map<String, String> query = verified(request, true);
        List<String> ids = List.of(query.getOrDefault("ids", "").split(","));
        if (ids.size() > TikTokShopOrderReader.MAX_IDS) {
            throw new AssertionError("more than 50 ids in one Get Order Detail call: " + ids.size());
        }
        ObjectNode data = Json.mapper().createObjectNode();
        ArrayNode found = data.putArray("orders");
        orders.stream().filter(order -> ids.contains(order.get("id").asString())).forEach(found::add);
        return ok(data);
    }

    /** {@code POST /order/202309/orders/search}: body filters, {@code sort_field}/{@code sort_order}, page tokens. */
    ResponseDefinitionBuilder searchOrders(Request request) {
        Map<String, String> query = verified(request, true);
        JsonNode body = Json.mapper().readTree(request.getBody());
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode order : orders) {
            long created = order.get("create_time").asLong();
            long updated = order.get("update_time").asLong();
            if (body.has("create_time_ge") && created < body.get("create_time_ge").asLong()
                    || body.has("create_time_lt") && created >= body.get("create_time_lt").asLong()
                    || body.has("update_time_ge") && updated < body.get("update_time_ge").asLong()
                    || body.has("buyer_user_id") && !body.get("buyer_user_id").asString().equals(order.get("user_id").asString())) {
                continue;
            }
            matches.add(order);
        }
        String field = query.getOrDefault("sort_field", "create_time");
        Comparator<ObjectNode> order = Comparator.comparingLong(o -> o.get(field).asLong());
        matches.sort("DESC".equals(query.get("sort_order")) ? order.reversed() : order);
        int size = Integer.parseInt(query.getOrDefault("page_size", "10"));
        int offset = query.containsKey("page_token")
                ? Integer.parseInt(new String(Base64.getDecoder().decode(query.get("page_token")), StandardCharsets.UTF_8).substring(7))
                : 0;
        ObjectNode data = Json.mapper().createObjectNode();
        ArrayNode page = data.putArray("orders");
        matches.stream().skip(offset).limit(size).forEach(page::add);
        data.put("next_page_token", offset + size < matches.size()
                ? Base64.getEncoder().encodeToString(("offset=" + (offset + size)).getBytes(StandardCharsets.UTF_8)) : "");
        data.put("total_count", matches.size());
        return ok(data);
    }

    /** {@code POST /product/202309/products/search}: products holding any of {@code seller_skus}. */
    ResponseDefinitionBuilder searchProducts(Request request) {
        Map<String, String> query = verified(request, true);
        JsonNode body = Json.mapper().readTree(request.getBody());
        List<String> wanted = new ArrayList<>();
        body.path("seller_skus").forEach(sku -> wanted.add(sku.asString()));
        ObjectNode data = Json.mapper().createObjectNode();
        ArrayNode page = data.putArray("products");
        int size = Integer.parseInt(query.getOrDefault("page_size", "10"));
        for (ObjectNode product : products) {
            boolean holds = false;
            for (JsonNode sku : product.path("skus")) {
                holds |= wanted.contains(sku.path("seller_sku").asString().strip());
            }
            if (holds && page.size() < size) {
                page.add(product);
            }
        }
        data.put("total_count", page.size());
        data.put("next_page_token", "");
        return ok(data);
    }

    /** {@code GET /logistics/202309/warehouses}. */
    ResponseDefinitionBuilder warehouses(Request request) {
        verified(request, true);
        ObjectNode data = Json.mapper().createObjectNode();
        data.set("warehouses", warehouses);
        return ok(data);
    }

    /** {@code GET /authorization/202309/shops}: the sample as it is. */
    ResponseDefinitionBuilder shops(Request request) {
        verified(request, false);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(VendorSpecs.bytes(VendorSpecs.apiSample("AuthorizationGetShopsResponse.json")));
    }

    private static ResponseDefinitionBuilder ok(ObjectNode data) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("code", 0).put("message", "Success").put("request_id", "202203070749000101890810281E8C70B7");
        envelope.set("data", data);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Json.mapper().writeValueAsBytes(envelope));
    }

    /** Checks the common parameters and the signature like TikTok; returns the decoded query. */
    static Map<String, String> verified(Request request, boolean shopScoped) {
        URI uri = URI.create(request.getUrl());
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        require(APP_KEY.equals(query.get("app_key")), "app_key");
        require(query.getOrDefault("timestamp", "").matches("[0-9]{10}"), "a 10-digit timestamp");
        require(!shopScoped || SHOP_CIPHER.equals(query.get("shop_cipher")), "shop_cipher");
        require(ACCESS_TOKEN.equals(request.getHeader(TikTokShopClient.ACCESS_TOKEN_HEADER)), "x-tts-access-token");
        String expected = TikTokShopSigner.sign(APP_SECRET, uri.getRawPath(), query, request.getBody());
        require(expected.equals(query.get("sign")), "a valid sign");
        return query;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("the request lacks " + what);
        }
    }
}

package dev.omnigate.simulator.tiktok;

import dev.omnigate.simulator.tiktok.TikTokShopStore.TikTokProduct;
import dev.omnigate.simulator.tiktok.TikTokShopStore.TikTokSku;
import dev.omnigate.simulator.tiktok.TikTokShopStore.TikTokWarehouse;
import dev.omnigate.simulator.world.Location;
import dev.omnigate.simulator.world.StockLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 202309 endpoints of the TikTok Shop simulator, after the signature checks passed. Every answer is TikTok's
 * envelope {@code {code, message, request_id, data}}; each route names the sample of
 * {@code shared/vendor-specs/tiktok-shop/api-samples} whose shape it follows.
 */
final class TikTokShopApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** TikTok's documented maximum of ids per Get Order Detail call. */
    static final int MAX_ORDER_IDS = 50;
    static final int MAX_PAGE_SIZE = 100;
    private static final Pattern PRODUCT = Pattern.compile("/product/202309/products/([0-9]+)");

    /** An HTTP status and envelope. */
    record Answer(int status, Map<String, Object> body) {
    }

    private final TikTokShopStore store;

    TikTokShopApi(TikTokShopStore store) {
        this.store = store;
    }

    static Map<String, Object> ok(Object data, String requestId) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", 0);
        envelope.put("message", "Success");
        envelope.put("request_id", requestId);
        envelope.put("data", data);
        return envelope;
    }

    static Map<String, Object> error(long code, String message, String requestId) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("message", message);
        envelope.put("request_id", requestId);
        envelope.put("data", Map.of());
        return envelope;
    }

    Answer serve(String method, String path, Map<String, String> query, byte[] body, String requestId) {
        try {
            Matcher product = PRODUCT.matcher(path);
            return switch (method + " " + path) {
                case "GET /authorization/202309/shops" -> new Answer(200, ok(shops(), requestId));
                case "GET /order/202309/orders" -> ordersByIds(query, requestId);
                case "POST /order/202309/orders/search" -> searchOrders(query, tree(body), requestId);
                case "POST /product/202309/products/search" -> searchProducts(query, tree(body), requestId);
                case "POST /product/202309/inventory/search" -> inventory(tree(body), requestId);
                case "GET /logistics/202309/warehouses" -> new Answer(200, ok(Map.of("warehouses", warehouses()), requestId));
                default -> method.equals("GET") && product.matches()
                        ? productDetail(product.group(1), requestId)
                        : new Answer(404, error(40004, "Path not found: " + method + " " + path, requestId));
            };
        } catch (BadRequest e) {
            return new Answer(400, error(36009003, e.getMessage(), requestId));
        }
    }

    /** A request TikTok would refuse as invalid (the code is the simulator's choice: not in the sources). */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new BadRequest("The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw new BadRequest("The request body is not valid JSON.");
        }
    }

    /** AuthorizationGetShopsResponse.json. */
    private Map<String, Object> shops() {
        Map<String, Object> shop = new LinkedHashMap<>();
        shop.put("cipher", TikTokShopStore.SHOP_CIPHER);
        shop.put("code", "USOMNIDEMO01");
        shop.put("id", TikTokShopStore.SHOP_ID);
        shop.put("name", store.world().brand().name());
        shop.put("region", "US");
        shop.put("seller_type", "LOCAL");
        return Map.of("shops", List.of(shop));
    }

    /** OrderBatchGetOrderDetailResponse.json: known ids only, at most 50. */
    private Answer ordersByIds(Map<String, String> query, String requestId) {
        String ids = query.get("ids");
        if (ids == null || ids.isBlank()) {
            throw new BadRequest("The 'ids' query parameter is required.");
        }
        List<String> wanted = List.of(ids.split(","));
        if (wanted.size() > MAX_ORDER_IDS) {
            throw new BadRequest("At most " + MAX_ORDER_IDS + " order ids are allowed.");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        wanted.stream().distinct().forEach(id -> store.order(id.strip()).ifPresent(found::add));
        return new Answer(200, ok(Map.of("orders", found), requestId));
    }

    /** OrderSearchOrdersRequest.json / OrderSearchOrdersResponse.json. */
    private Answer searchOrders(Map<String, String> query, JsonNode body, String requestId) {
        int size = pageSize(query);
        String field = query.getOrDefault("sort_field", "create_time");
        if (!field.equals("create_time") && !field.equals("update_time")) {
            throw new BadRequest("sort_field must be create_time or update_time.");
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> order : store.orders()) {
            long created = (Long) order.get("create_time");
            long updated = (Long) order.get("update_time");
            if (outside(body, "create_time_ge", created, true) || outside(body, "create_time_lt", created, false)
                    || outside(body, "update_time_ge", updated, true) || outside(body, "update_time_lt", updated, false)
                    || body.has("buyer_user_id") && !body.get("buyer_user_id").asString().equals(order.get("user_id"))
                    || body.has("order_status") && !body.get("order_status").asString().equals(order.get("status"))) {
                continue;
            }
            matches.add(order);
        }
        Comparator<Map<String, Object>> order = Comparator.<Map<String, Object>>comparingLong(o -> (Long) o.get(field))
                .thenComparing(o -> (String) o.get("id"));
        matches.sort("ASC".equals(query.get("sort_order")) ? order : order.reversed());
        return new Answer(200, ok(page(matches, "orders", size, query.get("page_token")), requestId));
    }

    private static boolean outside(JsonNode body, String field, long value, boolean lowerBound) {
        if (!body.has(field)) {
            return false;
        }
        if (!body.get(field).isIntegralNumber()) {
            throw new BadRequest(field + " must be a Unix timestamp in seconds.");
        }
        long bound = body.get(field).asLong();
        return lowerBound ? value < bound : value >= bound;
    }

    /** ProductSearchProductsRequest.json / ProductSearchProductsResponse.json (filter: seller_skus). */
    private Answer searchProducts(Map<String, String> query, JsonNode body, String requestId) {
        int size = pageSize(query);
        List<String> sellerSkus = new ArrayList<>();
        body.path("seller_skus").forEach(sku -> sellerSkus.add(sku.asString()));
        List<Map<String, Object>> matches = new ArrayList<>();
        for (TikTokProduct product : store.products()) {
            if (sellerSkus.isEmpty() || product.skus().stream().anyMatch(sku -> sellerSkus.contains(sku.sellerSku()))) {
                matches.add(product(product, false));
            }
        }
        return new Answer(200, ok(page(matches, "products", size, query.get("page_token")), requestId));
    }

    /** ProductGetProductDetailResponse.json. */
    private Answer productDetail(String id, String requestId) {
        Optional<TikTokProduct> product = store.products().stream().filter(p -> p.id().equals(id)).findFirst();
        return product.map(p -> new Answer(200, ok(product(p, true), requestId)))
                .orElseGet(() -> new Answer(404, error(12052048, "The product does not exist.", requestId)));
    }

    /** ProductGetInventoriesRequest.json / ProductGetInventoriesResponse.json (filter: product_ids or sku_ids). */
    private Answer inventory(JsonNode body, String requestId) {
        List<String> productIds = new ArrayList<>();
        List<String> skuIds = new ArrayList<>();
        body.path("product_ids").forEach(id -> productIds.add(id.asString()));
        body.path("sku_ids").forEach(id -> skuIds.add(id.asString()));
        if (productIds.isEmpty() && skuIds.isEmpty()) {
            throw new BadRequest("product_ids or sku_ids is required.");
        }
        List<Map<String, Object>> inventory = new ArrayList<>();
        for (TikTokProduct product : store.products()) {
            List<Map<String, Object>> skus = new ArrayList<>();
            for (TikTokSku sku : product.skus()) {
                if (productIds.contains(product.id()) || skuIds.contains(sku.id())) {
                    List<Map<String, Object>> byWarehouse = new ArrayList<>();
                    long available = 0;
                    long committed = 0;
                    for (Map.Entry<TikTokWarehouse, StockLevel> level : store.stockOf(sku)) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("available_quantity", level.getValue().available());
                        entry.put("committed_quantity", level.getValue().committed());
                        entry.put("warehouse_id", level.getKey().id());
                        byWarehouse.add(entry);
                        available += level.getValue().available();
                        committed += level.getValue().committed();
                    }
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", sku.id());
                    entry.put("seller_sku", sku.sellerSku());
                    entry.put("total_available_quantity", available);
                    entry.put("total_committed_quantity", committed);
                    entry.put("warehouse_inventory", byWarehouse);
                    skus.add(entry);
                }
            }
            if (!skus.isEmpty()) {
                inventory.add(Map.of("product_id", product.id(), "skus", skus));
            }
        }
        return new Answer(200, ok(Map.of("inventory", inventory), requestId));
    }

    /** A product with its SKUs: price and stock per TikTok warehouse (quantity = sellable units). */
    private Map<String, Object> product(TikTokProduct product, boolean detail) {
        String currency = store.world().brand().currency();
        List<Map<String, Object>> skus = new ArrayList<>();
        for (TikTokSku sku : product.skus()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", sku.id());
            entry.put("seller_sku", sku.sellerSku());
            Map<String, Object> price = new LinkedHashMap<>();
            price.put("currency", currency);
            price.put("sale_price", sku.world().price().toPlainString());
            price.put("tax_exclusive_price", sku.world().price().toPlainString());
            entry.put("price", price);
            List<Map<String, Object>> inventory = new ArrayList<>();
            for (Map.Entry<TikTokWarehouse, StockLevel> level : store.stockOf(sku)) {
                inventory.add(Map.of("quantity", level.getValue().available(), "warehouse_id", level.getKey().id()));
            }
            entry.put("inventory", inventory);
            skus.add(entry);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", product.id());
        json.put("title", product.title());
        json.put("status", "ACTIVATE");
        json.put("create_time", product.createTime());
        json.put("update_time", product.createTime());
        json.put("skus", skus);
        if (detail) {
            json.put("is_cod_allowed", false);
        } else {
            json.put("sales_regions", List.of("US"));
        }
        return json;
    }

    /** LogisticsGetWarehousesResponse.json. */
    private List<Map<String, Object>> warehouses() {
        List<Map<String, Object>> list = new ArrayList<>();
        boolean first = true;
        for (TikTokWarehouse warehouse : store.warehouses()) {
            Location location = warehouse.location();
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("address_line1", location.address().address1());
            if (location.address().address2() != null) {
                address.put("address_line2", location.address().address2());
            }
            address.put("city", location.address().city());
            address.put("state", location.address().province());
            address.put("postal_code", location.address().zip());
            address.put("region", location.address().country());
            address.put("region_code", location.address().countryCode());
            address.put("full_address", location.address().address1() + ", " + location.address().city() + ", "
                    + location.address().provinceCode() + " " + location.address().zip());
            address.put("geolocation", Map.of("latitude", String.valueOf(location.geo().latitude()),
                    "longitude", String.valueOf(location.geo().longitude())));
            address.put("contact_person", "Warehouse desk");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", warehouse.id());
            json.put("name", location.name());
            json.put("effect_status", "ENABLED");
            json.put("is_default", first);
            json.put("type", "SALES_WAREHOUSE");
            json.put("sub_type", "DOMESTIC_WAREHOUSE");
            json.put("address", address);
            list.add(json);
            first = false;
        }
        return list;
    }

    private static int pageSize(Map<String, String> query) {
        String raw = query.get("page_size");
        if (raw == null || !raw.matches("[0-9]{1,3}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_PAGE_SIZE) {
            throw new BadRequest("page_size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return Integer.parseInt(raw);
    }

    /** One page and {@code next_page_token} (opaque to clients; "" on the last page), {@code total_count}. */
    private static Map<String, Object> page(List<Map<String, Object>> all, String name, int size, String token) {
        int offset = 0;
        if (token != null && !token.isEmpty()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                if (!decoded.startsWith("offset=")) {
                    throw new IllegalArgumentException("not a page token");
                }
                offset = Integer.parseInt(decoded.substring(7));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("The page_token is invalid.");
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(name, all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + size)));
        data.put("next_page_token", offset + size < all.size()
                ? Base64.getEncoder().encodeToString(("offset=" + (offset + size)).getBytes(StandardCharsets.UTF_8)) : "");
        data.put("total_count", all.size());
        return data;
    }
}

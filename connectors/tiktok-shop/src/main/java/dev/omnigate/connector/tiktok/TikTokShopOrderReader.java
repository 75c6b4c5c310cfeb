package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.tiktok.mapping.TikTokShopJson;
import dev.omnigate.connector.tiktok.mapping.TikTokShopOrderMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Orders: {@code GET /order/202309/orders?ids=} ({@value #MAX_IDS} ids per call, TikTok's documented maximum) and
 * {@code POST /order/202309/orders/search} (query {@code page_size} ≤ {@value #MAX_PAGE_SIZE}, {@code page_token},
 * {@code sort_field=create_time}, {@code sort_order=DESC}; body {@code create_time_ge}, {@code create_time_lt},
 * {@code update_time_ge}, {@code buyer_user_id} as in {@code OrderSearchOrdersRequest.json}). The SPI cursor is
 * TikTok's {@code next_page_token}.
 *
 * <p>A {@code buyerEmail} filter is refused with {@code UNSUPPORTED}: TikTok cannot search by the relay address.
 * Non-numeric ids cannot exist and are absent without a call.
 */
final class TikTokShopOrderReader implements OrderReader {

    /** TikTok's maximum of ids per Get Order Detail call. */
    static final int MAX_IDS = 50;
    /** TikTok's maximum page size of the order search. */
    static final int MAX_PAGE_SIZE = 100;
    static final String ORDERS_PATH = "/order/202309/orders";
    static final String SEARCH_PATH = "/order/202309/orders/search";

    private final TikTokShopClient client;
    private final TikTokShopOrderMapper mapper;

    TikTokShopOrderReader(TikTokShopClient client, TikTokShopOrderMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return MAX_IDS;
    }

    @Override
    public Map<String, Order> getByIds(CallContext context, Set<String> ids) {
        List<String> valid = ids.stream().filter(TikTokShopJson::isId).distinct().toList();
        Map<String, Order> found = new LinkedHashMap<>();
        for (int from = 0; from < valid.size(); from += MAX_IDS) {
            List<String> batch = valid.subList(from, Math.min(valid.size(), from + MAX_IDS));
            JsonNode data = client.get(context, "tiktok-shop orders.byIds", ORDERS_PATH, Map.of("ids", String.join(",", batch)));
            for (JsonNode node : data.path("orders")) {
                Order order = mapper.toOrder(node);
                if (batch.contains(order.source().nativeId())) {
                    found.put(order.source().nativeId(), order);
                }
            }
        }
        return found;
    }

    @Override
    public Page<Order> search(CallContext context, OrderQuery query, PageRequest page) {
        if (query.buyerEmail() != null) {
            throw ConnectorException.of(ErrorCategory.UNSUPPORTED,
                    "tiktok-shop orders.search: TikTok Shop cannot search orders by buyer email (its buyer emails are relay addresses)");
        }
        if (query.customerId() != null && !TikTokShopJson.isId(query.customerId())) {
            return Page.last(List.of()); // no TikTok buyer has such an id
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (query.createdAfter() != null) {
            body.put("create_time_ge", query.createdAfter().getEpochSecond());
        }
        if (query.createdBefore() != null) {
            // exclusive bound in whole seconds: round up so an order at createdBefore - 0.5 s is still included
            long before = query.createdBefore().getEpochSecond() + (query.createdBefore().getNano() > 0 ? 1 : 0);
            body.put("create_time_lt", before);
        }
        if (query.updatedAfter() != null) {
            body.put("update_time_ge", query.updatedAfter().getEpochSecond());
        }
        if (query.customerId() != null) {
            body.put("buyer_user_id", query.customerId());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("page_size", String.valueOf(Math.min(page.size(), MAX_PAGE_SIZE)));
        parameters.put("sort_field", "create_time");
        parameters.put("sort_order", "DESC");
        if (page.cursor() != null) {
            parameters.put("page_token", page.cursor());
        }
        JsonNode data = client.post(context, "tiktok-shop orders.search", SEARCH_PATH, parameters, body);
        List<Order> orders = new ArrayList<>();
        for (JsonNode node : data.path("orders")) {
            orders.add(mapper.toOrder(node));
        }
        String next = TikTokShopJson.text(data, "next_page_token");
        return new Page<>(orders, orders.isEmpty() ? null : next);
    }
}

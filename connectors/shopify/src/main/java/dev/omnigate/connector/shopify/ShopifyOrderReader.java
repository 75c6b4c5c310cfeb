package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.shopify.mapping.ShopifyIds;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.shopify.mapping.ShopifyOrderMapper;
import dev.omnigate.connector.toolkit.paging.Batches;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Orders through {@code nodes(ids:)}, {@code orders(query:)} and, for {@code ORDERS_BY_CUSTOMER}, one
 * {@code orders(query: "customer_id:1 OR customer_id:2 ...")} per batch of customers, newest first.
 *
 * <p>Cost: an order as selected costs about 55 points (10 lines, 3 fulfilment orders), so batches and
 * pages hold {@value #MAX_BATCH} orders (about 830 points, under Shopify's 1000-point single-query
 * limit). A batch of customers costs one call while their orders fit one page of {@value #MAX_BATCH}, and
 * one more call per further page (so about one call per {@value #MAX_BATCH} orders, never one per customer).
 * Orders with more than {@value ShopifyQueries#LINES_PER_ORDER} lines get their remaining lines in
 * follow-up calls.
 */
final class ShopifyOrderReader implements OrderReader {

    /** Ids (or customers) per call, and orders per page. */
    static final int MAX_BATCH = 15;

    private final ShopifyClient client;
    private final ShopifyOrderMapper mapper;

    ShopifyOrderReader(ShopifyClient client, ShopifyOrderMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public Map<String, Order> getByIds(CallContext context, Set<String> ids) {
        return ShopifyConnections.byIds(client, context, ShopifyQueries.ORDERS_BY_IDS, "Order", ids, MAX_BATCH,
                node -> toOrder(context, node), order -> order.source().nativeId());
    }

    @Override
    public Page<Order> search(CallContext context, OrderQuery query, PageRequest page) {
        if (query.customerId() != null && !ShopifyIds.isLegacyId(query.customerId())) {
            return Page.last(List.of()); // no Shopify customer has such an id
        }
        List<String> terms = new ArrayList<>();
        if (query.createdAfter() != null) {
            terms.add(ShopifySearch.atOrAfter("created_at", query.createdAfter()));
        }
        if (query.createdBefore() != null) {
            terms.add(ShopifySearch.before("created_at", query.createdBefore()));
        }
        if (query.updatedAfter() != null) {
            terms.add(ShopifySearch.atOrAfter("updated_at", query.updatedAfter()));
        }
        if (query.customerId() != null) {
            terms.add("customer_id:" + query.customerId());
        }
        if (query.buyerEmail() != null) {
            terms.add(ShopifySearch.term("email", query.buyerEmail()));
        }
        return searchPage(context, terms.isEmpty() ? null : String.join(" AND ", terms), Math.min(page.size(), MAX_BATCH),
                page.cursor());
    }

    private Page<Order> searchPage(CallContext context, String search, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        variables.put("after", after);
        variables.put("query", search);
        JsonNode connection = client.execute(context, ShopifyQueries.ORDER_SEARCH, variables).data().path("orders");
        return page(context, connection);
    }

    private Page<Order> page(CallContext context, JsonNode connection) {
        return ShopifyConnections.page(connection, node -> toOrder(context, node));
    }

    @Override
    public Map<String, List<Order>> getByCustomerIds(CallContext context, Set<String> customerIds) {
        Map<String, List<Order>> result = new LinkedHashMap<>();
        List<String> valid = customerIds.stream().filter(ShopifyIds::isLegacyId).toList();
        for (List<String> batch : Batches.of(valid, MAX_BATCH)) {
            result.putAll(ordersOfCustomers(context, new LinkedHashSet<>(batch)));
        }
        return result;
    }

    /** One batch: the first page answers which customers exist too; further pages only if needed. */
    private Map<String, List<Order>> ordersOfCustomers(CallContext context, Set<String> valid) {
        String search = ShopifySearch.anyCustomer(valid);
        AtomicReference<Set<String>> known = new AtomicReference<>(Set.of());
        List<Order> orders = ShopifyConnections.collectAll(context, ShopifyQueries.ORDERS_BY_CUSTOMERS, cursor -> {
            if (cursor != null) {
                return searchPage(context, search, MAX_BATCH, cursor);
            }
            Map<String, Object> variables = Map.of(
                    "customerIds", valid.stream().map(id -> ShopifyIds.gid("Customer", id)).toList(),
                    "first", MAX_BATCH,
                    "query", search);
            JsonNode data = client.execute(context, ShopifyQueries.ORDERS_BY_CUSTOMERS, variables).data();
            Set<String> existing = new LinkedHashSet<>();
            for (JsonNode customer : data.path("customers")) {
                ShopifyIds.legacyId(customer).filter(valid::contains).ifPresent(existing::add);
            }
            known.set(existing);
            return page(context, data.path("orders"));
        });
        Map<String, List<Order>> byCustomer = new LinkedHashMap<>();
        known.get().forEach(id -> byCustomer.put(id, new ArrayList<>()));
        for (Order order : orders) {
            List<Order> list = order.customerId() == null ? null : byCustomer.get(order.customerId());
            if (list != null) {
                list.add(order); // Shopify already sorted them newest first
            }
        }
        Map<String, List<Order>> result = new LinkedHashMap<>();
        byCustomer.forEach((id, list) -> result.put(id, List.copyOf(list)));
        return result;
    }

    /** Maps an order, first fetching the lines beyond the first page when it has more. */
    private Order toOrder(CallContext context, JsonNode order) {
        JsonNode lineItems = order.get("lineItems");
        if (!ShopifyJson.hasNextPage(lineItems)) {
            return mapper.toOrder(order);
        }
        List<JsonNode> lines = new ArrayList<>(ShopifyJson.nodes(lineItems));
        lines.addAll(ShopifyConnections.restOfNested(client, context, ShopifyQueries.ORDER_LINES, ShopifyJson.string(order, "id"),
                "lineItems", ShopifyJson.endCursor(lineItems)));
        return mapper.toOrder(order, lines);
    }
}

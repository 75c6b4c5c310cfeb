package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.square.mapping.SquareJson;
import dev.omnigate.connector.square.mapping.SquareOrderMapper;
import dev.omnigate.connector.toolkit.paging.Batches;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Orders through {@code POST /v2/orders/batch-retrieve}, {@code POST /v2/orders/search} and, for
 * {@code ORDERS_BY_CUSTOMER}, one {@code SearchOrders} with {@code customer_filter.customer_ids} per batch of
 * customers.
 *
 * <p>Batch size {@value #MAX_BATCH}: {@code SearchOrdersCustomerFilter.customer_ids} takes at most 10 ids, and one
 * {@code maxBatchSize} covers both batch methods (batch-retrieve would take 100). Searches name the locations of
 * {@link SquareLocations} and sort by the filtered timestamp, newest first ({@code DESC}), as Square requires when a
 * time range is set. Filters: created window → {@code date_time_filter.created_at}; updated since →
 * {@code date_time_filter.updated_at}; customer → {@code customer_filter}. Square filters on one time range at a
 * time and cannot filter by buyer email: those queries are refused with {@code UNSUPPORTED}.
 *
 * <p>Orders of customers: Square's customer filter matches the order's {@code customer_id} and its tenders'; each
 * order is listed under the requested customer it names. <strong>Known gap:</strong> SearchOrders cannot tell an
 * unknown customer from a customer without orders, and asking {@code bulk-retrieve} as well would double the calls;
 * so only customers with at least one order are present in the result (the SPI's "empty list for a customer without
 * orders" becomes "absent"). Per-item {@code errors} in a 200 and unmappable orders are handled as described in
 * {@link PartialResults}.
 */
final class SquareOrderReader implements OrderReader {

    /** Ids (or customers) per call. */
    static final int MAX_BATCH = 10;
    /** Largest search page ({@code SearchOrdersRequest.limit}: max 1000); the by-customer pages use it. */
    static final int MAX_PAGE = 500;
    /** Guard against endless paging of one batch of customers. */
    private static final int MAX_PAGES = 200;

    private final SquareClient client;
    private final SquareOrderMapper mapper;
    private final SquareLocations locations;

    SquareOrderReader(SquareClient client, SquareOrderMapper mapper, SquareLocations locations) {
        this.client = client;
        this.mapper = mapper;
        this.locations = locations;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public Map<String, Order> getByIds(CallContext context, Set<String> ids) {
        Map<String, Order> result = new LinkedHashMap<>();
        List<String> valid = ids.stream().filter(SquareIds::isSquareId).toList();
        for (List<String> batch : Batches.of(valid, MAX_BATCH)) {
            String operation = "square orders.batchRetrieve";
            SquareClient.Answer answer = client.post(context, "orders.batchRetrieve", "/v2/orders/batch-retrieve",
                    Map.of("order_ids", batch));
            PartialResults partial = new PartialResults(operation, context);
            answer.errors().forEach(error -> partial.itemError(null, error));
            for (JsonNode node : answer.body().path("orders")) {
                String id = SquareJson.string(node, "id");
                partial.map(id != null && batch.contains(id) ? id : null, () -> mapper.toOrder(node))
                        .filter(order -> batch.contains(order.source().nativeId()))
                        .ifPresent(order -> result.put(order.source().nativeId(), order));
            }
            partial.finish();
        }
        return result;
    }

    @Override
    public Page<Order> search(CallContext context, OrderQuery query, PageRequest page) {
        if (query.buyerEmail() != null) {
            throw ConnectorException.of(ErrorCategory.UNSUPPORTED,
                    "square orders.search: Square cannot filter orders by buyer email");
        }
        boolean created = query.createdAfter() != null || query.createdBefore() != null;
        if (created && query.updatedAfter() != null) {
            throw ConnectorException.of(ErrorCategory.UNSUPPORTED,
                    "square orders.search: Square filters on one time range at a time (created or updated, not both)");
        }
        if (query.customerId() != null && !SquareIds.isSquareId(query.customerId())) {
            return Page.last(List.of()); // no Square customer has such an id
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        String sortField = "CREATED_AT";
        if (created) {
            filter.put("date_time_filter", Map.of("created_at", range(query.createdAfter(), query.createdBefore())));
        } else if (query.updatedAfter() != null) {
            filter.put("date_time_filter", Map.of("updated_at", range(query.updatedAfter(), null)));
            sortField = "UPDATED_AT";
        }
        if (query.customerId() != null) {
            filter.put("customer_filter", Map.of("customer_ids", List.of(query.customerId())));
        }
        return searchPage(context, filter, sortField, Math.min(page.size(), MAX_PAGE), page.cursor());
    }

    @Override
    public Map<String, List<Order>> getByCustomerIds(CallContext context, Set<String> customerIds) {
        Map<String, List<Order>> result = new LinkedHashMap<>();
        List<String> valid = customerIds.stream().filter(SquareIds::isSquareId).toList();
        for (List<String> batch : Batches.of(valid, MAX_BATCH)) {
            Set<String> wanted = new LinkedHashSet<>(batch);
            Map<String, Object> filter = Map.of("customer_filter", Map.of("customer_ids", batch));
            List<Order> orders = Paging.collectAll(context, "square orders.search (by customer)", MAX_PAGES,
                    cursor -> searchPage(context, filter, "CREATED_AT", MAX_PAGE, cursor));
            Map<String, List<Order>> byCustomer = new LinkedHashMap<>();
            for (Order order : orders) {
                String customer = order.customerId();
                if (customer != null && wanted.contains(customer)) {
                    byCustomer.computeIfAbsent(customer, key -> new ArrayList<>()).add(order); // Square sorted newest first
                }
            }
            byCustomer.forEach((customer, list) -> result.put(customer, List.copyOf(list)));
        }
        return result;
    }

    private Page<Order> searchPage(CallContext context, Map<String, Object> filter, String sortField, int limit, String cursor) {
        List<String> locationIds = locations.forOrderSearch(context);
        if (locationIds.isEmpty()) {
            return Page.last(List.of()); // a seller without locations has no orders
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("location_ids", locationIds);
        if (cursor != null) {
            request.put("cursor", cursor);
        }
        Map<String, Object> searchQuery = new LinkedHashMap<>();
        if (!filter.isEmpty()) {
            searchQuery.put("filter", filter);
        }
        searchQuery.put("sort", Map.of("sort_field", sortField, "sort_order", "DESC"));
        request.put("query", searchQuery);
        request.put("limit", limit);
        request.put("return_entries", false);
        String operation = "orders.search";
        JsonNode body = client.post(context, operation, "/v2/orders/search", request).requireNoErrors("square " + operation);
        PartialResults partial = new PartialResults("square " + operation);
        List<Order> orders = new ArrayList<>();
        for (JsonNode node : body.path("orders")) {
            partial.map(() -> mapper.toOrder(node)).ifPresent(orders::add);
        }
        partial.finish();
        return new Page<>(orders, SquareJson.string(body, "cursor"));
    }

    /** Square's {@code TimeRange}: both ends inclusive, so an exclusive upper bound moves back one microsecond. */
    private static Map<String, String> range(Instant from, Instant toExclusive) {
        Map<String, String> range = new LinkedHashMap<>();
        if (from != null) {
            range.put("start_at", from.toString());
        }
        if (toExclusive != null) {
            range.put("end_at", toExclusive.minus(1, ChronoUnit.MICROS).toString());
        }
        return range;
    }
}

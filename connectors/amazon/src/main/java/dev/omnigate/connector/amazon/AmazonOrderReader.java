package dev.omnigate.connector.amazon;

import dev.omnigate.connector.amazon.mapping.AmazonOrderMapper;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Orders through Orders API 2026-01-01 (v0 is deprecated). {@code getByIds} costs one {@code getOrder} per id
 * ({@code maxBatchSize} 1: the 2026 API has no batch lookup, and searchOrders cannot filter by id); a malformed id
 * (not Amazon's 3-7-7 digits) is absent without a call. {@code search} maps the time window to
 * {@code createdAfter/createdBefore} or {@code lastUpdatedAfter}, pages with {@code paginationToken} and keeps
 * Amazon's order; a query without a window reaches back {@code orders-lookback} (searchOrders needs one).
 * Filters Amazon cannot apply (customer id, buyer email, created and updated windows together) are refused with
 * UNSUPPORTED, never ignored.
 */
final class AmazonOrderReader implements OrderReader {

    static final String ORDERS_PATH = "orders/2026-01-01/orders";
    /** The datasets the mapping reads: buyer relay e-mail, grand total, fulfilment status and channel. */
    static final String INCLUDED_DATA = "BUYER,PROCEEDS,FULFILLMENT";
    private static final Pattern ORDER_ID = Pattern.compile("\\d{3}-\\d{7}-\\d{7}");
    private static final int MAX_PAGE = 100;
    /** createdBefore/lastUpdatedBefore must be at least two minutes before the request (orders_2026-01-01.json). */
    static final Duration MIN_AGE_OF_UPPER_BOUND = Duration.ofMinutes(2);

    private final AmazonClient client;
    private final AmazonOrderMapper mapper;
    private final AmazonConfig config;

    AmazonOrderReader(AmazonClient client, AmazonOrderMapper mapper, AmazonConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.config = config;
    }

    @Override
    public int maxBatchSize() {
        return 1;
    }

    @Override
    public Map<String, Order> getByIds(CallContext context, Set<String> ids) {
        Map<String, Order> found = new LinkedHashMap<>();
        for (String id : ids) {
            if (id == null || !ORDER_ID.matcher(id).matches()) {
                continue;
            }
            HttpUrl url = client.url().addPathSegments(ORDERS_PATH).addPathSegment(id)
                    .addQueryParameter("includedData", INCLUDED_DATA).build();
            client.getOrAbsent(context, AmazonOperation.GET_ORDER, url).ifPresent(body -> {
                JsonNode order = body.path("order");
                if (!order.isObject()) {
                    throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon getOrder: answer for an order lacks 'order'");
                }
                Order mapped = mapper.map(order);
                found.put(mapped.source().nativeId(), mapped);
            });
        }
        return found;
    }

    @Override
    public Page<Order> search(CallContext context, OrderQuery query, PageRequest page) {
        if (query.customerId() != null) {
            throw ConnectorException.of(ErrorCategory.UNSUPPORTED,
                    "amazon searchOrders cannot filter by customer id: Amazon has no customer records");
        }
        if (query.buyerEmail() != null) {
            throw ConnectorException.of(ErrorCategory.UNSUPPORTED,
                    "amazon searchOrders cannot filter by buyer email (the 2026-01-01 API has no such filter)");
        }
        if (query.updatedAfter() != null && (query.createdAfter() != null || query.createdBefore() != null)) {
            throw ConnectorException.of(ErrorCategory.UNSUPPORTED,
                    "amazon searchOrders cannot combine a creation window with updatedAfter");
        }
        Cursor cursor = Cursor.parse(page.cursor());
        HttpUrl.Builder url = client.url().addPathSegments(ORDERS_PATH)
                .addQueryParameter("marketplaceIds", String.join(",", config.marketplaceIds()))
                .addQueryParameter("includedData", INCLUDED_DATA)
                .addQueryParameter("maxResultsPerPage", Integer.toString(Math.min(page.size(), MAX_PAGE)));
        Instant now = context.clock().instant();
        if (query.updatedAfter() != null) {
            url.addQueryParameter("lastUpdatedAfter", iso(query.updatedAfter()));
        } else {
            // all parameters but the page size must repeat unchanged with the token: the default start travels in the cursor
            Instant after = query.createdAfter() != null ? query.createdAfter()
                    : cursor.defaultStart() != null ? cursor.defaultStart() : now.minus(config.ordersLookback()).truncatedTo(ChronoUnit.SECONDS);
            url.addQueryParameter("createdAfter", iso(after));
            if (query.createdBefore() != null && query.createdBefore().isBefore(now.minus(MIN_AGE_OF_UPPER_BOUND))) {
                // a later bound cannot be sent (Amazon wants it two minutes old) and excludes nothing that exists
                url.addQueryParameter("createdBefore", iso(query.createdBefore()));
            }
            if (query.createdAfter() == null) {
                cursor = new Cursor(after, cursor.token());
            }
        }
        if (cursor.token() != null) {
            url.addQueryParameter("paginationToken", cursor.token());
        }
        JsonNode body = client.get(context, AmazonOperation.SEARCH_ORDERS, url.build());
        JsonNode orders = body.path("orders");
        if (!orders.isArray()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon searchOrders: answer lacks an 'orders' array");
        }
        List<Order> mapped = new ArrayList<>();
        for (JsonNode order : orders) {
            mapped.add(mapper.map(order));
        }
        String next = dev.omnigate.connector.toolkit.json.Json.text(body.path("pagination").path("nextToken"));
        return new Page<>(mapped, next == null || next.isBlank() ? null : new Cursor(cursor.defaultStart(), next).format());
    }

    static String iso(Instant instant) {
        return instant.toString();
    }

    /** Our cursor: Amazon's token, plus the default creation start computed for the first page. */
    record Cursor(Instant defaultStart, String token) {
        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return new Cursor(null, null);
            }
            int bar = text.indexOf('|');
            if (bar < 0) {
                return new Cursor(null, text);
            }
            String start = text.substring(0, bar);
            try {
                return new Cursor(start.isEmpty() ? null : Instant.parse(start), text.substring(bar + 1));
            } catch (java.time.format.DateTimeParseException e) {
                throw ConnectorException.of(ErrorCategory.BAD_REQUEST, "amazon searchOrders: malformed page cursor");
            }
        }

        String format() {
            return (defaultStart == null ? "" : defaultStart.toString()) + "|" + token;
        }
    }
}

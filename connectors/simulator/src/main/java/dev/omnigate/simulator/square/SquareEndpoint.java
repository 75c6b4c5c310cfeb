package dev.omnigate.simulator.square;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Square's REST API over a {@link SquareStore} ({@code square/api.json}, Square-Version 2025-08-20): the endpoints the
 * Square connector calls, with Square's limits, paging and error envelope {@code {"errors": [{category, code,
 * detail, field}]}}. Checks, in order: injected faults, route (404 {@code NOT_FOUND}), {@code Authorization: Bearer}
 * (401 {@code UNAUTHORIZED}), {@code Square-Version} (400 {@code INVALID_SQUARE_VERSION_FORMAT}; this simulator
 * requires the header, where Square falls back to the application's default version), body (400
 * {@code BAD_REQUEST}), then the operation's own limits ({@code ARRAY_LENGTH_TOO_LONG}, {@code VALUE_TOO_HIGH},
 * {@code INVALID_CURSOR} ...). Cursors are opaque and valid for the query that produced them.
 */
final class SquareEndpoint implements HttpHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 1 << 20;

    private final SquareStore store;
    private final String authorization;
    private final Queue<SquareFault> faults;
    private final AtomicLong total = new AtomicLong();
    private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();

    SquareEndpoint(SquareStore store, String accessToken, Queue<SquareFault> faults) {
        this.store = store;
        this.authorization = "Bearer " + accessToken;
        this.faults = faults;
    }

    long total() {
        return total.get();
    }

    long count(String operation) {
        AtomicLong count = byOperation.get(operation);
        return count == null ? 0 : count.get();
    }

    Map<String, Long> counts() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        byOperation.forEach((name, count) -> snapshot.put(name, count.get()));
        return snapshot;
    }

    void reset() {
        total.set(0);
        byOperation.clear();
    }

    /** A failure in Square's envelope. */
    static final class SquareException extends RuntimeException {
        final int status;
        final String category;
        final String code;
        final String field;

        SquareException(int status, String category, String code, String detail, String field) {
            super(detail, null, false, false);
            this.status = status;
            this.category = category;
            this.code = code;
            this.field = field;
        }

        static SquareException invalid(String code, String detail, String field) {
            return new SquareException(400, "INVALID_REQUEST_ERROR", code, detail, field);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            total.incrementAndGet();
            String route = exchange.getRequestMethod().toUpperCase(Locale.ROOT) + " " + exchange.getRequestURI().getPath();
            SquareFault fault = faults.poll();
            if (fault instanceof SquareFault.Delay delay) {
                try {
                    Thread.sleep(delay.delay()); // the simulated vendor is slow; the server thread is virtual
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else if (fault instanceof SquareFault.RateLimited) {
                send(exchange, 429, error(new SquareException(429, "RATE_LIMIT_ERROR", "RATE_LIMITED",
                        "This request was rate limited. Please retry later.", null)));
                return;
            } else if (fault instanceof SquareFault.ServiceUnavailable) {
                send(exchange, 503, error(new SquareException(503, "API_ERROR", "SERVICE_UNAVAILABLE",
                        "The service is temporarily unavailable.", null)));
                return;
            }
            try {
                String operation = operation(route);
                byOperation.computeIfAbsent(operation, key -> new AtomicLong()).incrementAndGet();
                if (!MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).getBytes(StandardCharsets.UTF_8))) {
                    throw new SquareException(401, "AUTHENTICATION_ERROR", "UNAUTHORIZED",
                            "This request could not be authorized.", null);
                }
                String version = exchange.getRequestHeaders().getFirst("Square-Version");
                if (version == null || !version.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw SquareException.invalid("INVALID_SQUARE_VERSION_FORMAT",
                            "Square-Version must be a date such as 2025-08-20.", "Square-Version");
                }
                if (body.length > MAX_BODY) {
                    throw new SquareException(413, "INVALID_REQUEST_ERROR", "REQUEST_ENTITY_TOO_LARGE", "Body too large.", null);
                }
                JsonNode request = operation.equals("ListLocations") ? JSON.createObjectNode() : parse(body);
                ObjectNode answer = switch (operation) {
                    case "ListLocations" -> listLocations();
                    case "BulkRetrieveCustomers" -> bulkRetrieveCustomers(request);
                    case "SearchCustomers" -> searchCustomers(request);
                    case "BatchRetrieveOrders" -> batchRetrieveOrders(request);
                    case "SearchOrders" -> searchOrders(request);
                    case "SearchCatalogObjects" -> searchCatalog(request);
                    case "BatchRetrieveInventoryCounts" -> batchRetrieveCounts(request);
                    default -> throw new IllegalStateException(operation);
                };
                send(exchange, 200, answer);
            } catch (SquareException e) {
                send(exchange, e.status, error(e));
            }
        }
    }

    private static String operation(String route) {
        return switch (route) {
            case "GET /v2/locations" -> "ListLocations";
            case "POST /v2/customers/bulk-retrieve" -> "BulkRetrieveCustomers";
            case "POST /v2/customers/search" -> "SearchCustomers";
            case "POST /v2/orders/batch-retrieve" -> "BatchRetrieveOrders";
            case "POST /v2/orders/search" -> "SearchOrders";
            case "POST /v2/catalog/search" -> "SearchCatalogObjects";
            case "POST /v2/inventory/counts/batch-retrieve" -> "BatchRetrieveInventoryCounts";
            default -> throw new SquareException(404, "INVALID_REQUEST_ERROR", "NOT_FOUND",
                    "The simulator does not serve " + route + ".", null);
        };
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw SquareException.invalid("BAD_REQUEST", "The request body must be a JSON object.", null);
            }
            return node;
        } catch (JacksonException e) {
            throw SquareException.invalid("BAD_REQUEST", "The request body is not valid JSON.", null);
        }
    }

    // ------------------------------------------------------------------------------------------ operations

    private ObjectNode listLocations() {
        ObjectNode answer = JSON.createObjectNode();
        store.locations().stream().sorted(Comparator.comparing(l -> l.path("name").asString()))
                .forEach(answer.withArray("locations")::add);
        return answer;
    }

    private ObjectNode bulkRetrieveCustomers(JsonNode request) {
        List<String> ids = strings(request, "customer_ids", 1, 100);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode responses = answer.putObject("responses");
        for (String id : ids) {
            store.customers().stream().filter(c -> c.path("id").asString().equals(id)).findFirst().ifPresentOrElse(
                    customer -> responses.putObject(id).set("customer", customer),
                    () -> responses.putObject(id).withArray("errors").addObject().put("category", "INVALID_REQUEST_ERROR")
                            .put("code", "NOT_FOUND").put("detail", "Customer with ID `" + id + "` not found."));
        }
        return answer;
    }

    private ObjectNode searchCustomers(JsonNode request) {
        int limit = limit(request, 100, 100);
        JsonNode filter = request.path("query").path("filter");
        Predicate<JsonNode> matches = customer -> textMatches(filter.path("email_address"), customer.path("email_address").asString(""), false)
                && textMatches(filter.path("phone_number"), customer.path("phone_number").asString(""), true);
        List<JsonNode> found = store.customers().stream().map(c -> (JsonNode) c).filter(matches)
                .sorted(Comparator.comparing((JsonNode c) -> c.path("given_name").asString(""))
                        .thenComparing(c -> c.path("family_name").asString("")).thenComparing(c -> c.path("id").asString()))
                .toList();
        return page(found, request, limit, "customers");
    }

    /** {@code CustomerTextFilter}: exact (case-insensitive; phones compared in E.164) or fuzzy (every token found). */
    private static boolean textMatches(JsonNode filter, String stored, boolean phone) {
        if (filter.isMissingNode()) {
            return true;
        }
        if (filter.has("exact")) {
            String wanted = filter.get("exact").asString();
            return phone ? !stored.isBlank() && e164(stored).equals(e164(wanted))
                    : stored.strip().equalsIgnoreCase(wanted.strip());
        }
        if (filter.has("fuzzy")) {
            String haystack = (phone ? stored.replaceAll("[^0-9]", "") : stored).toLowerCase(Locale.ROOT);
            for (String token : filter.get("fuzzy").asString().toLowerCase(Locale.ROOT).split(phone ? "[^0-9]+" : "[^a-z0-9]+")) {
                if (!token.isEmpty() && !haystack.contains(token)) {
                    return false;
                }
            }
            return true;
        }
        return true;
    }

    /** Square converts stored numbers to E.164 before comparing (the demo world is North American). */
    static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() == 10 ? "+1" + digits : "+" + digits;
    }

    private ObjectNode batchRetrieveOrders(JsonNode request) {
        Set<String> ids = new HashSet<>(strings(request, "order_ids", 1, 100));
        String location = request.path("location_id").asString(null);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode orders = answer.putArray("orders");
        store.orders().stream().filter(o -> ids.contains(o.path("id").asString()))
                .filter(o -> location == null || location.equals(o.path("location_id").asString()))
                .forEach(orders::add);
        return answer;
    }

    private ObjectNode searchOrders(JsonNode request) {
        Set<String> locations = new LinkedHashSet<>(strings(request, "location_ids", 1, 10));
        int limit = limit(request, 500, 1000);
        JsonNode query = request.path("query");
        JsonNode filter = query.path("filter");
        Set<String> customers = new HashSet<>(strings(filter.path("customer_filter"), "customer_ids", 0, 10));
        Set<String> states = new HashSet<>(strings(filter.path("state_filter"), "states", 0, 10));
        String sortField = query.path("sort").path("sort_field").asString("CREATED_AT");
        String field = switch (sortField) {
            case "CREATED_AT" -> "created_at";
            case "UPDATED_AT" -> "updated_at";
            case "CLOSED_AT" -> "closed_at";
            default -> throw SquareException.invalid("INVALID_ENUM_VALUE", "Unknown sort_field.", "query.sort.sort_field");
        };
        JsonNode timeFilter = filter.path("date_time_filter");
        for (String name : timeFilter.propertyNames()) {
            if (!name.equals(field)) {
                throw SquareException.invalid("INVALID_VALUE", "The date_time_filter field must match sort_field.",
                        "query.filter.date_time_filter");
            }
        }
        JsonNode range = timeFilter.path(field);
        boolean ascending = "ASC".equals(query.path("sort").path("sort_order").asString("DESC"));
        Comparator<JsonNode> order = Comparator.comparing((JsonNode o) -> Instant.parse(o.path(field).asString()));
        List<JsonNode> found = store.orders().stream().map(o -> (JsonNode) o)
                .filter(o -> locations.contains(o.path("location_id").asString()))
                .filter(o -> customers.isEmpty() || customers.contains(o.path("customer_id").asString()))
                .filter(o -> states.isEmpty() || states.contains(o.path("state").asString()))
                .filter(o -> o.hasNonNull(field) && within(Instant.parse(o.path(field).asString()), range))
                .sorted(ascending ? order : order.reversed())
                .toList();
        if (request.path("return_entries").asBoolean(false)) {
            List<JsonNode> entries = new ArrayList<>();
            for (JsonNode o : found) {
                entries.add(JSON.createObjectNode().put("order_id", o.path("id").asString())
                        .put("location_id", o.path("location_id").asString()).put("version", o.path("version").asInt()));
            }
            return page(entries, request, limit, "order_entries");
        }
        return page(found, request, limit, "orders");
    }

    private static boolean within(Instant at, JsonNode range) {
        if (range.hasNonNull("start_at") && at.isBefore(instant(range.get("start_at").asString(), "start_at"))) {
            return false;
        }
        return !range.hasNonNull("end_at") || !at.isAfter(instant(range.get("end_at").asString(), "end_at"));
    }

    private static Instant instant(String text, String field) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw SquareException.invalid("INVALID_TIME", "Not an RFC 3339 timestamp.", field);
        }
    }

    private ObjectNode searchCatalog(JsonNode request) {
        int limit = limit(request, 100, 1000);
        Set<String> types = new HashSet<>(strings(request, "object_types", 0, 20));
        JsonNode catalogQuery = request.path("query");
        Predicate<JsonNode> matches = object -> true;
        if (catalogQuery.has("set_query")) {
            JsonNode set = catalogQuery.get("set_query");
            String attribute = set.path("attribute_name").asString("");
            Set<String> values = new HashSet<>();
            strings(set, "attribute_values", 1, 250).forEach(value -> values.add(value.toLowerCase(Locale.ROOT)));
            matches = object -> values.contains(attribute(object, attribute).toLowerCase(Locale.ROOT));
        } else if (catalogQuery.has("exact_query")) {
            JsonNode exact = catalogQuery.get("exact_query");
            String attribute = exact.path("attribute_name").asString("");
            String value = exact.path("attribute_value").asString("");
            matches = object -> attribute(object, attribute).equalsIgnoreCase(value);
        }
        List<JsonNode> objects = new ArrayList<>();
        if (types.isEmpty() || types.contains("ITEM")) {
            store.items().stream().filter(matches::test).forEach(objects::add);
        }
        if (types.contains("ITEM_VARIATION")) {
            store.variations().stream().filter(matches::test).forEach(objects::add);
        }
        ObjectNode answer = page(objects, request, limit, "objects");
        if (request.path("include_related_objects").asBoolean(false)) {
            Set<String> itemIds = new HashSet<>();
            answer.path("objects").forEach(o -> itemIds.add(o.path("item_variation_data").path("item_id").asString("")));
            ArrayNode related = answer.putArray("related_objects");
            store.items().stream().filter(i -> itemIds.contains(i.path("id").asString())).forEach(related::add);
        }
        answer.put("latest_time", "2026-10-31T00:00:00Z");
        return answer;
    }

    private static String attribute(JsonNode object, String name) {
        JsonNode data = object.has("item_variation_data") ? object.get("item_variation_data") : object.path("item_data");
        return data.path(name).asString("");
    }

    private ObjectNode batchRetrieveCounts(JsonNode request) {
        Set<String> objects = new HashSet<>(strings(request, "catalog_object_ids", 0, 1000));
        Set<String> locations = new HashSet<>(strings(request, "location_ids", 0, 1000));
        Set<String> states = new HashSet<>(strings(request, "states", 0, 20));
        int limit = limit(request, 100, 1000);
        List<JsonNode> found = store.counts().stream().map(c -> (JsonNode) c)
                .filter(c -> objects.isEmpty() || objects.contains(c.path("catalog_object_id").asString()))
                .filter(c -> locations.isEmpty() || locations.contains(c.path("location_id").asString()))
                .filter(c -> states.isEmpty() || states.contains(c.path("state").asString()))
                .sorted(Comparator.comparing((JsonNode c) -> c.path("calculated_at").asString()).reversed())
                .toList();
        return page(found, request, limit, "counts");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<String> strings(JsonNode parent, String field, int min, int max) {
        JsonNode array = parent.path(field);
        if (array.isMissingNode() || array.isNull()) {
            if (min > 0) {
                throw SquareException.invalid("MISSING_REQUIRED_PARAMETER", "Field must be set.", field);
            }
            return List.of();
        }
        if (!array.isArray()) {
            throw SquareException.invalid("EXPECTED_ARRAY", "Expected an array.", field);
        }
        if (array.size() < min) {
            throw SquareException.invalid("ARRAY_LENGTH_TOO_SHORT", "At least " + min + " values are required.", field);
        }
        if (array.size() > max) {
            throw SquareException.invalid("ARRAY_LENGTH_TOO_LONG", "At most " + max + " values are allowed.", field);
        }
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static int limit(JsonNode request, int defaultLimit, int max) {
        if (!request.has("limit")) {
            return defaultLimit;
        }
        int limit = request.get("limit").asInt();
        if (limit < 1) {
            throw SquareException.invalid("VALUE_TOO_LOW", "limit must be at least 1.", "limit");
        }
        if (limit > max) {
            throw SquareException.invalid("VALUE_TOO_HIGH", "limit must be at most " + max + ".", "limit");
        }
        return limit;
    }

    /** One page of {@code all} from the request's cursor; the next cursor names the query it belongs to. */
    private static ObjectNode page(List<JsonNode> all, JsonNode request, int limit, String field) {
        ObjectNode withoutCursor = (ObjectNode) request.deepCopy();
        withoutCursor.remove("cursor");
        withoutCursor.remove("limit");
        String queryHash = UUID.nameUUIDFromBytes(withoutCursor.toString().getBytes(StandardCharsets.UTF_8)).toString();
        int offset = 0;
        if (request.hasNonNull("cursor")) {
            offset = decode(request.get("cursor").asString(), queryHash);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putArray(field);
        all.stream().skip(offset).limit(limit).forEach(items::add);
        if (offset + limit < all.size()) {
            answer.put("cursor", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((queryHash + ":" + (offset + limit)).getBytes(StandardCharsets.UTF_8)));
        }
        return answer;
    }

    private static int decode(String cursor, String queryHash) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.lastIndexOf(':');
            if (colon < 0 || !text.substring(0, colon).equals(queryHash)) {
                throw SquareException.invalid("INVALID_CURSOR", "The cursor does not belong to this query.", "cursor");
            }
            return Integer.parseInt(text.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw SquareException.invalid("INVALID_CURSOR", "The cursor is not valid.", "cursor");
        }
    }

    private static ObjectNode error(SquareException e) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject().put("category", e.category).put("code", e.code)
                .put("detail", e.getMessage());
        if (e.field != null) {
            error.put("field", e.field);
        }
        return body;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Square-Version", "2025-08-20");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

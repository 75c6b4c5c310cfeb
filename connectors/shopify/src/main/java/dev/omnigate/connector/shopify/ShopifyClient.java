package dev.omnigate.connector.shopify;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.toolkit.http.HttpCalls;
import dev.omnigate.connector.toolkit.http.HttpClients;
import dev.omnigate.connector.toolkit.http.HttpStatusMapper;
import dev.omnigate.connector.toolkit.http.RedactingLoggingInterceptor;
import dev.omnigate.connector.toolkit.http.RetryAfter;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * The only class of the connector that talks HTTP: posts GraphQL documents to
 * {@code {base-url}/admin/api/{version}/graphql.json} with {@code X-Shopify-Access-Token}, within the
 * call's deadline, and turns Shopify's answers into data or categorised {@link ConnectorException}s.
 *
 * <p>Error mapping (PROTOCOLS.md §1): HTTP 401 → UNAUTHENTICATED; 403, 402 (shop frozen or unpaid) and
 * 423 (shop locked) → PERMISSION_DENIED; 404 (no Admin API at that shop or version) → CONFIG; 429 →
 * RATE_LIMITED; 5xx → UNAVAILABLE; a 200 with {@code errors[].extensions.code} → that code's category
 * ({@link ShopifyErrorCode}; THROTTLED → RATE_LIMITED with {@code retryAfter =
 * ceil((requestedQueryCost - currentlyAvailable) / restoreRate)} seconds); a search field Shopify reports
 * as {@code invalid_field} (it then ignores the term and answers unfiltered) → BAD_REQUEST; malformed JSON
 * or an answer without {@code data} → BAD_RESPONSE. Thread-safe.
 */
final class ShopifyClient {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final int MAX_VENDOR_MESSAGE = 200;

    /** Shopify's {@code extensions.cost.throttleStatus}. */
    record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {
    }

    /** Shopify's {@code extensions.cost}; any part may be absent. */
    record QueryCost(Double requestedQueryCost, Double actualQueryCost, ThrottleStatus throttleStatus) {
        static final QueryCost NONE = new QueryCost(null, null, null);

        Optional<ThrottleStatus> throttle() {
            return Optional.ofNullable(throttleStatus);
        }
    }

    /** A successful answer: {@code data} (an object) and its cost. */
    record Answer(JsonNode data, QueryCost cost) {
    }

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final Clock clock;
    private final String accountId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<ThrottleStatus> lastThrottle = new AtomicReference<>();

    ShopifyClient(ShopifyConfig config, ConnectorContext context) {
        requireNonNull(config, "config is null");
        this.endpoint = config.graphqlEndpoint();
        this.clock = context.clock();
        this.accountId = context.accountId();
        String token = config.accessToken().reveal();
        this.http = HttpClients.forAccount(context)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("X-Shopify-Access-Token", token)
                        .header("Accept", "application/json")
                        .header("User-Agent", "Omnigate-Shopify-Connector/1.0")
                        .build()))
                .addInterceptor(new RedactingLoggingInterceptor(ShopifyConnectorFactory.ID))
                .build();
    }

    /**
     * Sends one document with its variables and returns {@code data}.
     *
     * @throws ConnectorException with the category of the failure; UNAVAILABLE once closed
     */
    Answer execute(CallContext call, ShopifyQueries.Document document, Map<String, ?> variables) {
        String operation = "shopify " + document.operationName();
        if (closed.get()) {
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE,
                    operation + ": the connector for account '" + accountId + "' is closed");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document.text());
        body.put("operationName", document.operationName());
        body.put("variables", variables);
        Request request = new Request.Builder()
                .url(endpoint)
                .post(RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON))
                .build();
        VendorResponse response = HttpCalls.execute(http, request, call, operation);
        Answer answer = interpret(response, clock);
        answer.cost().throttle().ifPresent(lastThrottle::set);
        return answer;
    }

    /** The throttle status of the last successful answer, if any. */
    Optional<ThrottleStatus> lastThrottle() {
        return Optional.ofNullable(lastThrottle.get());
    }

    void close() {
        // the OkHttp client shares the host's pools: nothing to shut down, only stop accepting calls
        closed.set(true);
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Interprets one Admin GraphQL answer (any status). Package-visible so the capture tests can feed it
     * recorded bodies.
     */
    static Answer interpret(VendorResponse response, Clock clock) {
        int status = response.status();
        if (status == 429) {
            throw throttled(response, parseQuietly(response), clock);
        }
        if (!response.isSuccessful()) {
            throw httpFailure(response, clock);
        }
        JsonNode envelope = Json.parse(response);
        if (!envelope.isObject()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    response.operation() + ": answer is not a JSON object (HTTP " + status + ")");
        }
        QueryCost cost = cost(envelope);
        JsonNode errors = envelope.get("errors");
        if (errors != null && !errors.isNull() && !(errors.isArray() && errors.isEmpty())) {
            throw graphQlFailure(response, envelope, errors, cost, clock);
        }
        ignoredSearchField(envelope).ifPresent(field -> {
            // Shopify drops a search term it does not support and answers unfiltered: never pass that off as a match
            throw ConnectorException.builder(ErrorCategory.BAD_REQUEST, response.operation()
                    + ": Shopify ignored the search field '" + field + "' (invalid_field)").vendorCode("invalid_field").build();
        });
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    response.operation() + ": answer has no data object (HTTP " + status + ")");
        }
        return new Answer(data, cost);
    }

    private static ConnectorException httpFailure(VendorResponse response, Clock clock) {
        int status = response.status();
        ErrorCategory category = switch (status) {
            case 401 -> ErrorCategory.UNAUTHENTICATED;
            case 402, 403, 423 -> ErrorCategory.PERMISSION_DENIED;
            case 404 -> ErrorCategory.CONFIG;
            default -> HttpStatusMapper.categoryFor(status);
        };
        // Shopify's 4xx bodies are fixed texts such as "[API] Invalid API key or access token ..."; 5xx bodies are HTML
        String vendorMessage = status >= 400 && status < 500 ? errorsText(parseQuietly(response)) : null;
        String detail = switch (status) {
            case 402 -> "shop is frozen or its plan unpaid";
            case 423 -> "shop is locked";
            case 404 -> "no Admin API at this shop domain and API version";
            default -> null;
        };
        return response.failure(category, null, join(detail, vendorMessage), REQUEST_ID_HEADER, clock);
    }

    private static ConnectorException graphQlFailure(VendorResponse response, JsonNode envelope, JsonNode errors,
            QueryCost cost, Clock clock) {
        JsonNode first = errors.isArray() ? errors.get(0) : errors;
        String code = first == null ? null : Json.text(first.path("extensions").get("code"));
        Optional<ShopifyErrorCode> known = ShopifyErrorCode.of(code);
        if (known.isPresent() && known.get() == ShopifyErrorCode.THROTTLED) {
            return throttled(response, envelope, clock);
        }
        ErrorCategory category = known.map(ShopifyErrorCode::category).orElse(ErrorCategory.BAD_RESPONSE);
        String message = response.operation() + ": Shopify answered " + (code == null ? "an error" : code);
        if (known.map(ShopifyErrorCode::messageIsSafe).orElse(false)) {
            message += " - " + truncate(errorsText(envelope));
        } else if (known.isEmpty()) {
            message += " the connector does not know";
        }
        if (errors.isArray() && errors.size() > 1) {
            message += " (and " + (errors.size() - 1) + " more errors)";
        }
        return ConnectorException.builder(category, message)
                .vendorCode(code)
                .vendorRequestId(response.header(REQUEST_ID_HEADER).orElse(null))
                .build();
    }

    /** RATE_LIMITED with the delay Shopify's bucket needs to hold the refused query. */
    private static ConnectorException throttled(VendorResponse response, JsonNode envelope, Clock clock) {
        QueryCost cost = envelope == null ? QueryCost.NONE : cost(envelope);
        Duration retryAfter = retryAfter(cost)
                .or(() -> RetryAfter.parse(response.header("Retry-After").orElse(null), clock))
                .orElse(null);
        String budget = cost.throttle()
                .map(t -> " (requested " + format(cost.requestedQueryCost()) + " points, " + format(t.currentlyAvailable())
                        + " of " + format(t.maximumAvailable()) + " available, restoring " + format(t.restoreRate()) + "/s)")
                .orElse("");
        return ConnectorException.builder(ErrorCategory.RATE_LIMITED,
                        response.operation() + ": Shopify throttled the query (HTTP " + response.status() + ")" + budget)
                .vendorCode(ShopifyErrorCode.THROTTLED.name())
                .vendorRequestId(response.header(REQUEST_ID_HEADER).orElse(null))
                .retryAfter(retryAfter)
                .build();
    }

    /** {@code ceil((requested - currentlyAvailable) / restoreRate)} seconds; empty without the numbers. */
    static Optional<Duration> retryAfter(QueryCost cost) {
        if (cost.requestedQueryCost() == null || cost.throttleStatus() == null || cost.throttleStatus().restoreRate() <= 0) {
            return Optional.empty();
        }
        double missing = cost.requestedQueryCost() - cost.throttleStatus().currentlyAvailable();
        long seconds = (long) Math.ceil(Math.max(0, missing) / cost.throttleStatus().restoreRate());
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /**
     * The first search field Shopify reported as unsupported in {@code extensions.search[].warnings}
     * (shape of {@code captures/2026-04__products__inventory-item-levels-connection-windowing-2026-04.json}).
     */
    static Optional<String> ignoredSearchField(JsonNode envelope) {
        for (JsonNode search : envelope.path("extensions").path("search")) {
            for (JsonNode warning : search.path("warnings")) {
                if ("invalid_field".equals(Json.text(warning.get("code")))) {
                    String field = Json.text(warning.get("field"));
                    return Optional.of(field == null ? "?" : field);
                }
            }
        }
        return Optional.empty();
    }

    static QueryCost cost(JsonNode envelope) {
        JsonNode cost = envelope.path("extensions").path("cost");
        if (!cost.isObject()) {
            return QueryCost.NONE;
        }
        JsonNode throttle = cost.path("throttleStatus");
        ThrottleStatus status = throttle.isObject() && throttle.path("maximumAvailable").isNumber()
                && throttle.path("currentlyAvailable").isNumber() && throttle.path("restoreRate").isNumber()
                ? new ThrottleStatus(throttle.get("maximumAvailable").asDouble(), throttle.get("currentlyAvailable").asDouble(),
                        throttle.get("restoreRate").asDouble())
                : null;
        return new QueryCost(number(cost.get("requestedQueryCost")), number(cost.get("actualQueryCost")), status);
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }

    private static JsonNode parseQuietly(VendorResponse response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Shopify's {@code errors}: a string, or the messages of an array. */
    private static String errorsText(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            return null;
        }
        JsonNode errors = envelope.get("errors");
        if (errors == null || errors.isNull()) {
            return null;
        }
        if (errors.isString()) {
            return errors.asString();
        }
        if (errors.isArray() && !errors.isEmpty()) {
            return Json.text(errors.get(0).get("message"));
        }
        return null;
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > MAX_VENDOR_MESSAGE ? stripped.substring(0, MAX_VENDOR_MESSAGE) + "..." : stripped;
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + ": " + second;
    }

    private static String format(Double value) {
        return value == null ? "?" : value % 1 == 0 ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}

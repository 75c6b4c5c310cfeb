package dev.omnigate.connector.zendesk;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.toolkit.http.HttpCalls;
import dev.omnigate.connector.toolkit.http.HttpClients;
import dev.omnigate.connector.toolkit.http.HttpStatusMapper;
import dev.omnigate.connector.toolkit.http.RedactingLoggingInterceptor;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * The only class of the connector that talks HTTP: {@code GET}s on {@code {base-url}/api/v2/...} with the
 * configured {@code Authorization} (Basic {@code {email}/token:{api-token}} or Bearer), within the call's
 * deadline, turning Zendesk's answers into JSON objects or categorised {@link ConnectorException}s.
 *
 * <p>Error mapping (PROTOCOLS.md §5): 401 → UNAUTHENTICATED; 403 → PERMISSION_DENIED; 404 (no help desk at this
 * subdomain) → CONFIG; 429 → RATE_LIMITED with {@code Retry-After} seconds; 5xx → UNAVAILABLE (503 with its
 * {@code Retry-After} too); 400/422 → BAD_REQUEST; a 2xx that is not a JSON object → BAD_RESPONSE. Zendesk's error
 * bodies come in two shapes, {@code {"error": "...", "description": "..."}} and
 * {@code {"errors": [{"code", "title", "detail"}]}} (OAS {@code Errors}); only the code (and, for the second shape,
 * the fixed title) reaches the message: descriptions may echo a search query, i.e. an email or phone number.
 *
 * <p>Every answer's {@code X-Rate-Limit} / {@code X-Rate-Limit-Remaining} headers are remembered for the health
 * check. Thread-safe.
 */
final class ZendeskClient {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** The last rate-limit headers seen: requests allowed per minute and left in this minute. */
    record RateLimit(long limit, long remaining) {
    }

    private final OkHttpClient http;
    private final Clock clock;
    private final String accountId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<RateLimit> lastRateLimit = new AtomicReference<>();

    ZendeskClient(ZendeskConfig config, ConnectorContext context) {
        requireNonNull(config, "config is null");
        this.clock = context.clock();
        this.accountId = context.accountId();
        String authorization = config.authorization().reveal();
        this.http = HttpClients.forAccount(context)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .header("User-Agent", "Omnigate-Zendesk-Connector/1.0")
                        .build()))
                // search queries carry emails and phone numbers: never log them
                .addInterceptor(new RedactingLoggingInterceptor(ZendeskConnectorFactory.ID, Set.of("query", "external_ids")))
                .build();
    }

    /**
     * {@code GET url} and the answer's JSON object.
     *
     * @param operation names the call in error messages, e.g. {@code zendesk users.show_many}
     * @throws ConnectorException with the failure's category; UNAVAILABLE once closed
     */
    JsonNode get(CallContext call, String operation, HttpUrl url) {
        if (closed.get()) {
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE,
                    operation + ": the connector for account '" + accountId + "' is closed");
        }
        VendorResponse response = HttpCalls.execute(http, new Request.Builder().url(url).get().build(), call, operation);
        rateLimit(response).ifPresent(lastRateLimit::set);
        return interpret(response, clock);
    }

    Optional<RateLimit> lastRateLimit() {
        return Optional.ofNullable(lastRateLimit.get());
    }

    void close() {
        // the OkHttp client shares the host's pools: nothing to shut down, only stop accepting calls
        closed.set(true);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Interprets one answer (any status). Package-visible for tests feeding recorded bodies. */
    static JsonNode interpret(VendorResponse response, Clock clock) {
        if (!response.isSuccessful()) {
            throw failure(response, clock);
        }
        JsonNode body = Json.parse(response);
        if (!body.isObject()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    response.operation() + ": answer is not a JSON object (HTTP " + response.status() + ")");
        }
        return body;
    }

    private static ConnectorException failure(VendorResponse response, Clock clock) {
        int status = response.status();
        ErrorCategory category = switch (status) {
            case 404 -> ErrorCategory.CONFIG;
            default -> HttpStatusMapper.categoryFor(status);
        };
        JsonNode body = parseQuietly(response);
        String code = null;
        String title = null;
        if (body != null && body.isObject()) {
            JsonNode error = body.get("error");
            if (error != null && error.isString()) {
                code = error.asString();
            } else if (error != null && error.isObject()) {
                code = Json.text(error.get("title"));
            }
            JsonNode errors = body.get("errors");
            if (code == null && errors != null && errors.isArray() && !errors.isEmpty()) {
                code = Json.text(errors.get(0).get("code"));
                title = Json.text(errors.get(0).get("title"));
            }
        }
        String detail = status == 404 ? "no Zendesk API at this subdomain or path" : title;
        return response.failure(category, truncate(code), truncate(detail), REQUEST_ID_HEADER, clock);
    }

    static Optional<RateLimit> rateLimit(VendorResponse response) {
        OptionalLong limit = number(response.header("X-Rate-Limit").orElse(null));
        OptionalLong remaining = number(response.header("X-Rate-Limit-Remaining").orElse(null));
        if (limit.isEmpty() || remaining.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(limit.getAsLong(), remaining.getAsLong()));
    }

    private static OptionalLong number(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static JsonNode parseQuietly(VendorResponse response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String truncate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > 80 ? stripped.substring(0, 80) + "..." : stripped;
    }
}

package dev.omnigate.connector.square;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * The only class of the connector that talks HTTP: calls Square's REST API at {@code {base-url}/v2/...} with
 * {@code Authorization: Bearer <access-token>} and {@code Square-Version}, within the call's deadline, and turns
 * Square's answers into JSON or categorised {@link ConnectorException}s.
 *
 * <p>Error mapping (PROTOCOLS.md §4, {@code Error} schema): 401 → UNAUTHENTICATED; 403 → PERMISSION_DENIED; 404 →
 * NOT_FOUND; 429 ({@code RATE_LIMITED}) → RATE_LIMITED with {@code Retry-After} when sent, else
 * {@link #DEFAULT_RETRY_AFTER} (Square publishes neither limits nor a hint and advises backoff); other 4xx →
 * BAD_REQUEST; 5xx → UNAVAILABLE; a 2xx body that is not a JSON object → BAD_RESPONSE. Messages name the operation,
 * the status and Square's error code and category, never Square's {@code detail} (it may repeat PII). A 2xx answer
 * may still carry {@code errors} (bulk endpoints report per-item failures that way): they come back in
 * {@link Answer#errors()} for the reader to judge. Thread-safe.
 */
final class SquareClient {

    /** The retry hint for a 429 without {@code Retry-After}. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private static final MediaType JSON = MediaType.get("application/json");
    private static final String REQUEST_ID_HEADER = "Square-Request-Id";

    /**
     * A successful answer.
     *
     * @param body the JSON object Square sent
     * @param errors the body's {@code errors}, usually empty
     */
    record Answer(JsonNode body, List<SquareError> errors) {

        /** The body, after checking that Square reported no error alongside it. */
        JsonNode requireNoErrors(String operation) {
            if (!errors.isEmpty()) {
                throw ConnectorException.builder(ErrorCategory.BAD_RESPONSE,
                                operation + ": Square answered 200 with errors: " + describe(errors))
                        .vendorCode(errors.getFirst().code()).build();
            }
            return body;
        }
    }

    private final OkHttpClient http;
    private final SquareConfig config;
    private final Clock clock;
    private final String accountId;
    private final AtomicBoolean closed = new AtomicBoolean();

    SquareClient(SquareConfig config, ConnectorContext context) {
        this.config = requireNonNull(config, "config is null");
        this.clock = context.clock();
        this.accountId = context.accountId();
        String authorization = "Bearer " + config.accessToken().reveal();
        String version = config.squareVersion();
        this.http = HttpClients.forAccount(context)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", authorization)
                        .header("Square-Version", version)
                        .header("Accept", "application/json")
                        .header("User-Agent", "Omnigate-Square-Connector/1.0")
                        .build()))
                .addInterceptor(new RedactingLoggingInterceptor(SquareConnectorFactory.ID))
                .build();
    }

    /** {@code POST {path}} with a JSON body. */
    Answer post(CallContext call, String operation, String path, Map<String, ?> body) {
        Request request = new Request.Builder().url(config.endpoint(path))
                .post(RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON)).build();
        return send(call, operation, request);
    }

    /** {@code GET {path}}. */
    Answer get(CallContext call, String operation, String path) {
        return send(call, operation, new Request.Builder().url(config.endpoint(path)).get().build());
    }

    private Answer send(CallContext call, String operation, Request request) {
        String name = "square " + operation;
        if (closed.get()) {
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE,
                    name + ": the connector for account '" + accountId + "' is closed");
        }
        return interpret(HttpCalls.execute(http, request, call, name), clock);
    }

    void close() {
        // the OkHttp client shares the host's pools: nothing to shut down, only stop accepting calls
        closed.set(true);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Interprets one Square answer (any status); package-visible for tests that feed it recorded bodies. */
    static Answer interpret(VendorResponse response, Clock clock) {
        if (!response.isSuccessful()) {
            throw failure(response, clock);
        }
        JsonNode body = Json.parse(response);
        if (!body.isObject()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    response.operation() + ": answer is not a JSON object (HTTP " + response.status() + ")");
        }
        return new Answer(body, SquareError.of(body));
    }

    private static ConnectorException failure(VendorResponse response, Clock clock) {
        List<SquareError> errors = SquareError.of(parseQuietly(response));
        ErrorCategory category = HttpStatusMapper.categoryFor(response.status());
        String code = errors.isEmpty() ? null : errors.getFirst().code();
        StringBuilder message = new StringBuilder(response.operation()).append(": HTTP ").append(response.status());
        if (!errors.isEmpty()) {
            message.append(' ').append(describe(errors));
        }
        ConnectorException.Builder builder = ConnectorException.builder(category, message.toString())
                .vendorCode(code)
                .vendorRequestId(response.header(REQUEST_ID_HEADER).orElse(null));
        if (category == ErrorCategory.RATE_LIMITED) {
            builder.retryAfter(RetryAfter.parse(response.header("Retry-After").orElse(null), clock).orElse(DEFAULT_RETRY_AFTER));
        } else if (response.status() == 503) {
            RetryAfter.parse(response.header("Retry-After").orElse(null), clock).ifPresent(builder::retryAfter);
        }
        return builder.build();
    }

    static String describe(List<SquareError> errors) {
        String first = errors.getFirst().describe();
        return errors.size() == 1 ? first : first + " and " + (errors.size() - 1) + " more";
    }

    private static JsonNode parseQuietly(VendorResponse response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (RuntimeException e) {
            return null;
        }
    }
}

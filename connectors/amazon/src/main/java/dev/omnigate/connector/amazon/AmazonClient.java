package dev.omnigate.connector.amazon;

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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * The only class of the connector that talks to SP-API: GETs with {@code x-amz-access-token} (PROTOCOLS.md §2),
 * paced by each operation's usage plan, within the call's deadline.
 *
 * <p>Error mapping: {@code {"errors":[{code,message,details}]}} with the HTTP status deciding the category
 * (400 → BAD_REQUEST, 401 → UNAUTHENTICATED, 403 → PERMISSION_DENIED, 404 → NOT_FOUND, 429 {@code QuotaExceeded}
 * → RATE_LIMITED, 5xx → UNAVAILABLE); the vendor code and {@code x-amzn-RequestId} are kept on the exception. The
 * retry hint of a 429 is {@code Retry-After} when sent, else one request interval of the rate in
 * {@code x-amzn-RateLimit-Limit}, else of the configured rate. A 401/403 answered to a token that was cached
 * before this call refreshes the token once and repeats the call once. A 2xx that is not a JSON object is
 * BAD_RESPONSE. Thread-safe.
 */
final class AmazonClient {

    static final String ACCESS_TOKEN_HEADER = "x-amz-access-token";
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    static final String RATE_LIMIT_HEADER = "x-amzn-RateLimit-Limit";

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final Clock clock;
    private final String accountId;
    private final LwaTokens tokens;
    private final Map<AmazonOperation, RateLimiter> limiters = new EnumMap<>(AmazonOperation.class);
    private final AtomicBoolean closed = new AtomicBoolean();

    AmazonClient(AmazonConfig config, ConnectorContext context) {
        this.endpoint = HttpUrl.get(config.endpoint());
        this.clock = context.clock();
        this.accountId = context.accountId();
        this.http = HttpClients.forAccount(context)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", "Omnigate-Amazon-Connector/1.0 (Language=Java)")
                        .build()))
                .addInterceptor(new RedactingLoggingInterceptor(AmazonConnectorFactory.ID))
                .build();
        this.tokens = new LwaTokens(http, config, accountId, clock);
        for (AmazonOperation operation : AmazonOperation.values()) {
            AmazonConfig.UsagePlan plan = config.plan(operation);
            limiters.put(operation, new RateLimiter(name(operation), plan.rate(), plan.burst()));
        }
    }

    /** A URL builder on the configured endpoint. */
    HttpUrl.Builder url() {
        return endpoint.newBuilder();
    }

    /**
     * GETs {@code url} as {@code operation} and returns the JSON object answered.
     *
     * @throws ConnectorException categorised as described on the class; UNAVAILABLE once closed
     */
    JsonNode get(CallContext context, AmazonOperation operation, HttpUrl url) {
        VendorResponse response = send(context, operation, url);
        if (!response.isSuccessful()) {
            throw failure(response, operation);
        }
        JsonNode body = Json.parse(response);
        if (!body.isObject()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    response.operation() + ": answer is not a JSON object (HTTP " + response.status() + ")");
        }
        return body;
    }

    /** As {@link #get} but a 404 is an empty answer (a batch lookup's missing id). */
    Optional<JsonNode> getOrAbsent(CallContext context, AmazonOperation operation, HttpUrl url) {
        VendorResponse response = send(context, operation, url);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!response.isSuccessful()) {
            throw failure(response, operation);
        }
        JsonNode body = Json.parse(response);
        if (!body.isObject()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    response.operation() + ": answer is not a JSON object (HTTP " + response.status() + ")");
        }
        return Optional.of(body);
    }

    private VendorResponse send(CallContext context, AmazonOperation operation, HttpUrl url) {
        String name = name(operation);
        if (closed.get()) {
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE, name + ": the connector for account '" + accountId + "' is closed");
        }
        if (context.isExpired()) {
            throw ConnectorException.of(ErrorCategory.TIMEOUT, name + ": deadline passed before the call was sent");
        }
        LwaTokens.Lease lease = tokens.lease(context);
        limiters.get(operation).acquire(context);
        VendorResponse response = HttpCalls.execute(http, request(url, lease.token()), context, name);
        if ((response.status() == 401 || response.status() == 403) && !lease.fresh()) {
            // the cached token may have been revoked or expired early: one refresh, one retry
            tokens.invalidate(lease.token());
            LwaTokens.Lease renewed = tokens.lease(context);
            limiters.get(operation).acquire(context);
            response = HttpCalls.execute(http, request(url, renewed.token()), context, name);
        }
        return response;
    }

    private static Request request(HttpUrl url, LwaTokens.Token token) {
        return new Request.Builder().url(url).get()
                .header(ACCESS_TOKEN_HEADER, token.value())
                .header("Accept", "application/json")
                .build();
    }

    private ConnectorException failure(VendorResponse response, AmazonOperation operation) {
        String code = null;
        String message = null;
        try {
            JsonNode first = Json.parse(response).path("errors").path(0);
            code = Json.text(first.path("code"));
            message = Json.text(first.path("message"));
        } catch (ConnectorException notJson) {
            // an error page that is not Amazon's JSON: the status alone decides
        }
        ErrorCategory category = HttpStatusMapper.categoryFor(response.status());
        if ("QuotaExceeded".equals(code)) {
            category = ErrorCategory.RATE_LIMITED;
        }
        ConnectorException base = response.failure(category, code, message, REQUEST_ID_HEADER, clock);
        if (category != ErrorCategory.RATE_LIMITED) {
            return base;
        }
        Duration retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), clock)
                .or(() -> rateLimitInterval(response.headers().get(RATE_LIMIT_HEADER)))
                .orElseGet(() -> limiters.get(operation).interval());
        return ConnectorException.builder(ErrorCategory.RATE_LIMITED, base.getMessage())
                .vendorCode(code).vendorRequestId(base.vendorRequestId().orElse(null)).retryAfter(retryAfter).build();
    }

    /** One request interval of the rate SP-API reports ({@code x-amzn-RateLimit-Limit: 0.5} → 2 s). */
    static Optional<Duration> rateLimitInterval(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal rate = new BigDecimal(header.trim());
            if (rate.signum() <= 0) {
                return Optional.empty();
            }
            long millis = BigDecimal.valueOf(1000).divide(rate, 0, java.math.RoundingMode.CEILING).longValueExact();
            Duration interval = Duration.ofMillis(millis);
            return Optional.of(interval.compareTo(RetryAfter.MAX) > 0 ? RetryAfter.MAX : interval);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static String name(AmazonOperation operation) {
        return "amazon " + operation.operationId();
    }

    /** Token requests sent so far (tests). */
    int tokenRefreshes() {
        return tokens.refreshCount();
    }

    void close() {
        // the OkHttp client shares the host's pools: nothing to shut down, only stop accepting calls
        closed.set(true);
    }

    boolean isClosed() {
        return closed.get();
    }
}

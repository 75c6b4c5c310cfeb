package dev.omnigate.connector.amazon;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.toolkit.http.HttpCalls;
import dev.omnigate.connector.toolkit.http.RetryAfter;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * Login with Amazon access tokens of one account (PROTOCOLS.md §2 "Authentication"): {@code POST /auth/o2/token}
 * form-encoded with {@code grant_type=refresh_token}, {@code refresh_token}, {@code client_id}, {@code client_secret};
 * the answer's {@code access_token} is cached until {@link #REFRESH_MARGIN} before its {@code expires_in}.
 *
 * <p>Thread-safe. At most one refresh runs at a time (a lock): callers that find the token missing or expiring
 * wait for it within their deadline instead of refreshing again (no stampede). Error messages name the account,
 * never a token or secret; LWA's {@code invalid_grant}/{@code invalid_client}/{@code unauthorized_client} become
 * {@code UNAUTHENTICATED}.
 */
final class LwaTokens {

    /** Refresh this long before the token expires, so a call never leaves with a token about to lapse. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /** An access token and when it stops being used. */
    record Token(String value, Instant refreshAt, int generation) {
        @Override
        public String toString() {
            return "Token[generation=" + generation + "]";
        }
    }

    /** A token handed to one call; {@code fresh} when it was obtained during this call (a retry cannot help then). */
    record Lease(Token token, boolean fresh) {
    }

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final AmazonConfig config;
    private final String accountId;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile Token current;

    LwaTokens(OkHttpClient http, AmazonConfig config, String accountId, Clock clock) {
        this.http = http;
        this.endpoint = HttpUrl.get(config.lwaEndpoint());
        this.config = config;
        this.accountId = accountId;
        this.clock = clock;
    }

    /** A valid token, refreshing once (for every waiting caller) when it is missing or about to expire. */
    Lease lease(CallContext context) {
        Token token = current;
        if (isUsable(token)) {
            return new Lease(token, false);
        }
        int before = token == null ? 0 : token.generation();
        lock(context);
        try {
            Token now = current;
            if (isUsable(now)) {
                return new Lease(now, now.generation() != before);
            }
            Token fetched = fetch(context);
            current = fetched;
            return new Lease(fetched, true);
        } finally {
            refreshLock.unlock();
        }
    }

    /** Drops {@code stale} (rejected by SP-API) unless another caller already replaced it. */
    void invalidate(Token stale) {
        refreshLock.lock();
        try {
            if (current == stale) {
                current = null;
            }
        } finally {
            refreshLock.unlock();
        }
    }

    /** How many token requests were sent (tests check there is no stampede). */
    int refreshCount() {
        return refreshes.get();
    }

    private boolean isUsable(Token token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    private void lock(CallContext context) {
        try {
            if (!refreshLock.tryLock(Math.max(1, context.remaining().toMillis()), TimeUnit.MILLISECONDS)) {
                throw ConnectorException.of(ErrorCategory.TIMEOUT,
                        "amazon LWA token: deadline passed while another call refreshed the access token of account '" + accountId + "'");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.builder(ErrorCategory.UNAVAILABLE,
                    "amazon LWA token: interrupted while waiting for the access token of account '" + accountId + "'").cause(e).build();
        }
    }

    private Token fetch(CallContext context) {
        refreshes.incrementAndGet();
        Request request = new Request.Builder().url(endpoint)
                .header("Accept", "application/json")
                .post(new FormBody.Builder()
                        .add("grant_type", "refresh_token")
                        .add("refresh_token", config.refreshToken().reveal())
                        .add("client_id", config.clientId())
                        .add("client_secret", config.clientSecret().reveal())
                        .build())
                .build();
        String operation = "amazon LWA token refresh for account '" + accountId + "'";
        VendorResponse response = HttpCalls.execute(http, request, context, operation);
        if (!response.isSuccessful()) {
            throw refused(response, operation);
        }
        JsonNode body = Json.parse(response);
        String value = Json.text(body.path("access_token"));
        JsonNode expiresIn = body.path("expires_in");
        if (value == null || value.isBlank() || !expiresIn.isNumber() || expiresIn.asLong() <= 0) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    operation + ": answer lacks access_token or a positive expires_in (HTTP " + response.status() + ")");
        }
        Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
        // a short-lived token is still used for half its life rather than refreshed on every call
        Duration margin = lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
        Token previous = current;
        return new Token(value, clock.instant().plus(lifetime).minus(margin), previous == null ? 1 : previous.generation() + 1);
    }

    private ConnectorException refused(VendorResponse response, String operation) {
        String error = null;
        try {
            error = Json.text(Json.parse(response).path("error"));
        } catch (ConnectorException notJson) {
            // the status alone decides
        }
        int status = response.status();
        ErrorCategory category;
        if ("invalid_grant".equals(error) || "invalid_client".equals(error) || "unauthorized_client".equals(error)
                || status == 401) {
            category = ErrorCategory.UNAUTHENTICATED;
        } else if (status == 429) {
            category = ErrorCategory.RATE_LIMITED;
        } else if (status >= 500) {
            category = ErrorCategory.UNAVAILABLE;
        } else if (status == 403) {
            category = ErrorCategory.PERMISSION_DENIED;
        } else {
            category = ErrorCategory.BAD_REQUEST;
        }
        String what = category == ErrorCategory.UNAUTHENTICATED
                ? ": Login with Amazon refused the refresh token or client credentials" : ": Login with Amazon failed";
        // only LWA's error code is repeated: error_description may echo request fields
        ConnectorException.Builder builder = ConnectorException.builder(category, operation + what + " (HTTP " + status
                + (error == null ? "" : ", " + error) + ")").vendorCode(error);
        if (category == ErrorCategory.RATE_LIMITED) {
            RetryAfter.parse(response.headers().get("Retry-After"), clock).ifPresent(builder::retryAfter);
        }
        return builder.build();
    }
}

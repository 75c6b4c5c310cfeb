package dev.omnigate.connector.tiktok;

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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;

/**
 * The only class of the connector that talks HTTP (PROTOCOLS.md §3).
 *
 * <p>Every call carries query {@code app_key}, {@code timestamp} (Unix seconds from the host clock), {@code shop_cipher}
 * (shop-scoped paths) and {@code sign} computed by {@link TikTokShopSigner} over the exact body bytes sent, plus the
 * header {@code x-tts-access-token}. The shop cipher is configured or read once from {@value #SHOPS_PATH} and cached;
 * the access token is refreshed from the refresh token {@link #REFRESH_MARGIN} before it expires and once when TikTok
 * answers code 105002 (expired). Under concurrency exactly one caller refreshes (or discovers the cipher); the others
 * wait for it and reuse its result.
 *
 * <p>Answers: the envelope {@code {code, message, request_id, data}}; code 0 returns {@code data}. HTTP 429 →
 * {@code RATE_LIMITED} and 503 → {@code UNAVAILABLE}, both with {@code Retry-After}; known codes
 * ({@link TikTokShopErrorCode}: signature, timestamp, expired token) → {@code UNAUTHENTICATED} naming the cause;
 * other failures by HTTP status, a non-zero code in a 2xx → {@code BAD_REQUEST}; a body that is not the envelope →
 * {@code BAD_RESPONSE}. Messages never hold credentials, the sign or the cipher. Thread-safe.
 */
final class TikTokShopClient {

    static final String SHOPS_PATH = "/authorization/202309/shops";
    /** Refresh this long before the access token's expiry. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    static final String ACCESS_TOKEN_HEADER = "x-tts-access-token";

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_VENDOR_MESSAGE = 200;

    /** An access token and when it expires (null: unknown). */
    record Token(String value, Instant expiresAt) {
    }

    /** One authorised shop of {@value #SHOPS_PATH}. */
    record Shop(String id, String name, String cipher, String region) {
    }

    private final TikTokShopConfig config;
    private final OkHttpClient http;
    private final Clock clock;
    private final String accountId;
    private final HttpUrl baseUrl;
    private final HttpUrl authBaseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Token> token;
    private final AtomicReference<String> refreshToken;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final ReentrantLock cipherLock = new ReentrantLock();
    private volatile String shopCipher;
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong shopLookups = new AtomicLong();

    TikTokShopClient(TikTokShopConfig config, ConnectorContext context) {
        this.config = requireNonNull(config, "config is null");
        this.clock = context.clock();
        this.accountId = context.accountId();
        this.baseUrl = HttpUrl.get(config.baseUrl().toString());
        this.authBaseUrl = HttpUrl.get(config.authBaseUrl().toString());
        this.token = new AtomicReference<>(new Token(config.accessToken().reveal(), config.accessTokenExpiresAt()));
        this.refreshToken = new AtomicReference<>(config.refreshToken() == null ? null : config.refreshToken().reveal());
        this.shopCipher = config.shopCipher();
        this.http = HttpClients.forAccount(context)
                .addInterceptor(new RedactingLoggingInterceptor(TikTokShopConnectorFactory.ID, Set.of("app_key", "app_secret")))
                .build();
    }

    /** A signed shop-scoped GET; returns {@code data}. */
    JsonNode get(CallContext call, String operation, String path, Map<String, String> query) {
        return send(call, operation, "GET", path, query, null, true);
    }

    /** A signed shop-scoped POST with a JSON body; returns {@code data}. */
    JsonNode post(CallContext call, String operation, String path, Map<String, String> query, Object body) {
        return send(call, operation, "POST", path, query, Json.mapper().writeValueAsBytes(body), true);
    }

    /** The shops this token is authorised for ({@value #SHOPS_PATH}, signed, without a cipher). */
    java.util.List<Shop> shops(CallContext call) {
        JsonNode data = send(call, "tiktok-shop authorization.shops", "GET", SHOPS_PATH, Map.of(), null, false);
        java.util.List<Shop> shops = new java.util.ArrayList<>();
        for (JsonNode shop : data.path("shops")) {
            shops.add(new Shop(Json.text(shop.get("id")), Json.text(shop.get("name")), Json.text(shop.get("cipher")),
                    Json.text(shop.get("region"))));
        }
        return shops;
    }

    void close() {
        // the OkHttp client shares the host's pools: nothing to shut down, only stop accepting calls
        closed.set(true);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** How many token refreshes this client made (tests: one refresh under concurrency). */
    long refreshCount() {
        return refreshes.get();
    }

    /** How many times the shop list was fetched to discover the cipher. */
    long shopLookupCount() {
        return shopLookups.get();
    }

    private JsonNode send(CallContext call, String operation, String method, String path, Map<String, String> query,
            byte[] body, boolean shopScoped) {
        ensureOpen(operation);
        Token current = currentToken(call, operation);
        String cipher = shopScoped ? shopCipher(call) : null;
        try {
            return sendOnce(call, operation, method, path, query, body, current, cipher);
        } catch (ConnectorException e) {
            boolean expired = e.vendorCode().filter(String.valueOf(TikTokShopErrorCode.ACCESS_TOKEN_EXPIRED.code())::equals).isPresent();
            if (!expired || refreshToken.get() == null) {
                throw e;
            }
            // TikTok says the token expired before its configured expiry (or none was configured): refresh once, retry once
            Token fresh = refresh(call, current, operation);
            return sendOnce(call, operation, method, path, query, body, fresh, cipher);
        }
    }

    private JsonNode sendOnce(CallContext call, String operation, String method, String path, Map<String, String> query,
            byte[] body, Token accessToken, String cipher) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("app_key", config.appKey().reveal());
        parameters.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
        if (cipher != null) {
            parameters.put("shop_cipher", cipher);
        }
        parameters.putAll(query);
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments(path.substring(1));
        String signedPath = url.build().encodedPath();
        parameters.forEach(url::addQueryParameter);
        url.addQueryParameter("sign", TikTokShopSigner.sign(config.appSecret().reveal(), signedPath, parameters,
                body == null ? new byte[0] : body));
        Request.Builder request = new Request.Builder().url(url.build())
                .header(ACCESS_TOKEN_HEADER, accessToken.value())
                .header("Accept", "application/json")
                .header("User-Agent", "Omnigate-TikTokShop-Connector/1.0");
        if ("POST".equals(method)) {
            request.post(RequestBody.create(body, JSON));
        } else {
            request.get();
        }
        return interpret(HttpCalls.execute(http, request.build(), call, operation), clock);
    }

    private void ensureOpen(String operation) {
        if (closed.get()) {
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE,
                    operation + ": the connector for account '" + accountId + "' is closed");
        }
    }

    /** The token to use now, refreshed first when it expires within {@link #REFRESH_MARGIN}. */
    private Token currentToken(CallContext call, String operation) {
        Token current = token.get();
        if (current.expiresAt() != null && refreshToken.get() != null
                && !clock.instant().plus(REFRESH_MARGIN).isBefore(current.expiresAt())) {
            return refresh(call, current, operation);
        }
        return current;
    }

    /**
     * Exchanges the refresh token for a new access token, unless another caller already replaced {@code stale}
     * while this one waited for the lock (one refresh under concurrency).
     */
    private Token refresh(CallContext call, Token stale, String operation) {
        refreshLock.lock();
        try {
            Token current = token.get();
            if (current != stale) {
                return current;
            }
            ensureOpen(operation);
            // GET {auth}/token/refresh?app_key=&app_secret=&refresh_token=&grant_type=refresh_token (PROTOCOLS.md §3)
            HttpUrl url = authBaseUrl.newBuilder().addPathSegments("token/refresh")
                    .addQueryParameter("app_key", config.appKey().reveal())
                    .addQueryParameter("app_secret", config.appSecret().reveal())
                    .addQueryParameter("refresh_token", refreshToken.get())
                    .addQueryParameter("grant_type", "refresh_token")
                    .build();
            String refreshOperation = "tiktok-shop token.refresh (before " + operation + ")";
            JsonNode data;
            try {
                data = interpret(HttpCalls.execute(http, new Request.Builder().url(url).get().build(), call, refreshOperation), clock);
            } catch (ConnectorException e) {
                ErrorCategory category = e.retryable() ? e.category() : ErrorCategory.UNAUTHENTICATED;
                throw ConnectorException.builder(category, "refreshing the access token failed: " + e.getMessage())
                        .vendorCode(e.vendorCode().orElse(null)).vendorRequestId(e.vendorRequestId().orElse(null))
                        .retryAfter(e.retryAfter().orElse(null)).cause(e).build();
            }
            String accessToken = Json.text(data.get("access_token"));
            if (accessToken == null || accessToken.isBlank()) {
                throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, refreshOperation + ": the answer has no access_token");
            }
            // the *_expire_in fields are Unix timestamps, not durations (AuthRefreshTokenResponse.json)
            JsonNode expiresIn = data.get("access_token_expire_in");
            Instant expiresAt = expiresIn != null && expiresIn.isIntegralNumber() ? Instant.ofEpochSecond(expiresIn.asLong()) : null;
            String newRefresh = Json.text(data.get("refresh_token"));
            if (newRefresh != null && !newRefresh.isBlank()) {
                refreshToken.set(newRefresh);
            }
            Token fresh = new Token(accessToken, expiresAt);
            token.set(fresh);
            refreshes.incrementAndGet();
            return fresh;
        } finally {
            refreshLock.unlock();
        }
    }

    /** The configured cipher, or the one discovered once from the authorised shops. */
    private String shopCipher(CallContext call) {
        String known = shopCipher;
        if (known != null) {
            return known;
        }
        cipherLock.lock();
        try {
            if (shopCipher != null) {
                return shopCipher;
            }
            shopLookups.incrementAndGet();
            java.util.List<Shop> shops = shops(call);
            Optional<Shop> chosen = config.shopId() != null
                    ? shops.stream().filter(shop -> config.shopId().equals(shop.id())).findFirst()
                    : shops.size() == 1 ? Optional.of(shops.get(0)) : Optional.empty();
            if (chosen.isEmpty() || chosen.get().cipher() == null || chosen.get().cipher().isBlank()) {
                throw ConnectorException.of(ErrorCategory.CONFIG, config.shopId() != null
                        ? "tiktok-shop: the access token is not authorised for shop-id " + config.shopId() + " ("
                                + shops.size() + " authorised shop(s))"
                        : "tiktok-shop: the access token is authorised for " + shops.size()
                                + " shops; set shop-id or shop-cipher to choose one");
            }
            shopCipher = chosen.get().cipher();
            return shopCipher;
        } finally {
            cipherLock.unlock();
        }
    }

    /** Interprets one answer (any status); package-visible for the sample tests. */
    static JsonNode interpret(VendorResponse response, Clock clock) {
        JsonNode envelope = parseQuietly(response);
        Long code = envelope != null && envelope.path("code").isIntegralNumber() ? envelope.get("code").asLong() : null;
        String vendorMessage = envelope == null ? null : Json.text(envelope.get("message"));
        String requestId = envelope == null ? null : Json.text(envelope.get("request_id"));
        if (!response.isSuccessful()) {
            throw failure(response, code, vendorMessage, requestId, clock);
        }
        if (envelope == null) {
            Json.parse(response); // throws BAD_RESPONSE naming the operation, status and size
        }
        if (envelope == null || !envelope.isObject() || code == null) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    response.operation() + ": answer is not TikTok's {code, message, request_id, data} envelope (HTTP "
                            + response.status() + ")");
        }
        if (code != 0) {
            throw failure(response, code, vendorMessage, requestId, clock);
        }
        JsonNode data = envelope.get("data");
        if (data == null || data.isNull()) {
            return Json.mapper().createObjectNode();
        }
        if (!data.isObject()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, response.operation() + ": data is not an object");
        }
        return data;
    }

    private static ConnectorException failure(VendorResponse response, Long code, String vendorMessage, String requestId,
            Clock clock) {
        int status = response.status();
        Optional<TikTokShopErrorCode> known = code == null ? Optional.empty() : TikTokShopErrorCode.of(code);
        ErrorCategory category = known.map(TikTokShopErrorCode::category).orElseGet(() -> response.isSuccessful()
                ? ErrorCategory.BAD_REQUEST : HttpStatusMapper.categoryFor(status));
        StringBuilder message = new StringBuilder(response.operation()).append(": HTTP ").append(status);
        if (code != null) {
            message.append(", TikTok code ").append(code);
        }
        known.ifPresent(k -> message.append(": ").append(k.cause()));
        if (vendorMessage != null && !vendorMessage.isBlank()) {
            String trimmed = vendorMessage.strip();
            message.append(" - ").append(trimmed.length() > MAX_VENDOR_MESSAGE ? trimmed.substring(0, MAX_VENDOR_MESSAGE) + "..." : trimmed);
        }
        ConnectorException.Builder builder = ConnectorException.builder(category, message.toString())
                .vendorCode(code == null ? null : String.valueOf(code))
                .vendorRequestId(requestId);
        if (status == 429 || status == 503 || category == ErrorCategory.RATE_LIMITED) {
            RetryAfter.parse(response.header("Retry-After").orElse(null), clock).ifPresent(builder::retryAfter);
        }
        return builder.build();
    }

    private static JsonNode parseQuietly(VendorResponse response) {
        try {
            JsonNode node = Json.mapper().readTree(response.body());
            return node == null || node.isMissingNode() ? null : node;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package dev.omnigate.simulator.tiktok;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultingHandler;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.VendorSimulator;
import dev.omnigate.simulator.world.DemoWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TikTok Shop's Partner API (202309) for the demo shop, on loopback with the JDK's HTTP server on virtual threads
 * (PROTOCOLS.md §3). It checks every shop call like TikTok: {@code app_key}, a {@code timestamp} within
 * {@code [now-5min, now+30s]}, {@code sign} recomputed over path, sorted parameters and exact body bytes (HMAC-SHA256
 * with the app secret), the {@code x-tts-access-token} header and the {@code shop_cipher}; refusals come in TikTok's
 * envelope with HTTP 401 (106001 sign, 36009004 timestamp, 105002 expired token). Routes: {@code /authorization/202309/shops},
 * {@code /api/v2/token/refresh} (the auth host's path), orders by ids and search, products search and detail,
 * inventory search (the documented path, not the SDK's), warehouses. Paged by opaque {@code page_token}s.
 *
 * <p>Tests get {@link #counters()} (requests per path, refreshes), {@link #expireAccessToken()} and
 * {@link #failNext(int, int)} (fault injection).
 */
public final class TikTokShopSimulator implements VendorSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(TikTokShopSimulator.class);
    /** How long issued access tokens live. */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);

    private final HttpServer server;
    private final ExecutorService executor;
    private final TikTokShopStore store;
    private final URI baseUrl;
    private final String appKey;
    private final String appSecret;
    private final Clock clock;
    private final TikTokShopApi api;
    private final AtomicReference<String> accessToken = new AtomicReference<>();
    private final AtomicReference<Instant> accessTokenExpiresAt = new AtomicReference<>();
    private final AtomicReference<String> refreshToken = new AtomicReference<>();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final Counters counters = new Counters();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(503);
    private final SecureRandom random;

    /** What the simulator received. Thread-safe. */
    public static final class Counters {
        private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong refreshes = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();

        /** Every HTTP request, whatever its outcome. */
        public long total() {
            return total.get();
        }

        /** Requests to one path, e.g. {@code /order/202309/orders}. */
        public long path(String path) {
            AtomicLong count = byPath.get(path);
            return count == null ? 0 : count.get();
        }

        /** Access tokens issued by refresh. */
        public long refreshes() {
            return refreshes.get();
        }

        /** Requests refused for their signature, timestamp, app key, token or cipher. */
        public long rejected() {
            return rejected.get();
        }

        public void reset() {
            byPath.clear();
            total.set(0);
            refreshes.set(0);
            rejected.set(0);
        }
    }

    private TikTokShopSimulator(HttpServer server, ExecutorService executor, TikTokShopStore store, String appKey, String appSecret,
            Clock clock, SecureRandom random) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.clock = clock;
        this.random = random;
        this.api = new TikTokShopApi(store);
        InetSocketAddress address = server.getAddress();
        String host = address.getHostString().contains(":") ? "[" + address.getHostString() + "]" : address.getHostString();
        this.baseUrl = URI.create("http://" + host + ":" + address.getPort());
        issueTokens();
    }

    /** Starts the demo shop on {@code options.ports()["tiktok-shop"]} (0: any free port) with credentials made up now. */
    public static TikTokShopSimulator start(DemoWorld world, SandboxOptions options, SecureRandom random, FaultControls faults) {
        return start(new TikTokShopStore(world), options.host(), options.ports().getOrDefault(Sandbox.TIKTOK_SHOP, 0),
                Sandbox.hex(random, 6), Sandbox.hex(random, 20), Clock.systemUTC(), random, faults);
    }

    /** Starts serving {@code store} with the given app credentials and clock. */
    public static TikTokShopSimulator start(TikTokShopStore store, String host, int port, String appKey, String appSecret,
            Clock clock, SecureRandom random) {
        return start(store, host, port, appKey, appSecret, clock, random, FaultControls.none());
    }

    /** As the overload without {@code faults}, under the {@code tiktok-shop} faults of {@code faults}. */
    public static TikTokShopSimulator start(TikTokShopStore store, String host, int port, String appKey, String appSecret,
            Clock clock, SecureRandom random, FaultControls faults) {
        requireNonNull(store, "store is null");
        requireNonNull(appKey, "appKey is null");
        requireNonNull(appSecret, "appSecret is null");
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.setExecutor(executor);
            TikTokShopSimulator simulator = new TikTokShopSimulator(server, executor, store, appKey, appSecret, clock, random);
            server.createContext("/", FaultingHandler.wrap(Sandbox.TIKTOK_SHOP, faults, simulator::handle));
            server.start();
            return simulator;
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for the TikTok Shop simulator", e);
        }
    }

    private void issueTokens() {
        String previous = accessToken.getAndSet("ROW_" + Sandbox.hex(random, 24));
        if (previous != null) {
            expiredTokens.add(previous);
        }
        accessTokenExpiresAt.set(clock.instant().plus(TOKEN_LIFETIME));
        refreshToken.set(Sandbox.hex(random, 24));
    }

    /** The demo shop as an account of the {@code tiktok-shop} connector, with the credentials valid now. */
    @Override
    public SimulatedAccount account() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("base-url", baseUrl.toString());
        config.put("auth-base-url", baseUrl + "/api/v2");
        config.put("app-key", appKey);
        config.put("app-secret", appSecret);
        config.put("access-token", accessToken.get());
        config.put("refresh-token", refreshToken.get());
        config.put("access-token-expires-at", String.valueOf(accessTokenExpiresAt.get().getEpochSecond()));
        config.put("shop-id", TikTokShopStore.SHOP_ID);
        return new SimulatedAccount(Sandbox.TIKTOK_SHOP, Sandbox.TIKTOK_SHOP_ACCOUNT, baseUrl, config);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public TikTokShopStore store() {
        return store;
    }

    public Counters counters() {
        return counters;
    }

    /** Makes the current access token expired now: the next call with it gets code 105002. */
    public void expireAccessToken() {
        expiredTokens.add(accessToken.get());
    }

    /** The next {@code count} requests are answered with {@code status} (429 or 503 carry {@code Retry-After: 1}). */
    public void failNext(int count, int status) {
        failureStatus.set(status);
        failuresLeft.set(count);
    }

    /** Webhook signature TikTok would send for {@code body}: hex HMAC-SHA256(app_secret, app_key + body). */
    public String webhookSignature(byte[] body) {
        return hex(hmac(appSecret, appKey.getBytes(StandardCharsets.UTF_8), body));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        try {
            counters.total.incrementAndGet();
            String path = exchange.getRequestURI().getRawPath();
            counters.byPath.computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(1 << 20);
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                int status = failureStatus.get();
                if (status == 429 || status == 503) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                }
                // placeholder codes: TikTok's throttle and outage codes are not in the sources; the HTTP status decides
                respond(exchange, status, TikTokShopApi.error(status == 429 ? 42900 : 50000,
                        status == 429 ? "Too many requests" : "Service unavailable", requestId));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/api/v2/token/refresh")) {
                refresh(exchange, query, requestId);
                return;
            }
            Map<String, Object> refusal = verify(exchange, path, query, body, !path.equals("/authorization/202309/shops"), requestId);
            if (refusal != null) {
                counters.rejected.incrementAndGet();
                respond(exchange, 401, refusal);
                return;
            }
            TikTokShopApi.Answer answer = api.serve(exchange.getRequestMethod(), path, query, body, requestId);
            respond(exchange, answer.status(), answer.body());
        } catch (RuntimeException e) {
            LOG.warn("TikTok Shop simulator failed on request {}", requestId, e);
            respond(exchange, 500, TikTokShopApi.error(50000, "Internal error", requestId));
        } finally {
            exchange.close();
        }
    }

    /** TikTok's checks of a signed call; null when it passes, else the error envelope. */
    private Map<String, Object> verify(HttpExchange exchange, String path, Map<String, String> query, byte[] body,
            boolean shopScoped, String requestId) {
        if (!appKey.equals(query.get("app_key"))) {
            return TikTokShopApi.error(106001, "Invalid credentials. The 'app_key' query parameter is invalid.", requestId);
        }
        String timestamp = query.getOrDefault("timestamp", "");
        long now = clock.instant().getEpochSecond();
        if (!timestamp.matches("[0-9]{10}") || Long.parseLong(timestamp) < now - 300 || Long.parseLong(timestamp) > now + 30) {
            return TikTokShopApi.error(36009004, "Invalid timestamp. The 'timestamp' query parameter is outside the allowed window.",
                    requestId);
        }
        String sign = query.get("sign");
        // constant-time comparison: the answer must not reveal how much of a guessed signature was right
        if (sign == null || !MessageDigest.isEqual(sign.getBytes(StandardCharsets.UTF_8),
                sign(path, query, body).getBytes(StandardCharsets.UTF_8))) {
            return TikTokShopApi.error(106001, "Invalid credentials. The 'sign' query parameter is invalid.", requestId);
        }
        String token = exchange.getRequestHeaders().getFirst("x-tts-access-token");
        if (token != null && expiredTokens.contains(token)) {
            return TikTokShopApi.error(105002, "access token is expired, please refresh it", requestId);
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                accessToken.get().getBytes(StandardCharsets.UTF_8))) {
            // the code for an unknown token is not in the sources; the simulator's own choice
            return TikTokShopApi.error(105001, "Invalid access token.", requestId);
        }
        if (shopScoped && !TikTokShopStore.SHOP_CIPHER.equals(query.get("shop_cipher"))) {
            return TikTokShopApi.error(106011, "Invalid shop_cipher.", requestId);
        }
        return null;
    }

    /** GET {auth}/token/refresh (PROTOCOLS.md §3; answer shaped like AuthRefreshTokenResponse.json). */
    private void refresh(HttpExchange exchange, Map<String, String> query, String requestId) throws IOException {
        String presented = query.get("refresh_token");
        if (!appKey.equals(query.get("app_key")) || !appSecret.equals(query.get("app_secret"))
                || !"refresh_token".equals(query.get("grant_type")) || presented == null || !presented.equals(refreshToken.get())) {
            counters.rejected.incrementAndGet();
            respond(exchange, 401, TikTokShopApi.error(36004005, "can not find related auth record", requestId));
            return;
        }
        issueTokens();
        counters.refreshes.incrementAndGet();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", accessToken.get());
        data.put("access_token_expire_in", accessTokenExpiresAt.get().getEpochSecond());
        data.put("refresh_token", refreshToken.get());
        data.put("refresh_token_expire_in", clock.instant().plus(Duration.ofDays(365)).getEpochSecond());
        data.put("open_id", "7010736057180325637");
        data.put("seller_name", store.world().brand().name());
        data.put("seller_base_region", "US");
        data.put("user_type", 0);
        respond(exchange, 200, TikTokShopApi.ok(data, requestId));
    }

    /** {@code hex(HMAC-SHA256(secret, secret + path + sorted k+v + body + secret))}, sign and access_token excluded. */
    String sign(String path, Map<String, String> query, byte[] body) {
        StringBuilder base = new StringBuilder(appSecret).append(path);
        new TreeMap<>(query).forEach((key, value) -> {
            if (!key.equals("sign") && !key.equals("access_token")) {
                base.append(key).append(value);
            }
        });
        byte[] head = base.toString().getBytes(StandardCharsets.UTF_8);
        return hex(hmac(appSecret, head, body, appSecret.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = TikTokShopApi.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

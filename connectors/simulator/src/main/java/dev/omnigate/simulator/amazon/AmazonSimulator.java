package dev.omnigate.simulator.amazon;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultingHandler;
import dev.omnigate.simulator.Sandbox;
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
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Amazon Selling Partner API of the demo seller, served over HTTP on loopback with the JDK's HTTP server on
 * virtual threads, in SP-API's wire format (PROTOCOLS.md §2) so the real {@code amazon} connector talks to it
 * unchanged:
 * <ul>
 *   <li>Login with Amazon: {@code POST /auth/o2/token} (form-encoded or JSON, {@code grant_type=refresh_token}) issues
 *       one-hour access tokens for the refresh token and client credentials made up per start; anything else is
 *       {@code invalid_grant}/{@code invalid_client};</li>
 *   <li>every SP-API path wants an issued token in {@code x-amz-access-token} (else 403 {@code Unauthorized}), is
 *       metered by its operation's token bucket (429 {@code QuotaExceeded} past it) and answers
 *       {@code x-amzn-RequestId} and {@code x-amzn-RateLimit-Limit};</li>
 *   <li>operations: searchOrders, getOrder (Orders 2026-01-01), getInventorySummaries (FBA inventory v1),
 *       searchListingsItems (Listings Items 2021-08-01), getMarketplaceParticipations (Sellers v1), over
 *       {@link AmazonSellerView}.</li>
 * </ul>
 * Errors use SP-API's {@code {"errors":[{code,message,details}]}}. {@link #counters()} counts requests per operation.
 */
public final class AmazonSimulator implements VendorSimulator {

    /** The sandbox's marketplace: amazon.com. */
    public static final String MARKETPLACE_ID = AmazonSellerView.MARKETPLACE_ID;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor;
    private final AmazonSellerView seller;
    private final URI baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final String notificationSecret;
    private final Map<AmazonSimOperation, AmazonUsagePlan> plans;
    private final Map<AmazonSimOperation, TokenBucket> buckets = new EnumMap<>(AmazonSimOperation.class);
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final SecureRandom random;

    private AmazonSimulator(HttpServer server, ExecutorService executor, AmazonSellerView seller, SecureRandom random,
            Map<AmazonSimOperation, AmazonUsagePlan> plans) {
        this.server = server;
        this.executor = executor;
        this.seller = seller;
        this.random = random;
        this.clientId = "amzn1.application-oa2-client." + Sandbox.hex(random, 16);
        this.clientSecret = "amzn1.oa2-cs.v1." + Sandbox.hex(random, 32);
        this.refreshToken = "Atzr|" + Sandbox.hex(random, 48);
        this.notificationSecret = Sandbox.hex(random, 32);
        this.plans = new EnumMap<>(plans);
        plans.forEach((operation, plan) -> buckets.put(operation, new TokenBucket(plan)));
        InetSocketAddress address = server.getAddress();
        String host = address.getHostString().contains(":") ? "[" + address.getHostString() + "]" : address.getHostString();
        this.baseUrl = URI.create("http://" + host + ":" + address.getPort());
    }

    /** Starts the sandbox's Amazon seller with Amazon's sandbox usage plan on every operation. */
    public static AmazonSimulator start(DemoWorld world, dev.omnigate.simulator.SandboxOptions options, SecureRandom random,
            FaultControls faults) {
        // without vendor limits (load tests of the gateway): a plan no load generator on loopback reaches
        AmazonUsagePlan plan = options.vendorRateLimits() ? AmazonUsagePlan.SANDBOX : new AmazonUsagePlan(new java.math.BigDecimal("1000000"), 1_000_000);
        return start(world, options.host(), options.ports().getOrDefault(Sandbox.AMAZON, 0), random, plan, faults);
    }

    /**
     * Starts serving.
     *
     * @param world the demo data set
     * @param host the loopback address to bind
     * @param port the port, 0 for any free one
     * @param random makes up this start's credentials
     * @param plan the usage plan of every operation
     */
    public static AmazonSimulator start(DemoWorld world, String host, int port, SecureRandom random, AmazonUsagePlan plan) {
        return start(world, host, port, random, plan, FaultControls.none());
    }

    /** As {@link #start(DemoWorld, String, int, SecureRandom, AmazonUsagePlan)}, under the {@code amazon} faults of {@code faults}. */
    public static AmazonSimulator start(DemoWorld world, String host, int port, SecureRandom random, AmazonUsagePlan plan,
            FaultControls faults) {
        requireNonNull(world, "world is null");
        requireNonNull(plan, "plan is null");
        Map<AmazonSimOperation, AmazonUsagePlan> plans = new EnumMap<>(AmazonSimOperation.class);
        for (AmazonSimOperation operation : AmazonSimOperation.values()) {
            plans.put(operation, plan);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.setExecutor(executor);
            AmazonSimulator simulator = new AmazonSimulator(server, executor, new AmazonSellerView(world), random, plans);
            server.createContext("/", FaultingHandler.wrap(Sandbox.AMAZON, faults, simulator::handle));
            server.start();
            return simulator;
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for the Amazon simulator", e);
        }
    }

    /**
     * The demo seller as an account of the {@code amazon} connector: endpoint and LWA endpoint on this simulator, the
     * credentials of this start, and the connector's rates set to this simulator's usage plans.
     */
    @Override
    public SimulatedAccount account() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("endpoint", baseUrl.toString());
        config.put("lwa-endpoint", baseUrl.resolve("/auth/o2/token").toString());
        config.put("client-id", clientId);
        config.put("client-secret", clientSecret);
        config.put("refresh-token", refreshToken);
        config.put("seller-id", AmazonSellerView.SELLER_ID);
        config.put("marketplace-ids", MARKETPLACE_ID);
        config.put("notification-secret", notificationSecret);
        plans.forEach((operation, plan) -> {
            config.put(operation.configPrefix() + "-rate", plan.rate().toPlainString());
            config.put(operation.configPrefix() + "-burst", Integer.toString(plan.burst()));
        });
        return new SimulatedAccount(Sandbox.AMAZON, Sandbox.AMAZON_ACCOUNT, baseUrl, config);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The seller's data in SP-API terms. */
    public AmazonSellerView seller() {
        return seller;
    }

    /** Requests per operation id ({@code searchOrders}, {@code lwaToken}, ...) since start or the last reset. */
    public Map<String, Long> counters() {
        Map<String, Long> copy = new LinkedHashMap<>();
        counters.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    public long count(String operationId) {
        AtomicLong count = counters.get(operationId);
        return count == null ? 0 : count.get();
    }

    public void resetCounters() {
        counters.clear();
    }

    /** The credentials of this start (tests that call the simulator directly). */
    public String refreshToken() {
        return refreshToken;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The shared secret the sandbox's notification deliveries carry. */
    public String notificationSecret() {
        return notificationSecret;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/auth/o2/token") && exchange.getRequestMethod().equals("POST")) {
                increment("lwaToken");
                token(exchange, body);
                return;
            }
            AmazonSimOperation operation = AmazonSimOperation.route(exchange.getRequestMethod(), path);
            if (operation == null) {
                send(exchange, 404, error("NotFound", "The resource specified does not exist.", ""), null);
                return;
            }
            increment(operation.operationId());
            String token = exchange.getRequestHeaders().getFirst("x-amz-access-token");
            if (token == null || !issuedTokens.contains(token)) {
                send(exchange, 403, error("Unauthorized", "Access to requested resource is denied.",
                        "The access token you provided is revoked, malformed or invalid."), operation);
                return;
            }
            if (!buckets.get(operation).tryTake()) {
                send(exchange, 429, error("QuotaExceeded", "You exceeded your quota for the requested resource.", ""), operation);
                return;
            }
            AmazonSellerView.Answer answer = switch (operation) {
                case SEARCH_ORDERS -> seller.searchOrders(query);
                case GET_ORDER -> seller.getOrder(decode(path.substring(path.lastIndexOf('/') + 1)), query);
                case GET_INVENTORY_SUMMARIES -> seller.inventorySummaries(query);
                case SEARCH_LISTINGS_ITEMS -> seller.searchListingsItems(decode(path.substring(path.lastIndexOf('/') + 1)), query);
                case GET_MARKETPLACE_PARTICIPATIONS -> seller.marketplaceParticipations();
            };
            send(exchange, answer.status(), answer.body(), operation);
        } catch (RuntimeException e) {
            send(exchange, 500, error("InternalFailure", "We encountered an internal error. Please try again.", ""), null);
        }
    }

    private void token(HttpExchange exchange, byte[] body) throws IOException {
        Map<String, String> form;
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (contentType.startsWith("application/json")) {
            // Amazon's Java helper sends the same fields as JSON (PROTOCOLS.md §2): accept both
            form = new LinkedHashMap<>();
            JSON.readTree(body).properties().forEach(entry -> form.put(entry.getKey(), entry.getValue().asString()));
        } else {
            form = query(new String(body, StandardCharsets.UTF_8));
        }
        ObjectNode answer = JSON.createObjectNode();
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            answer.put("error_description", "Client authentication failed").put("error", "invalid_client");
            send(exchange, 401, answer, null);
            return;
        }
        if (!"refresh_token".equals(form.get("grant_type")) || !refreshToken.equals(form.get("refresh_token"))) {
            answer.put("error_description", "The request has an invalid grant parameter : refresh_token").put("error", "invalid_grant");
            send(exchange, 400, answer, null);
            return;
        }
        String token = "Atza|" + Sandbox.hex(random, 48);
        issuedTokens.add(token);
        answer.put("access_token", token).put("refresh_token", refreshToken).put("token_type", "bearer").put("expires_in", 3600);
        send(exchange, 200, answer, null);
    }

    private void increment(String operationId) {
        counters.computeIfAbsent(operationId, key -> new AtomicLong()).incrementAndGet();
    }

    private void send(HttpExchange exchange, int status, ObjectNode body, AmazonSimOperation operation) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (operation != null) {
            exchange.getResponseHeaders().set("x-amzn-RateLimit-Limit", plans.get(operation).rate().toPlainString());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static ObjectNode error(String code, String message, String details) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("errors").addObject().put("code", code).put("message", message).put("details", details);
        return body;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(1024 * 1024 + 1);
        if (bytes.length > 1024 * 1024) {
            throw new IllegalArgumentException("request body too large");
        }
        return bytes;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.merge(name, value, (a, b) -> a + "," + b);
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static List<String> csv(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}

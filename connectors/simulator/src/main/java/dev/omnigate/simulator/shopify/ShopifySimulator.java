package dev.omnigate.simulator.shopify;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultingHandler;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.VendorSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Shopify's Admin GraphQL API for the demo shop, served over HTTP on a loopback address with the JDK's HTTP server
 * on virtual threads. One endpoint: {@code POST {baseUrl}/admin/api/{version}/graphql.json}. Exposes what tests need:
 * {@link #counters()}, {@link #faults()}, {@link #throttle()} and signed {@link #webhooks()}.
 */
public final class ShopifySimulator implements VendorSimulator {

    /** The API version the sandbox tells connectors to use. */
    public static final String API_VERSION = "2026-04";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ShopifyStore store;
    private final URI baseUrl;
    private final RequestCounters counters = new RequestCounters();
    private final FaultInjector faults = new FaultInjector();
    private final ThrottleBucket throttle;
    private final ShopifyWebhooks webhooks;
    private final String accessToken;
    private final String webhookSecret;

    private ShopifySimulator(HttpServer server, ExecutorService executor, ShopifyStore store, ThrottleBucket throttle,
            ShopifyWebhooks webhooks, String accessToken, String webhookSecret) {
        this.server = server;
        this.accessToken = accessToken;
        this.webhookSecret = webhookSecret;
        this.executor = executor;
        this.store = store;
        this.throttle = throttle;
        this.webhooks = webhooks;
        InetSocketAddress address = server.getAddress();
        String host = address.getHostString().contains(":") ? "[" + address.getHostString() + "]" : address.getHostString();
        this.baseUrl = URI.create("http://" + host + ":" + address.getPort());
    }

    /**
     * Loads what every simulator start needs regardless of the data (the parsed schema); callers may run this on
     * another thread while they generate the world, to shorten a cold start. Idempotent.
     */
    public static void preload() {
        ShopifySchema.preload();
    }

    /**
     * Starts serving.
     *
     * @param store the shop's data
     * @param host the address to bind (loopback)
     * @param port the port, 0 for any free port
     * @param accessToken the only token {@code X-Shopify-Access-Token} accepts
     * @param webhookSecret the app secret webhooks are signed with
     * @param options limits and clock
     */
    public static ShopifySimulator start(ShopifyStore store, String host, int port, String accessToken,
            String webhookSecret, ShopifySimulatorOptions options) {
        return start(store, host, port, accessToken, webhookSecret, options, FaultControls.none());
    }

    /**
     * As the overload without {@code faults}, under the {@code shopify} faults of {@code faults} (applied in front of
     * this simulator's own {@link #faults()} queue).
     */
    public static ShopifySimulator start(ShopifyStore store, String host, int port, String accessToken,
            String webhookSecret, ShopifySimulatorOptions options, FaultControls faults) {
        requireNonNull(store, "store is null");
        requireNonNull(host, "host is null");
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(webhookSecret, "webhookSecret is null");
        requireNonNull(options, "options is null");
        ThrottleBucket throttle = new ThrottleBucket(options.bucketSize(), options.restoreRate(), options.clock());
        ShopifySimulator simulator;
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.setExecutor(executor);
            ShopifyWebhooks webhooks = new ShopifyWebhooks(store, store.shop().myshopifyDomain(), API_VERSION,
                    webhookSecret, options.clock());
            simulator = new ShopifySimulator(server, executor, store, throttle, webhooks, accessToken, webhookSecret);
            server.createContext("/", FaultingHandler.wrap(Sandbox.SHOPIFY, faults, new ShopifyGraphQLEndpoint(
                    ShopifySchema.build(store, options.maxPageSize()), accessToken, throttle, simulator.counters, simulator.faults, options)));
            server.start();
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for the Shopify simulator", e);
        }
        return simulator;
    }

    /** The demo shop as an account of the {@code shopify} connector, with the credentials this start accepts. */
    @Override
    public SimulatedAccount account() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("shop-domain", store.shop().myshopifyDomain());
        config.put("base-url", baseUrl.toString());
        config.put("api-version", API_VERSION);
        config.put("access-token", accessToken);
        config.put("webhook-secret", webhookSecret);
        return new SimulatedAccount(Sandbox.SHOPIFY, Sandbox.SHOPIFY_ACCOUNT, baseUrl, config);
    }

    /** {@code http://host:port}; the connector's {@code base-url}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The GraphQL endpoint for an API version. */
    public URI graphqlUrl(String apiVersion) {
        return baseUrl.resolve("/admin/api/" + apiVersion + "/graphql.json");
    }

    public ShopifyStore store() {
        return store;
    }

    public RequestCounters counters() {
        return counters;
    }

    public FaultInjector faults() {
        return faults;
    }

    public ThrottleBucket throttle() {
        return throttle;
    }

    public ShopifyWebhooks webhooks() {
        return webhooks;
    }

    /** Stops listening; idempotent. */
    @Override
    public void close() {
        server.stop(0);
        // interrupt handlers still sleeping on an injected delay instead of waiting for them
        executor.shutdownNow();
    }
}

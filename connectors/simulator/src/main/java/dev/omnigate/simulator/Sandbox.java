package dev.omnigate.simulator;

import static java.util.Objects.requireNonNull;

import dev.omnigate.simulator.shopify.ShopifySimulator;
import dev.omnigate.simulator.shopify.ShopifyStore;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.WorldGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running set of vendor simulators serving one demo data set over real HTTP on loopback.
 *
 * <p>{@link #start} generates the {@link DemoWorld} once and starts one simulator per vendor (today: Shopify), each
 * with credentials made up for this start. {@link #accounts()} tells a connector host how to reach them;
 * {@link #shopify()} gives tests the Shopify simulator's counters, faults and webhooks. Never reads files at run time.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    public static final String SHOPIFY = "shopify";
    public static final String SHOPIFY_ACCOUNT = "demo-shopify";
    public static final String SHOPIFY_DOMAIN = "omnigate-demo.myshopify.com";

    private final DemoWorld world;
    private final ShopifySimulator shopify;
    private final List<SimulatedAccount> accounts;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(DemoWorld world, ShopifySimulator shopify, List<SimulatedAccount> accounts) {
        this.world = world;
        this.shopify = shopify;
        this.accounts = List.copyOf(accounts);
    }

    /** Generates the demo data set and starts every vendor simulator. */
    public static Sandbox start(SandboxOptions options) {
        requireNonNull(options, "options is null");
        // parse the Shopify schema while the world is generated: both dominate a cold start
        CompletableFuture<Void> preload = CompletableFuture.runAsync(ShopifySimulator::preload,
                runnable -> Thread.ofVirtual().name("shopify-simulator-preload").start(runnable));
        DemoWorld world = WorldGenerator.generate(options.seed());
        ShopifyStore store = new ShopifyStore(world, SHOPIFY_DOMAIN);
        preload.join();
        SecureRandom random = new SecureRandom();
        String accessToken = "shpat_" + hex(random, 16);
        String webhookSecret = hex(random, 32);
        ShopifySimulator shopify = ShopifySimulator.start(store, options.host(),
                options.ports().getOrDefault(SHOPIFY, 0), accessToken, webhookSecret, options.shopify());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("shop-domain", SHOPIFY_DOMAIN);
        config.put("base-url", shopify.baseUrl().toString());
        config.put("api-version", ShopifySimulator.API_VERSION);
        config.put("access-token", accessToken);
        config.put("webhook-secret", webhookSecret);
        LOG.info("Shopify simulator for account {} listening on {} (api-version {}, {} customers, {} orders)",
                SHOPIFY_ACCOUNT, shopify.baseUrl(), ShopifySimulator.API_VERSION, shopify.store().customers().size(),
                shopify.store().orders().size());
        return new Sandbox(world, shopify, List.of(new SimulatedAccount(SHOPIFY, SHOPIFY_ACCOUNT, shopify.baseUrl(), config)));
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** One entry per running vendor simulator. */
    public List<SimulatedAccount> accounts() {
        return accounts;
    }

    /** The account of a connector id, e.g. {@code shopify}. */
    public SimulatedAccount account(String connectorId) {
        return accounts.stream().filter(a -> a.connectorId().equals(connectorId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the sandbox runs no simulator for connector '" + connectorId + "'"));
    }

    /** The demo data set every simulator serves. */
    public DemoWorld world() {
        return world;
    }

    /** The Shopify simulator: counters, fault injection, throttle bucket, webhooks and the shop's ids. */
    public ShopifySimulator shopify() {
        return shopify;
    }

    /** Stops every simulator; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            shopify.close();
        }
    }
}

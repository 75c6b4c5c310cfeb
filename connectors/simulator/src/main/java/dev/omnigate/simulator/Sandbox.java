package dev.omnigate.simulator;

import static java.util.Objects.requireNonNull;

import dev.omnigate.simulator.amazon.AmazonSimulator;
import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.shopify.ShopifySimulator;
import dev.omnigate.simulator.shopify.ShopifyStore;
import dev.omnigate.simulator.square.SquareSimulator;
import dev.omnigate.simulator.tiktok.TikTokShopSimulator;
import dev.omnigate.simulator.zendesk.ZendeskSimulator;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.WorldGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running set of vendor simulators serving one demo data set over real HTTP on loopback.
 *
 * <p>{@link #start} generates the {@link DemoWorld} once and starts one simulator per vendor, each
 * with credentials made up for this start (see {@link VendorSimulator}). {@link #accounts()} tells a connector host how to reach them;
 * {@link #shopify()} gives tests the Shopify simulator's counters, faults and webhooks; {@link #faults()} holds every
 * simulator's fault controls (latency, errors, resets, malformed bodies, down), changeable while it runs. Never reads
 * files at run time.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    public static final String SHOPIFY = "shopify";
    public static final String SHOPIFY_ACCOUNT = "demo-shopify";
    public static final String SHOPIFY_DOMAIN = "omnigate-demo.myshopify.com";
    public static final String AMAZON = "amazon";
    public static final String AMAZON_ACCOUNT = "demo-amazon";
    public static final String ZENDESK = "zendesk";
    public static final String ZENDESK_ACCOUNT = "demo-zendesk";
    public static final String TIKTOK_SHOP = "tiktok-shop";
    public static final String TIKTOK_SHOP_ACCOUNT = "demo-tiktok-shop";
    public static final String SQUARE = "square";
    public static final String SQUARE_ACCOUNT = "demo-square";

    private final DemoWorld world;
    private final List<VendorSimulator> simulators;
    private final FaultControls faults;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(DemoWorld world, List<VendorSimulator> simulators, FaultControls faults) {
        this.world = world;
        this.faults = faults;
        this.simulators = List.copyOf(simulators);
    }

    /**
     * Generates the demo data set and starts every vendor simulator. When one fails to start, the ones already
     * running are stopped before the failure propagates.
     */
    public static Sandbox start(SandboxOptions options) {
        requireNonNull(options, "options is null");
        // parse the Shopify schema while the world is generated: both dominate a cold start
        CompletableFuture<Void> preload = CompletableFuture.runAsync(ShopifySimulator::preload,
                runnable -> Thread.ofVirtual().name("shopify-simulator-preload").start(runnable));
        DemoWorld world = WorldGenerator.generate(options.seed());
        preload.join();
        SecureRandom random = new SecureRandom();
        FaultControls faults = new FaultControls(options.seed(), options.faults());
        List<VendorSimulator> started = new ArrayList<>();
        try {
            ShopifySimulator shopify = ShopifySimulator.start(new ShopifyStore(world, SHOPIFY_DOMAIN), options.host(),
                    options.ports().getOrDefault(SHOPIFY, 0), "shpat_" + hex(random, 16), hex(random, 32), options.shopify(), faults);
            started.add(shopify);
            LOG.info("Shopify simulator for account {} listening on {} (api-version {}, {} customers, {} orders)",
                    SHOPIFY_ACCOUNT, shopify.baseUrl(), ShopifySimulator.API_VERSION, shopify.store().customers().size(),
                    shopify.store().orders().size());
            // one line per further vendor simulator
            started.add(AmazonSimulator.start(world, options, random, faults));
            started.add(TikTokShopSimulator.start(world, options, random, faults));
            started.add(SquareSimulator.start(world, options, random, faults));
            started.add(ZendeskSimulator.start(world, options, random, faults));
        } catch (RuntimeException e) {
            started.forEach(VendorSimulator::close);
            throw e;
        }
        return new Sandbox(world, started, faults);
    }

    /** Fresh random hex of {@code bytes} bytes, for credentials made up for one start. */
    public static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** One entry per running vendor simulator. */
    public List<SimulatedAccount> accounts() {
        return simulators.stream().map(VendorSimulator::account).toList();
    }

    /** The account of a connector id, e.g. {@code shopify}. */
    public SimulatedAccount account(String connectorId) {
        return accounts().stream().filter(a -> a.connectorId().equals(connectorId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the sandbox runs no simulator for connector '" + connectorId + "'"));
    }

    /** Every simulator's live fault settings and request counters. */
    public FaultControls faults() {
        return faults;
    }

    /** The demo data set every simulator serves. */
    public DemoWorld world() {
        return world;
    }

    /** The Shopify simulator: counters, fault injection, throttle bucket, webhooks and the shop's ids. */
    public ShopifySimulator shopify() {
        return simulator(ShopifySimulator.class);
    }

    /** The running simulator of a type, e.g. {@code simulator(AmazonSimulator.class)}, for tests. */
    public <T extends VendorSimulator> T simulator(Class<T> type) {
        return simulators.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the sandbox runs no " + type.getSimpleName()));
    }

    /** Stops every simulator; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            simulators.forEach(VendorSimulator::close);
        }
    }
}

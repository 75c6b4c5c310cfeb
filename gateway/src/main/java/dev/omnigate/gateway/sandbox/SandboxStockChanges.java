package dev.omnigate.gateway.sandbox;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.shopify.ShopifyModel;
import dev.omnigate.simulator.world.StockLevel;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * With {@code omnigate.sandbox.stock-changes-every} set, changes one Shopify stock level of the demo world at that pace
 * (down by one, back up by five when empty), going round the stocked levels, each through {@link SandboxStockController}
 * so Shopify's signed webhook reaches the ingress: a live feed for {@code inventoryChanged} without any client action.
 */
@Component
@ConditionalOnProperty(name = "omnigate.sandbox.enabled", havingValue = "true")
public class SandboxStockChanges implements ApplicationListener<WebServerInitializedEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxStockChanges.class);

    private final SandboxStockController stock;
    private final Sandbox sandbox;
    private final Duration every;
    private final AtomicInteger next = new AtomicInteger();
    private ScheduledExecutorService scheduler;

    public SandboxStockChanges(SandboxStockController stock, SandboxStoreConfigSource source, OmnigateProperties properties) {
        this.stock = stock;
        this.sandbox = source.sandbox();
        this.every = properties.sandbox().stockChangesEvery();
    }

    @Override
    public synchronized void onApplicationEvent(WebServerInitializedEvent event) {
        if (every.isZero() || scheduler != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        List<StockLevel> levels = shopifyLevels();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sandbox-stock-changes").daemon().factory());
        scheduler.scheduleWithFixedDelay(() -> change(levels, port), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("sandbox: Shopify changes a stock level every {} and sends its webhook", every);
    }

    private List<StockLevel> shopifyLevels() {
        Set<String> shopLocations = new HashSet<>();
        sandbox.shopify().store().locations().forEach(location -> shopLocations.add(location.worldKey()));
        return sandbox.world().stock().stream().filter(level -> shopLocations.contains(level.locationKey())).toList();
    }

    private void change(List<StockLevel> levels, int port) {
        try {
            StockLevel level = levels.get(Math.floorMod(next.getAndIncrement(), levels.size()));
            ShopifyModel.Location location = sandbox.shopify().store().locationOfWorld(level.locationKey());
            int available = stock.available(level.sku(), location);
            stock.apply(level.sku(), location, available > 0 ? available - 1 : available + 5, port);
        } catch (Exception e) {
            LOG.warn("sandbox: a scheduled stock change failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}

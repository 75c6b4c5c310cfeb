package dev.omnigate.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.connector.api.change.ChangeBatch;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.tiktok.TikTokShopSimulator;
import dev.omnigate.simulator.tiktok.TikTokShopStore;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.StockLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real connector against the sandbox's TikTok Shop simulator (real HTTP on 127.0.0.1, signatures checked like
 * TikTok): shop cipher discovery, Ava's order, the TikTok warehouse stock, a forged signature and a token refresh.
 * Everything expected is read from the demo world, not hard-coded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TikTokShopSandboxInteropTest {

    private Sandbox sandbox;
    private TikTokShopSimulator simulator;
    private SimulatedAccount account;
    private DemoWorld world;

    @BeforeAll
    void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        simulator = sandbox.simulator(TikTokShopSimulator.class);
        account = sandbox.account("tiktok-shop");
        world = sandbox.world();
    }

    @AfterAll
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Connector connector(Map<String, String> overrides) {
        Map<String, Object> raw = new HashMap<>(account.connectorConfig());
        raw.putAll(overrides);
        return new TikTokShopConnectorFactory().create(TikTokShopConfig.SPEC.validate(raw).orElseThrow(),
                TestConnectorContext.of(account.accountId()));
    }

    private static CallContext call() {
        return CallContext.withTimeout("demo-tiktok-shop", Duration.ofSeconds(10));
    }

    private dev.omnigate.simulator.world.Order avasOrder() {
        return world.ordersOf(DemoWorld.AVA_KEY).stream().filter(o -> o.channel() == dev.omnigate.simulator.world.Channel.TIKTOK_SHOP)
                .findFirst().orElseThrow();
    }

    @Test
    void avasOrderIsFoundByIdAndByHerBuyerIdWithItsRelayAddress() {
        try (Connector connector = connector(Map.of())) {
            dev.omnigate.simulator.world.Order expected = avasOrder();
            String buyer = world.ava().presenceOn(dev.omnigate.simulator.world.Channel.TIKTOK_SHOP).orElseThrow().nativeId();
            Order order = connector.orders().orElseThrow().getByIds(call(), Set.of(expected.nativeId(), "576800000000000001"))
                    .get(expected.nativeId());
            assertThat(order).isNotNull();
            assertThat(order.customerId()).isEqualTo(buyer);
            assertThat(order.buyerEmail().address()).isEqualTo(expected.buyerEmail());
            assertThat(order.buyerEmail().relayOf()).isEqualTo(Channel.TIKTOK_SHOP);
            assertThat(order.total()).isEqualTo(Money.of(expected.total(), world.brand().currency()));
            assertThat(order.createdAt()).isEqualTo(expected.createdAt());
            assertThat(order.fulfillmentMethod()).isEqualTo(FulfillmentMethod.SHIPPING);
            assertThat(order.lines()).extracting(line -> line.sku() + " x" + line.quantity())
                    .containsExactlyElementsOf(expected.lines().stream().map(l -> l.sku() + " x" + l.quantity()).toList());
            Page<Order> hers = connector.orders().orElseThrow().search(call(), OrderQuery.ofCustomer(buyer), PageRequest.first(10));
            assertThat(hers.items()).extracting(o -> o.source().nativeId()).contains(expected.nativeId());
            assertThat(simulator.counters().path("/authorization/202309/shops")).isPositive(); // cipher discovered
        }
    }

    @Test
    void allTikTokOrdersAreReadAcrossPagesNewestFirst() {
        try (Connector connector = connector(Map.of())) {
            List<String> ids = new ArrayList<>();
            PageRequest page = PageRequest.first(20);
            while (true) {
                Page<Order> result = connector.orders().orElseThrow().search(call(), OrderQuery.all(), page);
                result.items().forEach(order -> ids.add(order.source().nativeId()));
                if (!result.hasNext()) {
                    break;
                }
                page = page.next(result.nextCursor());
            }
            List<String> expected = world.ordersOn(dev.omnigate.simulator.world.Channel.TIKTOK_SHOP).stream()
                    .sorted(java.util.Comparator.comparing(dev.omnigate.simulator.world.Order::createdAt).reversed())
                    .map(dev.omnigate.simulator.world.Order::nativeId).toList();
            assertThat(ids).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theTwoTikTokSkusHavePricesAndWarehouseStockFromTheWorld() {
        try (Connector connector = connector(Map.of())) {
            TikTokShopStore store = simulator.store();
            List<Location> warehouses = connector.locations().orElseThrow().listAll(call());
            assertThat(warehouses).hasSize(store.warehouses().size());
            for (TikTokShopStore.TikTokProduct product : store.products()) {
                for (TikTokShopStore.TikTokSku sku : product.skus()) {
                    List<InventoryLevel> levels = connector.inventory().orElseThrow().getBySkus(call(), Set.of(sku.sellerSku()))
                            .get(sku.sellerSku());
                    assertThat(levels).hasSize(store.warehouses().size());
                    for (InventoryLevel level : levels) {
                        String locationKey = store.warehouses().stream().filter(w -> w.id().equals(level.locationId())).findFirst()
                                .orElseThrow().location().key();
                        StockLevel truth = world.stockOf(sku.sellerSku(), locationKey).orElseThrow();
                        assertThat(level.available()).isEqualTo(truth.available());
                    }
                    List<Price> prices = connector.prices().orElseThrow().getBySkus(call(), Set.of(sku.sellerSku())).get(sku.sellerSku());
                    assertThat(prices).singleElement().satisfies(price ->
                            assertThat(price.price()).isEqualTo(Money.of(sku.world().price(), world.brand().currency())));
                }
            }
            assertThat(connector.inventory().orElseThrow().getBySkus(call(), Set.of("NO-SUCH-SKU"))).isEmpty();
        }
    }

    @Test
    void aSignatureTheSimulatorRejectsIsUnauthenticatedNotAnEmptyList() {
        try (Connector connector = connector(Map.of("app-secret", "not-the-app-secret-0000"))) {
            Throwable thrown = catchThrowable(() -> connector.orders().orElseThrow()
                    .getByIds(call(), Set.of(avasOrder().nativeId())));
            assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.UNAUTHENTICATED);
                assertThat(e.getMessage()).contains("106001").contains("signature").doesNotContain("not-the-app-secret");
            });
            assertThat(connector.checkHealth(call()).status()).isEqualTo(HealthStatus.DOWN);
        }
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallSucceeds() {
        try (Connector connector = connector(Map.of())) {
            assertThat(connector.checkHealth(call()).status()).isEqualTo(HealthStatus.UP);
            long refreshes = simulator.counters().refreshes();
            simulator.expireAccessToken();
            assertThat(connector.locations().orElseThrow().listAll(call())).isNotEmpty();
            assertThat(connector.locations().orElseThrow().listAll(call())).isNotEmpty();
            assertThat(simulator.counters().refreshes()).isEqualTo(refreshes + 1);
        } finally {
            // later tests build connectors from the account as it is now (the refresh rotated the tokens)
            account = sandbox.account("tiktok-shop");
        }
    }

    @Test
    void thePollerStartsAtNowAndFindsNothingOlder() {
        try (Connector connector = connector(Map.of())) {
            ChangeBatch first = connector.changePoller().orElseThrow().poll(call(), null);
            assertThat(first.events()).isEmpty(); // the world's orders all lie before now
            assertThat(first.nextCursor()).startsWith("v1:");
            ChangeBatch history = connector.changePoller().orElseThrow().poll(call(), "v1:0:");
            assertThat(history.events()).hasSize(world.ordersOn(dev.omnigate.simulator.world.Channel.TIKTOK_SHOP).size());
            ChangeBatch again = connector.changePoller().orElseThrow().poll(call(), history.nextCursor());
            assertThat(again.events()).isEmpty();
        }
    }
}

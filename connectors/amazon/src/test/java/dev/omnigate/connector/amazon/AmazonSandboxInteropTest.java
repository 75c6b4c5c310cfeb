package dev.omnigate.connector.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.connector.api.change.ChangeBatch;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.amazon.AmazonSellerView;
import dev.omnigate.simulator.amazon.AmazonSimulator;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real connector against the sandbox's Amazon simulator, configured exactly as the sandbox describes the account:
 * LWA, SP-API shapes, paging and pacing work unchanged, and the data is the demo world's.
 */
final class AmazonSandboxInteropTest {

    private static Sandbox sandbox;
    private static AmazonSimulator simulator;
    private Connector connector;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        simulator = sandbox.simulator(AmazonSimulator.class);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void connect() {
        ConnectorConfig config = AmazonConfig.SPEC.validate(sandbox.account(Sandbox.AMAZON).connectorConfig()).orElseThrow();
        connector = new AmazonConnectorFactory().create(config, TestConnectorContext.of(Sandbox.AMAZON_ACCOUNT));
        simulator.resetCounters();
    }

    @AfterEach
    void disconnect() {
        connector.close();
    }

    private static CallContext call() {
        return CallContext.withTimeout(Sandbox.AMAZON_ACCOUNT, Duration.ofSeconds(10));
    }

    private static dev.omnigate.simulator.world.Order avasAmazonOrder() {
        return sandbox.world().ordersOf(DemoWorld.AVA_KEY).stream().filter(order -> order.channel() == Channel.AMAZON)
                .findFirst().orElseThrow();
    }

    @Test
    void avasFbaOrderComesBackWithLinesMoneyAndMarketplaceFulfilment() {
        dev.omnigate.simulator.world.Order expected = avasAmazonOrder();

        Order order = connector.orders().orElseThrow().getByIds(call(), Set.of(expected.nativeId())).get(expected.nativeId());

        assertThat(order.fulfillmentMethod()).isEqualTo(FulfillmentMethod.MARKETPLACE_FULFILLED);
        assertThat(order.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(order.rawStatus()).isEqualTo("SHIPPED");
        assertThat(order.buyerEmail()).as("FBA orders carry no buyer email in 2026-01-01").isNull();
        assertThat(order.total().amount()).isEqualByComparingTo(expected.total());
        assertThat(order.total().currencyCode()).isEqualTo(sandbox.world().brand().currency());
        assertThat(order.lines()).extracting(line -> line.sku()).containsExactlyElementsOf(expected.lines().stream().map(l -> l.sku()).toList());
        assertThat(order.lines()).extracting(line -> line.quantity())
                .containsExactlyElementsOf(expected.lines().stream().map(l -> l.quantity()).toList());
        assertThat(order.locationId()).isEqualTo("FBA:" + AmazonSimulator.MARKETPLACE_ID);
        assertThat(order.createdAt()).isEqualTo(expected.createdAt());
    }

    @Test
    void searchFollowsPaginationTokensThroughEveryAmazonOrderOfTheWindow() {
        List<String> expected = sandbox.world().ordersOn(Channel.AMAZON).stream()
                .filter(order -> !order.createdAt().isBefore(DemoWorld.CALENDAR_START))
                .sorted(java.util.Comparator.comparing(dev.omnigate.simulator.world.Order::createdAt).reversed()
                        .thenComparing(dev.omnigate.simulator.world.Order::nativeId))
                .map(dev.omnigate.simulator.world.Order::nativeId).toList();
        List<String> found = new ArrayList<>();
        PageRequest request = PageRequest.first(25);
        OrderQuery query = OrderQuery.createdBetween(DemoWorld.CALENDAR_START, DemoWorld.CALENDAR_END);
        int pages = 0;
        while (true) {
            Page<Order> page = connector.orders().orElseThrow().search(call(), query, request);
            page.items().forEach(order -> found.add(order.source().nativeId()));
            pages++;
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page.nextCursor());
        }
        assertThat(found).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 24) / 25);
        assertThat(simulator.count("searchOrders")).isEqualTo(pages);
    }

    @Test
    void inventoryPricesAndLocationsAreTheWorldsFbaView() {
        AmazonSellerView seller = simulator.seller();
        List<String> skus = seller.fbaSkus().stream().limit(5).toList();

        Map<String, List<InventoryLevel>> levels = connector.inventory().orElseThrow().getBySkus(call(), Set.copyOf(skus));
        Map<String, List<Price>> prices = connector.prices().orElseThrow().getBySkus(call(), Set.copyOf(skus));
        List<Location> locations = connector.locations().orElseThrow().listAll(call());

        assertThat(levels.keySet()).containsExactlyInAnyOrderElementsOf(skus);
        for (String sku : skus) {
            AmazonSellerView.Fba fba = seller.fbaStockOf(sku).orElseThrow();
            InventoryLevel level = levels.get(sku).getFirst();
            assertThat(level.available()).isEqualTo(fba.fulfillable());
            assertThat(level.committed()).isEqualTo(fba.reserved());
            assertThat(level.onHand()).isEqualTo(fba.fulfillable() + fba.reserved());
            assertThat(level.incoming()).isEqualTo(fba.inbound());
            assertThat(prices.get(sku)).singleElement().satisfies(price ->
                    assertThat(price.price().amount()).isEqualByComparingTo(sandbox.world().sku(sku).price()));
        }
        assertThat(locations).singleElement().satisfies(location -> {
            assertThat(location.source().nativeId()).isEqualTo("FBA:" + AmazonSimulator.MARKETPLACE_ID);
            assertThat(location.kind()).isEqualTo(LocationKind.MARKETPLACE_FULFILLMENT);
            assertThat(location.active()).isTrue();
        });
        assertThat(simulator.count("getInventorySummaries")).isEqualTo(1);
        assertThat(simulator.count("searchListingsItems")).isEqualTo(1);
        assertThat(connector.checkHealth(call()).status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void concurrentFirstCallsShareOneTokenRefresh() throws Exception {
        List<String> ids = sandbox.world().ordersOn(Channel.AMAZON).stream().limit(8).map(o -> o.nativeId()).toList();
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Order> found = new java.util.concurrent.ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (String id : ids) {
                calls.add(threads.submit(() -> {
                    start.await();
                    found.putAll(connector.orders().orElseThrow().getByIds(call(), Set.of(id)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : calls) {
                f.get();
            }
        }
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(simulator.count("lwaToken")).as("token requests for 8 concurrent first calls").isEqualTo(1);
        assertThat(simulator.count("getOrder")).isEqualTo(8);
    }

    @Test
    void aWrongRefreshTokenIsUnauthenticatedNamingTheAccountNotTheToken() {
        Map<String, Object> raw = new HashMap<>(sandbox.account(Sandbox.AMAZON).connectorConfig());
        raw.put("refresh-token", "Atzr|revoked-refresh-token-0042");
        try (Connector revoked = new AmazonConnectorFactory().create(AmazonConfig.SPEC.validate(raw).orElseThrow(),
                TestConnectorContext.of("amazon-eu-shop"))) {
            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> revoked.orders().orElseThrow().getByIds(call(), Set.of(avasAmazonOrder().nativeId())));
            assertThat(e.category()).isEqualTo(ErrorCategory.UNAUTHENTICATED);
            assertThat(e.getMessage()).contains("amazon-eu-shop").contains("invalid_grant")
                    .doesNotContain("revoked-refresh-token-0042").doesNotContain(simulator.clientSecret());
            assertThat(simulator.count("getOrder")).isZero();
        }
    }

    @Test
    void thePollerReportsNoHistoryOnItsFirstPollAndKeepsItsCursor() {
        ChangeBatch first = connector.changePoller().orElseThrow().poll(call(), null);
        assertThat(first.events()).isEmpty();
        ChangeBatch again = connector.changePoller().orElseThrow().poll(call(), first.nextCursor());
        assertThat(again.events()).isEmpty();
        assertThat(simulator.count("searchOrders")).isPositive();
        assertThat(simulator.count("getInventorySummaries")).isPositive();
    }
}

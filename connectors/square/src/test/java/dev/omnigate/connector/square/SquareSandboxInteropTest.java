package dev.omnigate.connector.square;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailKind;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.simulator.square.SquareSimulator;
import dev.omnigate.simulator.square.SquareStore;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.StockLevel;
import dev.omnigate.simulator.world.WorldGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real connector against the sandbox's Square simulator, configured exactly as the sandbox configures it
 * ({@code SquareSimulator.account()}): the simulator speaks the protocol the connector speaks to Square. Expected
 * values come from the demo world, never from constants.
 */
final class SquareSandboxInteropTest {

    private static DemoWorld world;
    private static SquareSimulator square;
    private Connector connector;

    @BeforeAll
    static void start() {
        world = WorldGenerator.generate(20261127L);
        square = SquareSimulator.start(new SquareStore(world), "127.0.0.1", 0, "EAAA-interop", "interop-signature-key");
    }

    @AfterAll
    static void stop() {
        square.close();
    }

    @BeforeEach
    void connect() {
        var factory = new SquareConnectorFactory();
        connector = factory.create(factory.descriptor().configSpec().validate(square.account().connectorConfig()).orElseThrow(),
                TestConnectorContext.of("demo-square"));
        square.resetCounters();
    }

    private static CallContext call() {
        return CallContext.withTimeout("demo-square", Duration.ofSeconds(10));
    }

    @Test
    void healthIsUp() {
        assertThat(connector.checkHealth(call()).status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void avaIsFoundByHerNormalisedEmailAndByE164Phone() {
        String avaId = square.store().customerIdOf(DemoWorld.AVA_KEY).orElseThrow();
        List<Customer> byEmail = connector.customers().orElseThrow().search(call(), CustomerQuery.byEmail("ava.chen@example.com"),
                PageRequest.first(10)).items();
        assertThat(byEmail).singleElement().satisfies(ava -> {
            assertThat(ava.source().nativeId()).isEqualTo(avaId);
            assertThat(ava.emails()).singleElement().satisfies(email -> {
                assertThat(email.address()).isEqualTo(world.ava().presenceOn(Channel.POS).orElseThrow().primaryEmail());
                assertThat(email.kind()).isEqualTo(EmailKind.PERSONAL);
            });
            assertThat(ava.phones().getFirst().number()).isEqualTo(world.ava().presenceOn(Channel.POS).orElseThrow().phone());
        });
        assertThat(connector.customers().orElseThrow().search(call(), CustomerQuery.byPhone(world.ava().phone()),
                PageRequest.first(10)).items()).extracting(c -> c.source().nativeId()).contains(avaId);
        assertThat(connector.customers().orElseThrow().getByIds(call(), Set.of(avaId))).containsOnlyKeys(avaId);
    }

    @Test
    void avasPosOrderIsAPickupAtHerStoreInOneSearchPerBatch() {
        String avaId = square.store().customerIdOf(DemoWorld.AVA_KEY).orElseThrow();
        var expected = world.ordersOf(DemoWorld.AVA_KEY).stream().filter(o -> o.channel() == Channel.POS).toList();
        // Ava plus nine other POS customers: one batch
        Set<String> customers = new LinkedHashSet<>();
        customers.add(avaId);
        world.people().stream().map(p -> square.store().customerIdOf(p.key())).flatMap(java.util.Optional::stream)
                .filter(id -> !id.equals(avaId)).limit(9).forEach(customers::add);
        Map<String, List<Order>> orders = connector.orders().orElseThrow().getByCustomerIds(call(), customers);
        assertThat(square.requestCount("SearchOrders")).isEqualTo(1);
        assertThat(square.requestCount("ListLocations")).isEqualTo(1); // no location-ids configured: listed once
        assertThat(orders.get(avaId)).hasSameSizeAs(expected).singleElement().satisfies(order -> {
            assertThat(order.source().nativeId()).isEqualTo(expected.getFirst().nativeId());
            assertThat(order.fulfillmentMethod()).isEqualTo(FulfillmentMethod.PICKUP);
            assertThat(order.status()).isEqualTo(OrderStatus.FULFILLED);
            assertThat(order.locationId()).isEqualTo(square.store().locationId(expected.getFirst().locationKey()).orElseThrow());
            assertThat(order.total()).isEqualTo(Money.of(expected.getFirst().total(), world.brand().currency()));
            assertThat(order.lines()).extracting(line -> line.quantity())
                    .containsExactlyElementsOf(expected.getFirst().lines().stream().map(l -> l.quantity()).toList());
        });
        connector.orders().orElseThrow().getByCustomerIds(call(), customers);
        assertThat(square.requestCount("ListLocations")).isEqualTo(1);
    }

    @Test
    void searchingAllOrdersPagesThroughEveryPosOrderNewestFirst() {
        List<Order> all = new ArrayList<>();
        PageRequest request = PageRequest.first(100);
        Page<Order> page;
        do {
            page = connector.orders().orElseThrow().search(call(), OrderQuery.all(), request);
            all.addAll(page.items());
            request = page.next().map(request::next).orElse(null);
        } while (request != null);
        assertThat(all).hasSize(world.ordersOn(Channel.POS).size());
        assertThat(all).extracting(Order::createdAt).isSortedAccordingTo(java.util.Comparator.<Instant>reverseOrder());
        assertThat(all).extracting(Order::fulfillmentMethod).containsOnly(FulfillmentMethod.IN_STORE, FulfillmentMethod.PICKUP);
    }

    @Test
    void storesComeWithCoordinatesAndStockAndPricesMatchTheWorld() {
        List<Location> stores = connector.locations().orElseThrow().listAll(call());
        assertThat(stores).hasSize(world.locationsOn(Channel.POS).size()).allSatisfy(store -> {
            assertThat(store.kind()).isEqualTo(LocationKind.STORE);
            assertThat(store.geo()).isNotNull();
        });
        Set<String> skus = new LinkedHashSet<>();
        world.stock().stream().filter(s -> square.store().locationId(s.locationKey()).isPresent()).limit(5)
                .forEach(s -> skus.add(s.sku()));
        Map<String, List<InventoryLevel>> levels = connector.inventory().orElseThrow().getBySkus(call(), skus);
        for (String sku : skus) {
            for (StockLevel level : world.stock()) {
                if (!level.sku().equals(sku) || square.store().locationId(level.locationKey()).isEmpty()) {
                    continue;
                }
                String location = square.store().locationId(level.locationKey()).orElseThrow();
                assertThat(levels.get(sku)).filteredOn(l -> l.locationId().equals(location)).singleElement().satisfies(l -> {
                    assertThat(l.onHand()).isEqualTo(level.onHand());
                    assertThat(l.committed()).isEqualTo(level.committed());
                    assertThat(l.available()).isEqualTo(level.available());
                    assertThat(l.incoming()).isEqualTo(level.incoming());
                });
            }
        }
        Map<String, List<Price>> prices = connector.prices().orElseThrow().getBySkus(call(), skus);
        for (String sku : skus) {
            assertThat(prices.get(sku)).singleElement().satisfies(price ->
                    assertThat(price.price()).isEqualTo(Money.of(world.sku(sku).price(), world.brand().currency())));
        }
    }

    @Test
    void aNotificationSignedByTheSimulatorIsAcceptedAndKeyedByItsEventId() {
        String order = world.ordersOf(DemoWorld.AVA_KEY).stream().filter(o -> o.channel() == Channel.POS).findFirst().orElseThrow().nativeId();
        byte[] body = square.orderUpdatedEvent(order, "7b2b6a2e-0f4d-4e61-9c7d-4b1e1c3d2a10");
        String url = "https://omnigate.example.com/webhooks/square/demo-square";
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        square.signatureHeaders(url, body).forEach((name, value) -> headers.put(name, List.of(value)));
        WebhookResult result = connector.webhooks().orElseThrow().handle(new WebhookRequest(url, headers, body, Instant.now()));
        assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            assertThat(accepted.deliveryKey()).isEqualTo("7b2b6a2e-0f4d-4e61-9c7d-4b1e1c3d2a10");
            assertThat(accepted.events()).singleElement().satisfies(event -> assertThat(event.entity().nativeId()).isEqualTo(order));
        });
    }
}

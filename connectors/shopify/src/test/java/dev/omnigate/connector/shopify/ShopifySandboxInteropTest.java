package dev.omnigate.connector.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.shopify.Fault;
import dev.omnigate.simulator.shopify.ShopifyWebhook;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real connector against the sandbox's Shopify simulator (connector-simulator, real HTTP on
 * 127.0.0.1): every document the readers send is executed by graphql-java against the simulator's
 * subset SDL, with its search syntax, cursors, cost and webhooks. Proves the connector and the simulator
 * agree on the contract in {@code briefs/shopify-contract.md}, using Ava Chen's story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ShopifySandboxInteropTest {

    private Sandbox sandbox;
    private SimulatedAccount account;
    private Connector connector;
    private Person ava;

    @BeforeAll
    void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        account = sandbox.account("shopify");
        ava = sandbox.world().ava();
        connector = new ShopifyConnectorFactory().create(
                ShopifyConfig.SPEC.validate(account.connectorConfig()).orElseThrow(),
                TestConnectorContext.of(account.accountId()));
    }

    @AfterAll
    void stopSandbox() {
        if (connector != null) {
            connector.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void calmSimulator() {
        sandbox.shopify().faults().clear();
        sandbox.shopify().counters().reset();
    }

    private static CallContext call() {
        return CallContext.withTimeout("demo-shopify", Duration.ofSeconds(10));
    }

    private Customer avaOnShopify() {
        List<Customer> found = connector.customers().orElseThrow()
                .search(call(), CustomerQuery.byEmail(ava.email()), PageRequest.first(5)).items();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<dev.omnigate.simulator.world.Order> avasShopifyOrders() {
        return sandbox.world().ordersOf(ava.key()).stream().filter(order -> order.channel() == Channel.SHOPIFY).toList();
    }

    @Test
    void healthIsUp() {
        assertThat(connector.checkHealth(call()).status()).isEqualTo(HealthStatus.UP);
        assertThat(sandbox.shopify().counters().total()).isEqualTo(1);
    }

    @Test
    void avaIsFoundByEmailAndByPhoneAndById() {
        Customer byEmail = avaOnShopify();
        assertThat(byEmail.emails()).extracting(email -> email.address()).contains("ava.chen@example.com");
        assertThat(byEmail.phones()).extracting(phone -> phone.number()).contains("+14155550142");
        assertThat(byEmail.displayName()).isEqualTo("Ava Chen");
        List<Customer> byPhone = connector.customers().orElseThrow()
                .search(call(), CustomerQuery.byPhone("+14155550142"), PageRequest.first(5)).items();
        assertThat(byPhone).extracting(c -> c.source().nativeId()).containsExactly(byEmail.source().nativeId());
        String id = byEmail.source().nativeId();
        assertThat(connector.customers().orElseThrow().getByIds(call(), Set.of(id, "1"))).containsOnlyKeys(id);
    }

    @Test
    void avasOrdersComeInOneCallNewestFirstWithPickupAndShipping() {
        String avaId = avaOnShopify().source().nativeId();
        sandbox.shopify().counters().reset();
        List<Order> orders = connector.orders().orElseThrow().getByCustomerIds(call(), Set.of(avaId, "1")).get(avaId);
        assertThat(sandbox.shopify().counters().total()).as("one Shopify call").isEqualTo(1);
        assertThat(orders).extracting(order -> order.source().nativeId())
                .containsExactlyInAnyOrderElementsOf(avasShopifyOrders().stream().map(o -> o.nativeId()).toList());
        assertThat(orders).isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
        assertThat(orders).extracting(Order::fulfillmentMethod).contains(FulfillmentMethod.PICKUP, FulfillmentMethod.SHIPPING);
        Order pickup = orders.stream().filter(o -> o.fulfillmentMethod() == FulfillmentMethod.PICKUP).findFirst().orElseThrow();
        assertThat(pickup.locationId()).isNotNull();
        Map<String, Location> stores = connector.locations().orElseThrow().getByIds(call(), Set.of(pickup.locationId()));
        assertThat(stores.get(pickup.locationId()).kind()).isEqualTo(LocationKind.STORE);
        assertThat(orders).allSatisfy(order -> {
            assertThat(order.customerId()).isEqualTo(avaId);
            assertThat(order.total().currencyCode()).isEqualTo("USD");
            assertThat(order.lines()).isNotEmpty();
        });
        // the world's totals are exact; the connector keeps every digit
        Map<String, java.math.BigDecimal> worldTotals = avasShopifyOrders().stream()
                .collect(Collectors.toMap(o -> o.nativeId(), o -> o.total()));
        assertThat(orders).allSatisfy(order ->
                assertThat(order.total().amount()).isEqualByComparingTo(worldTotals.get(order.source().nativeId())));
    }

    @Test
    void locationsAreStoresWithCoordinatesAndWarehouses() {
        List<Location> locations = connector.locations().orElseThrow().listAll(call());
        assertThat(locations).hasSizeGreaterThanOrEqualTo(5);
        assertThat(locations).filteredOn(l -> l.kind() == LocationKind.STORE).isNotEmpty()
                .allSatisfy(store -> assertThat(store.geo()).isNotNull());
        assertThat(locations).filteredOn(l -> l.kind() == LocationKind.WAREHOUSE).isNotEmpty();
    }

    @Test
    void inventoryAndPricesOfTheSkusAvaBought() {
        Set<String> skus = avasShopifyOrders().stream().flatMap(o -> o.lines().stream()).map(line -> line.sku())
                .collect(Collectors.toSet());
        Map<String, List<InventoryLevel>> levels = connector.inventory().orElseThrow().getBySkus(call(), skus);
        assertThat(levels.keySet()).containsExactlyInAnyOrderElementsOf(skus);
        assertThat(levels.values()).allSatisfy(list -> assertThat(list).isNotEmpty()
                .allSatisfy(level -> assertThat(level.onHand()).isGreaterThanOrEqualTo(level.available())));
        Map<String, List<Price>> prices = connector.prices().orElseThrow().getBySkus(call(), skus);
        assertThat(prices.keySet()).containsExactlyInAnyOrderElementsOf(skus);
        assertThat(prices.values()).allSatisfy(list -> assertThat(list).singleElement()
                .satisfies(price -> assertThat(price.price().currencyCode()).isEqualTo("USD")));
    }

    @Test
    void aThrottledAnswerIsRateLimitedWithARetryHint() {
        sandbox.shopify().faults().next(1, Fault.throttled());
        Throwable thrown = catchThrowable(() -> connector.locations().orElseThrow().listAll(call()));
        assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
            assertThat(e.retryAfter()).isPresent();
            assertThat(e.retryAfter().orElseThrow()).isPositive();
        });
    }

    private static WebhookRequest request(ShopifyWebhook webhook) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        webhook.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return new WebhookRequest("https://gateway.example.com/webhooks/shopify/demo-shopify", headers, webhook.body(),
                Instant.now());
    }

    @Test
    void theSimulatorsWebhooksVerifyAndNameTheRecordsTheReadersReturn() {
        dev.omnigate.simulator.world.Order first = avasShopifyOrders().get(0);
        WebhookResult order = connector.webhooks().orElseThrow().handle(request(sandbox.shopify().webhooks().orderUpdated(first.key())));
        assertThat(order).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            ChangeEvent event = accepted.events().get(0);
            assertThat(event.entityType()).isEqualTo(EntityType.ORDER);
            assertThat(event.entity().nativeId()).isEqualTo(first.nativeId());
        });

        String sku = first.lines().get(0).sku();
        ShopifyWebhook levelUpdate = sandbox.shopify().webhooks().inventoryLevelUpdate(sku, first.locationKey());
        WebhookResult level = connector.webhooks().orElseThrow().handle(request(levelUpdate));
        Set<String> levelIds = connector.inventory().orElseThrow().getBySkus(call(), Set.of(sku)).get(sku).stream()
                .map(l -> l.source().nativeId()).collect(Collectors.toSet());
        assertThat(level).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            ChangeEvent event = accepted.events().get(0);
            assertThat(event.entityType()).isEqualTo(EntityType.INVENTORY_LEVEL);
            assertThat(levelIds).as("the event names a level the reader reports").contains(event.entity().nativeId());
        });
    }
}

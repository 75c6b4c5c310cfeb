package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.square.SquareSimulator;
import dev.omnigate.simulator.square.SquareStore;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Location;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.StockLevel;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Issue 5's Square "Done when" points through the real GraphQL endpoint in sandbox mode: the real {@code square}
 * connector talks HTTP to the sandbox's Square simulator. Expected values come from the demo world and the
 * simulator's store, never from constants in this test.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s"
})
final class SquareSandboxTest {

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;
    Sandbox sandbox;
    SquareSimulator square;
    SquareStore store;
    DemoWorld world;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        sandbox = sandboxSource.sandbox();
        square = sandbox.simulator(SquareSimulator.class);
        store = square.store();
        world = sandbox.world();
    }

    @Test
    void theSandboxRunsTheSquareAccount() {
        Answer answer = graphql.execute("{ channels { account connector channel capabilities health { status } } }");
        assertThat(answer.errors()).isEmpty();
        List<Map<String, Object>> channels = answer.read("$.data.channels[?(@.account == '" + Sandbox.SQUARE_ACCOUNT + "')]");
        assertThat(channels).singleElement().satisfies(channel -> {
            assertThat(channel).containsEntry("connector", "square").containsEntry("channel", "POS");
            assertThat((List<String>) channel.get("capabilities")).contains("ORDERS_BY_CUSTOMER", "INVENTORY_READ", "LOCATIONS_READ");
        });
    }

    @Test
    void storeLocationsAreTheSquareStoresWithCoordinates() {
        Answer answer = graphql.execute("{ locations(kinds: [STORE]) { name kind source { connector account nativeId } "
                + "address { city } geo { latitude longitude } } }");

        assertThat(answer.errors()).isEmpty();
        List<Map<String, Object>> fromSquare = answer.read("$.data.locations[?(@.source.account == '" + Sandbox.SQUARE_ACCOUNT + "')]");
        List<Location> stores = world.locationsOn(Channel.POS);
        assertThat(fromSquare).hasSize(stores.size());
        for (Location store : stores) {
            String id = this.store.locationId(store.key()).orElseThrow();
            assertThat(fromSquare).filteredOn(l -> ((Map<?, ?>) l.get("source")).get("nativeId").equals(id)).singleElement()
                    .satisfies(location -> {
                        assertThat(location).containsEntry("name", store.name()).containsEntry("kind", "STORE");
                        Map<?, ?> geo = (Map<?, ?>) location.get("geo");
                        assertThat(((Number) geo.get("latitude")).doubleValue()).isEqualTo(store.geo().latitude());
                        assertThat(((Number) geo.get("longitude")).doubleValue()).isEqualTo(store.geo().longitude());
                        assertThat(((Map<?, ?>) location.get("address")).get("city")).isEqualTo(store.address().city());
                    });
        }
    }

    @Test
    void productAvailabilityIncludesStoreStockFromSquare() {
        // SKUs stocked at some POS store, with stock there
        List<String> skus = world.stock().stream().filter(s -> store.locationId(s.locationKey()).isPresent() && s.onHand() > 0)
                .map(StockLevel::sku).distinct().limit(3).toList();

        Answer answer = graphql.execute("query($skus: [String!]!) { products(skus: $skus) { sku "
                + "prices { source { account } price { amount currencyCode } } "
                + "availability { byLocation { source { account } location { name kind } onHand committed available } } } }",
                Map.of("skus", skus));

        assertThat(answer.errors()).isEmpty();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            String path = "$.data.products[" + i + "]";
            Map<String, List<Integer>> expected = new LinkedHashMap<>();
            for (Location location : world.locationsOn(Channel.POS)) {
                world.stockOf(sku, location.key()).ifPresent(level ->
                        expected.put(location.name(), List.of(level.onHand(), level.committed(), level.available())));
            }
            List<Map<String, Object>> squareLevels = answer.read(path + ".availability.byLocation[?(@.source.account == '"
                    + Sandbox.SQUARE_ACCOUNT + "')]");
            Map<String, List<Integer>> actual = new LinkedHashMap<>();
            for (Map<String, Object> level : squareLevels) {
                Map<?, ?> location = (Map<?, ?>) level.get("location");
                assertThat(location.get("kind")).isEqualTo("STORE");
                actual.put((String) location.get("name"), List.of((Integer) level.get("onHand"), (Integer) level.get("committed"),
                        (Integer) level.get("available")));
            }
            assertThat(actual).as("store stock of %s from Square", sku).isEqualTo(expected);
            List<String> squarePrices = answer.read(path + ".prices[?(@.source.account == '" + Sandbox.SQUARE_ACCOUNT
                    + "')].price.amount");
            assertThat(squarePrices).singleElement().satisfies(amount ->
                    assertThat(new BigDecimal(amount)).isEqualByComparingTo(world.sku(sku).price()));
        }
    }

    @Test
    void ordersListAvasPosPickupOrder() {
        Order pickup = world.ordersOf(DemoWorld.AVA_KEY).stream().filter(o -> o.channel() == Channel.POS).findFirst().orElseThrow();

        Answer answer = graphql.execute("query($after: DateTime!, $before: DateTime!) { orders(filter: { channels: [POS], "
                + "createdAfter: $after, createdBefore: $before }, first: 50) { nodes { source { connector account nativeId } "
                + "fulfillmentMethod status total { amount currencyCode } location { name kind } "
                + "lines { title quantity unitPrice { amount } } } } }",
                Map.of("after", pickup.createdAt().toString(), "before", pickup.createdAt().plusSeconds(1).toString()));

        assertThat(answer.errors()).isEmpty();
        List<Map<String, Object>> orders = answer.read("$.data.orders.nodes[?(@.source.nativeId == '" + pickup.nativeId() + "')]");
        assertThat(orders).singleElement().satisfies(order -> {
            assertThat(((Map<?, ?>) order.get("source")).get("account")).isEqualTo(Sandbox.SQUARE_ACCOUNT);
            assertThat(order).containsEntry("fulfillmentMethod", "PICKUP").containsEntry("status", "FULFILLED");
            assertThat(new BigDecimal((String) ((Map<?, ?>) order.get("total")).get("amount"))).isEqualByComparingTo(pickup.total());
            assertThat(((Map<?, ?>) order.get("location")).get("name")).isEqualTo(world.location(pickup.locationKey()).name());
            assertThat((List<?>) order.get("lines")).hasSize(pickup.lines().size());
        });
    }

    @Test
    void customer360FindsAvasPosProfileByEmailAndByPhoneWithHerPickupOrder() {
        String posCustomer = store.customerIdOf(DemoWorld.AVA_KEY).orElseThrow();
        Order pickup = world.ordersOf(DemoWorld.AVA_KEY).stream().filter(o -> o.channel() == Channel.POS).findFirst().orElseThrow();
        for (String lookup : List.of("email: \"ava.chen@example.com\"", "phone: \"(415) 555-0142\"")) {
            Answer answer = graphql.execute("{ customer360(" + lookup + ") { identities { source { connector account nativeId } "
                    + "matchedBy } orders(first: 50) { nodes { source { account nativeId } fulfillmentMethod } } } }");

            assertThat(answer.errors()).as(lookup).isEmpty();
            List<Map<String, Object>> pos = answer.read("$.data.customer360.identities[?(@.source.account == '"
                    + Sandbox.SQUARE_ACCOUNT + "')]");
            assertThat(pos).as("POS identity found by %s", lookup).singleElement().satisfies(identity -> {
                assertThat(((Map<?, ?>) identity.get("source")).get("nativeId")).isEqualTo(posCustomer);
                assertThat((List<?>) identity.get("matchedBy")).isNotEmpty();
            });
            List<String> methods = answer.read("$.data.customer360.orders.nodes[?(@.source.nativeId == '" + pickup.nativeId()
                    + "')].fulfillmentMethod");
            assertThat(methods).as("Ava's POS order in the profile found by %s", lookup).containsExactly("PICKUP");
        }
    }
}

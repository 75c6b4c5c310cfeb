package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.cache.EntityCache;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.shopify.RequestCounters;
import dev.omnigate.simulator.shopify.ShopifyModel;
import dev.omnigate.simulator.shopify.ShopifyStore;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.StockLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The default setup end to end: sandbox mode, the real Shopify connector talking HTTP to the Shopify simulator.
 * Expected values come from the simulator's own world and store, never from constants in this test.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s",
        // no entry turns stale during a test: a background refresh would add upstream requests the tests count
        "omnigate.cache.inventory.fresh=5m",
        // a Plus-sized cost bucket: a throttled (and then retried) request would add to the requests the tests count
        "omnigate.sandbox.shopify.bucket-size=20000", "omnigate.sandbox.shopify.restore-rate=1000"
})
final class SandboxEndToEndTest {

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    @Autowired
    ConnectorAccounts accounts;

    @Autowired
    EntityCache cache;

    GraphQlClient graphql;
    Sandbox sandbox;
    ShopifyStore store;
    RequestCounters counters;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        sandbox = sandboxSource.sandbox();
        store = sandbox.shopify().store();
        counters = sandbox.shopify().counters();
        counters.reset();
        cache.invalidateAll(); // these tests count the upstream calls of cold requests
    }

    @Test
    void avasCustomer360ReturnsHerShopifyOrdersWithMoneyAndLines() {
        ShopifyModel.Customer ava = store.customerOfPerson(DemoWorld.AVA_KEY).orElseThrow();
        List<ShopifyModel.Order> expected = new ArrayList<>(store.ordersOfCustomer(ava.legacyId()));
        expected.sort(Comparator.comparing(ShopifyModel.Order::createdAt).reversed());

        Answer answer = graphql.execute("""
                { customer360(email: "  AVA.Chen@Example.com ") {
                    displayName emails phones
                    identities { source { channel connector account nativeId } matchedBy }
                    orders(first: 50) { nodes { name source { connector nativeId } total { amount currencyCode }
                                                lines { sku title quantity unitPrice { amount currencyCode } } } }
                    metrics { orderCount channels }
                } }
                """);

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.customer360.identities[*].source.nativeId")).contains(ava.legacyResourceId());
        assertThat(answer.<List<String>>read("$.data.customer360.identities[*].source.connector")).contains("shopify");
        assertThat(answer.<List<String>>read("$.data.customer360.emails")).contains("ava.chen@example.com");
        assertThat(answer.<List<String>>read("$.data.customer360.phones")).contains("+14155550142");
        // her orders on the other channels are the cross-channel test's business; here: the Shopify ones, exactly
        List<Map<String, Object>> shopifyOrders = answer.<List<Map<String, Object>>>read("$.data.customer360.orders.nodes[*]").stream()
                .filter(node -> "shopify".equals(((Map<?, ?>) node.get("source")).get("connector"))).toList();
        assertThat(shopifyOrders).extracting(node -> node.get("name"))
                .containsExactlyElementsOf(expected.stream().map(ShopifyModel.Order::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            ShopifyModel.Order order = expected.get(i);
            Map<String, Object> node = shopifyOrders.get(i);
            Map<?, ?> total = (Map<?, ?>) node.get("total");
            List<Map<String, Object>> lines = castList(node.get("lines"));
            assertThat(new BigDecimal((String) total.get("amount"))).isEqualByComparingTo(order.totalPrice());
            assertThat(total.get("currencyCode")).isEqualTo(order.currencyCode());
            assertThat(lines).extracting(line -> line.get("sku"))
                    .containsExactlyElementsOf(order.lineItems().stream().map(ShopifyModel.LineItem::sku).toList());
            assertThat(lines).extracting(line -> line.get("quantity"))
                    .containsExactlyElementsOf(order.lineItems().stream().<Object>map(ShopifyModel.LineItem::quantity).toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void productsShowAvailabilityPerLocationFromShopifyInventoryLevels() {
        DemoWorld world = sandbox.world();
        List<String> skus = world.skus().stream().map(sku -> sku.sku()).limit(3).toList();

        Answer answer = graphql.execute("query($skus: [String!]!) { products(skus: $skus) { sku availability { onHand committed available "
                + "byLocation { location { name } source { connector } onHand committed available counted } } } }", Map.of("skus", skus));

        assertThat(answer.errors()).isEmpty();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            Map<String, List<Integer>> expected = new LinkedHashMap<>();
            for (ShopifyModel.Location location : store.locations()) {
                world.stockOf(sku, location.worldKey()).ifPresent((StockLevel level) ->
                        expected.put(location.name(), List.of(level.onHand(), level.committed(), level.available())));
            }
            String path = "$.data.products[" + i + "]";
            assertThat(answer.<String>read(path + ".sku")).isEqualTo(sku);
            List<Map<String, Object>> levels = answer.read(path + ".availability.byLocation[*]");
            Map<String, List<Integer>> shopify = new LinkedHashMap<>();
            for (Map<String, Object> level : levels) {
                if ("shopify".equals(((Map<?, ?>) level.get("source")).get("connector"))) {
                    shopify.put((String) ((Map<?, ?>) level.get("location")).get("name"),
                            List.of((Integer) level.get("onHand"), (Integer) level.get("committed"), (Integer) level.get("available")));
                }
            }
            assertThat(shopify).as(sku).isEqualTo(expected);
            // every physical place counts once, whichever accounts report it: the sums are the world's stock
            long worldAvailable = world.locations().stream().flatMap(location -> world.stockOf(sku, location.key()).stream())
                    .mapToLong(StockLevel::available).sum();
            long countedAvailable = levels.stream().filter(level -> (Boolean) level.get("counted"))
                    .mapToLong(level -> (Integer) level.get("available")).sum();
            assertThat(answer.<Integer>read(path + ".availability.available")).as(sku).isEqualTo((int) countedAvailable)
                    .isEqualTo((int) worldAvailable);
        }
    }

    @Test
    void batchingHoldsAcrossTheHttpBoundary() {
        List<String> twenty = sandbox.world().skus().stream().map(sku -> sku.sku()).limit(20).toList();
        String query = "query($skus: [String!]!) { products(skus: $skus) { sku prices { price { amount } } "
                + "availability { byLocation { location { name } available } } } }";
        ConnectorAccount shopify = accounts.find(Sandbox.SHOPIFY_ACCOUNT).orElseThrow();
        int priceBatch = shopify.connector().prices().orElseThrow().maxBatchSize();
        int inventoryBatch = shopify.connector().inventory().orElseThrow().maxBatchSize();
        graphql.execute(query, Map.of("skus", twenty.subList(0, 1))); // warms the connector's one-off shop lookup
        cache.invalidateAll();
        counters.reset();

        Answer answer = graphql.execute(query, Map.of("skus", twenty));

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.products[*].sku")).containsExactlyElementsOf(twenty);
        assertThat(answer.<List<String>>read("$.data.products[*].availability.byLocation[*].location.name")).isNotEmpty();
        // one request per maxBatchSize chunk for prices and for inventory, one for every location of the page
        long expected = ceilDiv(20, priceBatch) + ceilDiv(20, inventoryBatch) + 1;
        assertThat(counters.total()).as("HTTP requests for 20 SKUs, counters " + counters.rootFields())
                .isEqualTo(expected).isLessThan(twenty.size());
    }

    @Test
    void aHotProductsQueryIsAnsweredFromTheCacheWithoutAnyUpstreamRequest() {
        // other SKUs than batchingHoldsAcrossTheHttpBoundary's, whose count would change with a connector that knows them
        List<String> twenty = sandbox.world().skus().stream().map(sku -> sku.sku()).skip(20).limit(20).toList();
        String query = "query($skus: [String!]!) { products(skus: $skus) { sku prices { price { amount } } "
                + "availability { byLocation { location { name } available } } } }";
        Answer cold = graphql.execute(query, Map.of("skus", twenty));
        counters.reset();

        Answer hot = graphql.execute(query, Map.of("skus", twenty));

        assertThat(hot.<Object>read("$.data")).isEqualTo(cold.read("$.data"));
        assertThat(counters.total()).as("upstream requests of the hot query " + counters.rootFields()).isZero();
    }

    private static long ceilDiv(int count, int batch) {
        return (count + batch - 1) / batch;
    }

    @Test
    void ordersAndMetricsOfAProfileShareOneUpstreamOrdersQuery() {
        graphql.execute("{ customer360(email: \"ava.chen@example.com\") { orders { nodes { name } } metrics { orderCount } } }");
        Map<String, Long> afterBoth = counters.rootFields();
        cache.invalidateAll();
        counters.reset();
        graphql.execute("{ customer360(email: \"ava.chen@example.com\") { orders { nodes { name } } } }");
        Map<String, Long> afterOrdersOnly = counters.rootFields();

        assertThat(afterBoth).isEqualTo(afterOrdersOnly);
    }
}

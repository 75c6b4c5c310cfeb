package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.amazon.AmazonSellerView;
import dev.omnigate.simulator.amazon.AmazonSimulator;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.LocationKind;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.OrderLine;
import dev.omnigate.simulator.world.StockLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Issue 3's "done when" through the real GraphQL endpoint in sandbox mode: the real Amazon connector talks SP-API
 * (LWA, Orders 2026-01-01, FBA inventory, Listings Items) to the Amazon simulator. Expected values come from the
 * demo world, never from constants in this test.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s"
})
final class AmazonSandboxTest {

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;
    Sandbox sandbox;
    DemoWorld world;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        sandbox = sandboxSource.sandbox();
        world = sandbox.world();
    }

    @Test
    void ordersListAvasAmazonOrderWithLinesMoneyAndFbaFulfilment() {
        Order ava = world.ordersOf(DemoWorld.AVA_KEY).stream().filter(order -> order.channel() == Channel.AMAZON)
                .findFirst().orElseThrow();
        long amazonOrders = world.ordersOn(Channel.AMAZON).size();

        Answer answer = graphql.execute("""
                query($first: Int) { orders(filter: { channels: [AMAZON] }, first: $first) { nodes {
                    name source { channel connector account nativeId } status rawStatus fulfillmentMethod createdAt
                    total { amount currencyCode }
                    lines { sku title quantity unitPrice { amount currencyCode } }
                    location { name kind } } } }
                """, Map.of("first", (int) amountOrMax(amazonOrders)));

        assertThat(answer.errors()).isEmpty();
        List<String> ids = answer.read("$.data.orders.nodes[*].source.nativeId");
        assertThat(ids).contains(ava.nativeId());
        String path = "$.data.orders.nodes[" + ids.indexOf(ava.nativeId()) + "]";
        assertThat(answer.<String>read(path + ".source.channel")).isEqualTo("AMAZON");
        assertThat(answer.<String>read(path + ".source.connector")).isEqualTo("amazon");
        assertThat(answer.<String>read(path + ".source.account")).isEqualTo(Sandbox.AMAZON_ACCOUNT);
        assertThat(answer.<String>read(path + ".fulfillmentMethod")).isEqualTo("MARKETPLACE_FULFILLED");
        assertThat(answer.<String>read(path + ".status")).isEqualTo("FULFILLED");
        assertThat(answer.<String>read(path + ".rawStatus")).isEqualTo("SHIPPED");
        assertThat(new BigDecimal(answer.<String>read(path + ".total.amount"))).isEqualByComparingTo(ava.total());
        assertThat(answer.<String>read(path + ".total.currencyCode")).isEqualTo(world.brand().currency());
        assertThat(answer.<List<String>>read(path + ".lines[*].sku"))
                .containsExactlyElementsOf(ava.lines().stream().map(OrderLine::sku).toList());
        assertThat(answer.<List<Integer>>read(path + ".lines[*].quantity"))
                .containsExactlyElementsOf(ava.lines().stream().map(OrderLine::quantity).toList());
        List<String> unitPrices = answer.read(path + ".lines[*].unitPrice.amount");
        for (int i = 0; i < unitPrices.size(); i++) {
            assertThat(new BigDecimal(unitPrices.get(i))).isEqualByComparingTo(ava.lines().get(i).unitPrice());
        }
        assertThat(answer.<String>read(path + ".location.kind")).isEqualTo("MARKETPLACE_FULFILLMENT");
        // newest first: the Amazon orders come back in the world's creation order, reversed
        List<String> created = answer.read("$.data.orders.nodes[*].createdAt");
        assertThat(created).isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));
    }

    private static long amountOrMax(long count) {
        return Math.min(count, 100);
    }

    @Test
    void productsAvailabilityIncludesFbaStockPerMarketplace() {
        AmazonSellerView seller = sandbox.simulator(AmazonSimulator.class).seller();
        List<String> fbaSkus = world.stock().stream()
                .filter(level -> world.location(level.locationKey()).kind() == LocationKind.MARKETPLACE_FULFILLMENT)
                .map(StockLevel::sku).limit(3).toList();
        assertThat(fbaSkus).isNotEmpty();

        Answer answer = graphql.execute("query($skus: [String!]!) { products(skus: $skus) { sku "
                + "prices { source { channel account nativeId } price { amount currencyCode } } "
                + "availability { byLocation { location { name kind } source { channel account nativeId } "
                + "onHand committed available incoming } } } }", Map.of("skus", fbaSkus));

        assertThat(answer.errors()).isEmpty();
        for (int i = 0; i < fbaSkus.size(); i++) {
            String sku = fbaSkus.get(i);
            AmazonSellerView.Fba fba = seller.fbaStockOf(sku).orElseThrow();
            String path = "$.data.products[" + i + "]";
            assertThat(answer.<String>read(path + ".sku")).isEqualTo(sku);
            List<Map<String, Object>> levels = answer.read(path + ".availability.byLocation[?(@.source.channel == 'AMAZON')]");
            assertThat(levels).as("FBA levels of %s", sku).hasSize(1);
            Map<String, Object> level = levels.getFirst();
            assertThat(level).containsEntry("onHand", fba.fulfillable() + fba.reserved()).containsEntry("committed", fba.reserved())
                    .containsEntry("available", fba.fulfillable()).containsEntry("incoming", fba.inbound());
            @SuppressWarnings("unchecked")
            Map<String, Object> location = (Map<String, Object>) level.get("location");
            assertThat(location).containsEntry("kind", "MARKETPLACE_FULFILLMENT");
            assertThat((String) location.get("name")).contains(AmazonSimulator.MARKETPLACE_ID);
            List<String> amazonPrices = answer.read(path + ".prices[?(@.source.channel == 'AMAZON')].price.amount");
            assertThat(amazonPrices).singleElement().satisfies(amount ->
                    assertThat(new BigDecimal(amount)).isEqualByComparingTo(world.sku(sku).price()));
        }
    }
}

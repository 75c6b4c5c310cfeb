package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.tiktok.TikTokShopSimulator;
import dev.omnigate.simulator.tiktok.TikTokShopStore;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.StockLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Issue 4's "Done when" through the real GraphQL endpoint in sandbox mode: the real TikTok Shop connector talks
 * signed HTTP to the TikTok Shop simulator. Expected values come from the simulator's world and store, never from
 * constants here.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s"
})
final class TikTokShopSandboxTest {

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;
    Sandbox sandbox;
    DemoWorld world;
    TikTokShopSimulator tiktok;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        sandbox = sandboxSource.sandbox();
        world = sandbox.world();
        tiktok = sandbox.simulator(TikTokShopSimulator.class);
    }

    private Order avasTikTokOrder() {
        return world.ordersOf(DemoWorld.AVA_KEY).stream().filter(order -> order.channel() == Channel.TIKTOK_SHOP).findFirst()
                .orElseThrow();
    }

    @Test
    void ordersListsAvasTikTokOrder() {
        Order expected = avasTikTokOrder();
        List<String> ids = new ArrayList<>();
        Map<String, Object> avas = null;
        String after = null;
        do {
            Answer answer = graphql.execute("""
                    query($after: String) { orders(filter: { channels: [TIKTOK_SHOP] }, first: 20, after: $after) {
                        nodes { source { channel connector account nativeId } name status rawStatus fulfillmentMethod
                                total { amount currencyCode } lines { sku quantity unitPrice { amount currencyCode } } }
                        pageInfo { hasNextPage endCursor } } }
                    """, after == null ? Map.of() : Map.of("after", after));
            assertThat(answer.errors()).isEmpty();
            List<Map<String, Object>> nodes = answer.read("$.data.orders.nodes");
            for (Map<String, Object> node : nodes) {
                @SuppressWarnings("unchecked")
                Map<String, Object> source = (Map<String, Object>) node.get("source");
                assertThat(source).containsEntry("channel", "TIKTOK_SHOP").containsEntry("connector", "tiktok-shop")
                        .containsEntry("account", Sandbox.TIKTOK_SHOP_ACCOUNT);
                ids.add((String) source.get("nativeId"));
                if (expected.nativeId().equals(source.get("nativeId"))) {
                    avas = node;
                }
            }
            after = answer.<Boolean>read("$.data.orders.pageInfo.hasNextPage") ? answer.read("$.data.orders.pageInfo.endCursor") : null;
        } while (after != null);

        assertThat(ids).hasSize(world.ordersOn(Channel.TIKTOK_SHOP).size()).doesNotHaveDuplicates();
        assertThat(avas).as("Ava's TikTok Shop order %s", expected.nativeId()).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) avas.get("total");
        assertThat(new BigDecimal((String) total.get("amount"))).isEqualByComparingTo(expected.total());
        assertThat(total.get("currencyCode")).isEqualTo(world.brand().currency());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) avas.get("lines");
        assertThat(lines).extracting(line -> line.get("sku") + " x" + line.get("quantity"))
                .containsExactlyElementsOf(expected.lines().stream().map(line -> line.sku() + " x" + line.quantity()).toList());
        assertThat(avas.get("fulfillmentMethod")).isEqualTo("SHIPPING");
    }

    @Test
    void productsAvailabilityIncludesTheTikTokWarehouseStock() {
        TikTokShopStore store = tiktok.store();
        List<String> skus = store.products().stream().flatMap(product -> product.skus().stream())
                .map(TikTokShopStore.TikTokSku::sellerSku).toList();
        assertThat(skus).hasSize(2).contains(avasTikTokOrder().lines().getFirst().sku());

        Answer answer = graphql.execute("query($skus: [String!]!) { products(skus: $skus) { sku "
                + "prices { source { account } price { amount currencyCode } } "
                + "availability { available byLocation { source { account } location { name kind } onHand committed available } } } }",
                Map.of("skus", skus));

        assertThat(answer.errors()).isEmpty();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            String path = "$.data.products[" + i + "]";
            Map<String, Integer> expected = new HashMap<>();
            for (TikTokShopStore.TikTokWarehouse warehouse : store.warehouses()) {
                StockLevel level = world.stockOf(sku, warehouse.location().key()).orElseThrow();
                expected.put(warehouse.location().name(), level.available());
            }
            List<String> accounts = answer.read(path + ".availability.byLocation[*].source.account");
            List<String> names = answer.read(path + ".availability.byLocation[*].location.name");
            List<String> kinds = answer.read(path + ".availability.byLocation[*].location.kind");
            List<Integer> available = answer.read(path + ".availability.byLocation[*].available");
            Map<String, Integer> tiktokLevels = new HashMap<>();
            for (int l = 0; l < accounts.size(); l++) {
                if (Sandbox.TIKTOK_SHOP_ACCOUNT.equals(accounts.get(l))) {
                    tiktokLevels.put(names.get(l), available.get(l));
                    assertThat(kinds.get(l)).isEqualTo("WAREHOUSE");
                }
            }
            assertThat(tiktokLevels).as("TikTok warehouse stock of %s", sku).isEqualTo(expected);
            List<String> priceAccounts = answer.read(path + ".prices[*].source.account");
            assertThat(priceAccounts).as("prices of %s", sku).contains(Sandbox.TIKTOK_SHOP_ACCOUNT);
        }
    }
}

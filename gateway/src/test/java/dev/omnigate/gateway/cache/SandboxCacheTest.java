package dev.omnigate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.sandbox.SandboxStoreConfigSource;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.shopify.Fault;
import dev.omnigate.simulator.shopify.RequestCounters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The entity cache in front of the real Shopify connector and simulator: a hot {@code products} query costs no
 * upstream request, and while the shop answers 503 the last known prices and stock are served and marked stale.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=5s",
        // entries are never fresh here, so the second request must ask the (failing) shop and fall back to them
        "omnigate.cache.prices.fresh=0s", "omnigate.cache.prices.stale-while-revalidate=0s",
        "omnigate.cache.inventory.fresh=0s", "omnigate.cache.inventory.stale-while-revalidate=0s",
        "omnigate.resilience.retry.max-attempts=1"
})
final class SandboxCacheTest {

    private static final String PRODUCTS = "query($skus: [String!]!) { products(skus: $skus) { sku prices { price { amount } } "
            + "availability { byLocation { available } } } }";

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    @Autowired
    EntityCache cache;

    GraphQlClient graphql;
    Sandbox sandbox;
    RequestCounters counters;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        sandbox = sandboxSource.sandbox();
        counters = sandbox.shopify().counters();
        cache.invalidateAll();
    }

    @AfterEach
    void heal() {
        sandbox.shopify().faults().clear();
    }

    private List<String> skus(int count) {
        return sandbox.world().skus().stream().map(sku -> sku.sku()).limit(count).toList();
    }

    @Test
    void whileTheShopAnswers503TheLastKnownPricesAndStockAreServedAndMarkedStale() {
        Map<String, Object> variables = Map.of("skus", skus(5));
        Answer warm = graphql.execute(PRODUCTS, variables);
        assertThat(warm.errors()).isEmpty();
        sandbox.shopify().faults().next(100, Fault.serviceUnavailable());

        Answer degraded = graphql.execute(PRODUCTS, variables);

        assertThat(degraded.errors()).isEmpty();
        assertThat(degraded.<Object>read("$.data")).isEqualTo(warm.read("$.data"));
        assertThat(degraded.<List<String>>read("$.extensions.stale[*].reason")).isNotEmpty().containsOnly("upstreamFailed");
        assertThat(degraded.<List<String>>read("$.extensions.stale[*].operation"))
                .containsExactlyInAnyOrder("prices.getBySkus", "inventory.getBySkus");
    }
}

package dev.omnigate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.sandbox.SandboxStoreConfigSource;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sandbox gateway with {@code omnigate.redis.url} on the real Redis (127.0.0.1:6379, under a key prefix of its
 * own): a {@code products} query leaves its prices and stock in L2, where a cold L1 finds them; health shows
 * {@code redis} UP.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.events.polling.enabled=false", // the poll cursors would outlive the test in the shared Redis
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=5s",
        "omnigate.health.cache-ttl=0s",
        // the build machine is shared: a 50 ms command timeout could turn an L2 hit into a vendor call here
        "omnigate.redis.command-timeout=1s"
})
final class SandboxRedisL2Test {

    private static final String PREFIX = "omnigate-test:" + UUID.randomUUID() + ":";
    private static final String PRODUCTS = "query($skus: [String!]!) { products(skus: $skus) { sku prices { price { amount } } "
            + "availability { byLocation { available } } } }";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("omnigate.redis.url", () -> EntityCacheL2Test.SHARED_REDIS);
        registry.add("omnigate.redis.key-prefix", () -> PREFIX);
    }

    @AfterAll
    static void removeKeys() {
        RedisClient client = RedisClient.create(EntityCacheL2Test.SHARED_REDIS);
        try (var connection = client.connect()) {
            List<String> keys = connection.sync().keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    @Autowired
    EntityCache cache;

    @Autowired
    RedisL2 l2;

    @Test
    void aHotQueryCostsNoUpstreamRequestEvenAfterL1IsLostBecauseL2HasTheValues() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(l2::isConnected);
        Sandbox sandbox = sandboxSource.sandbox();
        List<String> skus = sandbox.world().skus().stream().map(sku -> sku.sku()).limit(3).toList();
        GraphQlClient graphql = new GraphQlClient(executor);
        Answer cold = graphql.execute(PRODUCTS, Map.of("skus", skus));
        assertThat(cold.errors()).isEmpty();
        String key = l2.key("demo-shopify", "prices.getBySkus", skus.get(0));
        RedisClient client = RedisClient.create(EntityCacheL2Test.SHARED_REDIS);
        try (var connection = client.connect()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.sync().exists(key) == 1);
        } finally {
            client.shutdown();
        }
        long before = sandbox.shopify().counters().total();

        cache.dropLocalEntries(); // as if this were another instance, or after a restart
        Answer warm = graphql.execute(PRODUCTS, Map.of("skus", skus));

        assertThat(warm.errors()).isEmpty();
        assertThat(warm.<Object>read("$.data")).isEqualTo(cold.read("$.data"));
        assertThat(sandbox.shopify().counters().total()).as("no Shopify request: prices and stock came from L2").isEqualTo(before);

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/redis")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(health.body(), "$.details.invalidationBroadcast")).isEqualTo("subscribed");
    }
}

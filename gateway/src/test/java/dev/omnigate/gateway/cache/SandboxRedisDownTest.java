package dev.omnigate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.sandbox.SandboxStoreConfigSource;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.RedisProcess;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sandbox gateway configured with a Redis where nothing listens: it starts, answers queries without errors, and
 * health says {@code redis} DEGRADED with the reason while the gateway stays in service (HTTP 200, ready).
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.events.polling.enabled=false", // the poll cursors would outlive the test in the shared Redis
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=5s",
        "omnigate.health.cache-ttl=0s"
})
final class SandboxRedisDownTest {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        // Spring Boot's own property is honoured when omnigate.redis.url is not set
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + RedisProcess.unusedPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", TestClients.bearer(TestClients.ALL_KEY)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutRedisQueriesAreAnsweredAndHealthWarnsWithoutTakingTheGatewayOutOfService() throws Exception {
        List<String> skus = sandboxSource.sandbox().world().skus().stream().map(sku -> sku.sku()).limit(3).toList();
        Answer answer = new GraphQlClient(executor).execute("query($skus: [String!]!) { products(skus: $skus) { sku "
                + "prices { price { amount } } } }", Map.of("skus", skus));
        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.products[*].sku")).containsExactlyElementsOf(skus);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(JsonPath.<String>read(health.body(), "$.components.redis.status")).isEqualTo("DEGRADED");
        assertThat(JsonPath.<String>read(health.body(), "$.components.redis.details.message")).contains("is unreachable")
                .contains("in-process cache only");
        assertThat(health.statusCode()).as("an L2 outage is a warning: HTTP 200").isEqualTo(200);
        assertThat(JsonPath.<String>read(health.body(), "$.status")).isIn("UP", "DEGRADED");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
}

package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.OmnigateApplication;
import dev.omnigate.gateway.sandbox.SandboxStoreConfigSource;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.RedisProcess;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.shopify.ShopifyWebhook;
import dev.omnigate.simulator.world.StockLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Redis taken away mid-run (a real {@code redis-server} the test stops and starts): webhooks answer 503 with
 * {@code Retry-After} and record nothing (the vendor retries); an open subscription stays open and receives the
 * changes accepted once Redis is back, the vendor's retry of the refused delivery among them.
 */
final class RedisOutageTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void webhooksAnswer503WhileRedisIsDownAndSubscriptionsResumeWhenItReturns() throws Exception {
        try (RedisProcess redis = new RedisProcess().start();
                ConfigurableApplicationContext gateway = new SpringApplicationBuilder(OmnigateApplication.class, TestClients.Registration.class).run(
                        "--server.port=0", "--omnigate.sandbox.enabled=true", "--omnigate.stores-dir=target/no-store-files",
                        "--omnigate.redis.url=" + redis.url(), "--omnigate.redis.command-timeout=2s",
                        "--omnigate.redis.reconnect-max-delay=200ms", "--omnigate.request-timeout=5s")) {
            int port = TwoInstances.port(gateway);
            Sandbox sandbox = gateway.getBean(SandboxStoreConfigSource.class).sandbox();
            Set<String> shopLocations = new HashSet<>();
            sandbox.shopify().store().locations().forEach(location -> shopLocations.add(location.worldKey()));
            StockLevel level = sandbox.world().stock().stream().filter(stock -> shopLocations.contains(stock.locationKey())).findFirst()
                    .orElseThrow();
            URI ingress = URI.create("http://127.0.0.1:" + port + "/webhooks/shopify/" + Sandbox.SHOPIFY_ACCOUNT);
            HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"query\":\"{ products(skus: [\\\"" + level.sku() + "\\\"]) { sku availability { available } } }\"}"))
                    .build();
            assertThat(CLIENT.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            String after = EventCursor.encode(gateway.getBean(EventLog.class).latestSequence());
            String query = "subscription { inventoryChanged(skus: [\"" + level.sku() + "\"], after: \"" + after + "\") { cursor sku } }";

            try (GraphQlWsSession subscriber = new GraphQlWsSession(port, query)) {
                assertThat(sandbox.shopify().webhooks().inventoryLevelUpdate(level.sku(), level.locationKey(), 7_001).deliver(CLIENT, ingress))
                        .isEqualTo(200);
                String before = subscriber.next();
                assertThat(JsonPath.<String>read(before, "$.type")).as(before).isEqualTo("next");

                redis.stop();
                ShopifyWebhook refused = sandbox.shopify().webhooks().inventoryLevelUpdate(level.sku(), level.locationKey(), 7_002);
                HttpRequest.Builder request = HttpRequest.newBuilder(ingress).POST(HttpRequest.BodyPublishers.ofByteArray(refused.body()))
                        .header("Content-Type", "application/json");
                refused.headers().forEach(request::header);
                HttpResponse<String> whileDown = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(whileDown.statusCode()).isEqualTo(503);
                assertThat(whileDown.headers().firstValue("Retry-After")).isPresent();
                assertThat(subscriber.messages.poll(300, TimeUnit.MILLISECONDS)).as("the subscription is still open, quietly").isNull();

                redis.start();
                AtomicReference<Integer> retried = new AtomicReference<>();
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    retried.set(refused.deliver(CLIENT, ingress)); // the vendor retries
                    return retried.get() == 200;
                });
                String resumed = subscriber.next();
                assertThat(JsonPath.<String>read(resumed, "$.type")).as(resumed).isEqualTo("next");
                assertThat(JsonPath.<String>read(resumed, "$.payload.data.inventoryChanged.sku")).isEqualTo(level.sku());
                assertThat(List.of(JsonPath.<String>read(resumed, "$.payload.data.inventoryChanged.cursor")))
                        .doesNotContain(JsonPath.<String>read(before, "$.payload.data.inventoryChanged.cursor"));
            }
        }
    }
}

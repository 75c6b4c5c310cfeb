package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.sandbox.SandboxStoreConfigSource;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.shopify.ShopifyWebhook;
import dev.omnigate.simulator.shopify.ShopifyWebhooks;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.StockLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * {@code POST /webhooks/{connector}/{account}} in sandbox mode with deliveries the Shopify simulator signs like Shopify:
 * each status of the bad inputs, no event from any of them, and exactly-once events under duplicates and
 * shuffled delivery.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.events.webhook-max-body-size=16KB",
        // cached stock stays fresh for the whole test: only the webhook can make the gateway read it again
        "omnigate.cache.inventory.fresh=10m"
})
final class WebhookIngressTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    EventLog log;

    Sandbox sandbox;
    ShopifyWebhooks webhooks;
    URI shopifyIngress;

    @BeforeEach
    void setUp() {
        sandbox = sandboxSource.sandbox();
        webhooks = sandbox.shopify().webhooks();
        shopifyIngress = URI.create("http://127.0.0.1:" + port + "/webhooks/shopify/" + Sandbox.SHOPIFY_ACCOUNT);
    }

    /** A SKU and world location the Shopify shop stocks. */
    private StockLevel stocked() {
        DemoWorld world = sandbox.world();
        Set<String> shopLocations = new HashSet<>();
        sandbox.shopify().store().locations().forEach(location -> shopLocations.add(location.worldKey()));
        return world.stock().stream().filter(level -> shopLocations.contains(level.locationKey())).findFirst().orElseThrow();
    }

    private HttpResponse<String> post(URI target, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedDeliveryIsLoggedOnceAndItsRetryIsADuplicate() throws Exception {
        StockLevel level = stocked();
        // a change of its own: the tests share the shop, and a body delivered before is a duplicate
        ShopifyWebhook delivery = webhooks.inventoryLevelUpdate(level.sku(), level.locationKey(), 6_101);
        long before = log.latestSequence();

        HttpResponse<String> first = post(shopifyIngress, delivery.headers(), delivery.body());
        HttpResponse<String> retry = post(shopifyIngress, delivery.headers(), delivery.body());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"accepted\"").contains("\"events\":1");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("duplicate");
        List<LoggedEvent> logged = log.readAfter(before, 10);
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.accountId()).isEqualTo(Sandbox.SHOPIFY_ACCOUNT);
            assertThat(event.event().topic()).isEqualTo("inventory_levels/update");
        });
    }

    @Test
    void theSignedBodyReplayedUnderANewWebhookIdIsADuplicate() throws Exception {
        StockLevel level = stocked();
        ShopifyWebhook delivery = webhooks.inventoryLevelUpdate(level.sku(), level.locationKey(), 6_001);
        long before = log.latestSequence();
        assertThat(post(shopifyIngress, delivery.headers(), delivery.body()).body()).contains("\"status\":\"accepted\"");

        Map<String, String> replayed = new LinkedHashMap<>(delivery.headers());
        replayed.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        replayed.put("X-Shopify-Event-Id", UUID.randomUUID().toString());
        HttpResponse<String> replay = post(shopifyIngress, replayed, delivery.body());

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"status\":\"duplicate\"");
        assertThat(log.readAfter(before, 10)).as("one event, not two").hasSize(1);
        ShopifyWebhook next = webhooks.inventoryLevelUpdate(level.sku(), level.locationKey(), 6_002);
        assertThat(post(shopifyIngress, next.headers(), next.body()).body()).as("the next change still counts")
                .contains("\"status\":\"accepted\"");
        assertThat(log.readAfter(before, 10)).hasSize(2);
    }

    @Test
    void badInputGetsItsStatusAndNoEvent() throws Exception {
        StockLevel level = stocked();
        ShopifyWebhook delivery = webhooks.inventoryLevelUpdate(level.sku(), level.locationKey());
        long before = log.latestSequence();

        byte[] forgedBody = delivery.bodyAsString().replace("\"available\":", "\"available\":1").getBytes(StandardCharsets.UTF_8);
        assertThat(post(shopifyIngress, delivery.headers(), forgedBody).statusCode()).as("forged").isEqualTo(401);
        Map<String, String> unsigned = new LinkedHashMap<>(delivery.headers());
        unsigned.remove("X-Shopify-Hmac-Sha256");
        assertThat(post(shopifyIngress, unsigned, delivery.body()).statusCode()).as("unsigned").isEqualTo(401);
        URI wrongAccount = URI.create("http://127.0.0.1:" + port + "/webhooks/shopify/no-such-account");
        assertThat(post(wrongAccount, delivery.headers(), delivery.body()).statusCode()).as("wrong account").isEqualTo(404);
        URI wrongConnector = URI.create("http://127.0.0.1:" + port + "/webhooks/square/" + Sandbox.SHOPIFY_ACCOUNT);
        assertThat(post(wrongConnector, delivery.headers(), delivery.body()).statusCode()).as("wrong connector").isEqualTo(404);
        byte[] huge = new byte[32 * 1024];
        assertThat(post(shopifyIngress, delivery.headers(), huge).statusCode()).as("oversized").isEqualTo(413);
        String secret = sandbox.account("shopify").connectorConfig().get("webhook-secret");
        byte[] notJson = "this is not json".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signedGarbage = new LinkedHashMap<>(delivery.headers());
        signedGarbage.put("X-Shopify-Hmac-Sha256", ShopifyWebhooks.sign(notJson, secret));
        signedGarbage.put("X-Shopify-Webhook-Id", "garbage-" + System.nanoTime());
        assertThat(post(shopifyIngress, signedGarbage, notJson).statusCode()).as("malformed").isEqualTo(400);

        assertThat(log.readAfter(before, 10)).as("no event from any of them").isEmpty();
    }

    @Test
    void fiveThousandDeliveriesWithDuplicatesInShuffledOrderLogEachDistinctEventOnce() throws Exception {
        StockLevel level = stocked();
        List<ShopifyWebhook> distinct = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            // a distinct change each: a body sent before is a duplicate whatever its webhook id
            distinct.add(webhooks.inventoryLevelUpdate(level.sku(), level.locationKey(), i));
        }
        List<ShopifyWebhook> deliveries = new ArrayList<>(distinct);
        Random random = new Random(20261127);
        for (int i = 0; i < 1_000; i++) {
            deliveries.add(distinct.get(random.nextInt(distinct.size()))); // 20 % of 5,000 are retries
        }
        Collections.shuffle(deliveries, random);
        long before = log.latestSequence();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (ShopifyWebhook delivery : deliveries) {
                sent.add(senders.submit(() -> delivery.deliver(CLIENT, shopifyIngress)));
            }
            for (Future<Integer> status : sent) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnly(200);
        List<LoggedEvent> logged = log.readAfter(before, 10_000);
        assertThat(logged).hasSize(4_000);
        assertThat(logged.stream().map(event -> event.event().eventKey()).distinct()).hasSize(4_000);
        assertThat(logged).extracting(LoggedEvent::sequence).isSorted();
    }

    @Test
    void aShopifyStockWebhookReachesASubscriberOfItsSkuWithTheLocation() throws Exception {
        StockLevel level = stocked();
        // a storefront read teaches the gateway which SKU and location each Shopify level id stands for
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ products(skus: [\\\"" + level.sku() + "\\\"]) { sku availability { available } } }\"}"))
                .build();
        assertThat(CLIENT.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String query = "subscription { inventoryChanged(skus: [\"" + level.sku() + "\"]) { cursor sku locationId source { account } topic } }";
        try (GraphQlWsSession subscriber = new GraphQlWsSession(port, query)) {
            String message = null;
            for (int attempt = 0; attempt < 50 && message == null; attempt++) { // until the subscription is in place
                ShopifyWebhook delivery = webhooks.inventoryLevelUpdate(level.sku(), level.locationKey(), 5_000 + attempt);
                assertThat(delivery.deliver(CLIENT, shopifyIngress)).isEqualTo(200);
                message = subscriber.messages.poll(200, TimeUnit.MILLISECONDS);
            }
            assertThat(message).as("a change within 10 s").isNotNull();
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.sku")).isEqualTo(level.sku());
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.locationId")).isNotBlank();
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.source.account"))
                    .isEqualTo(Sandbox.SHOPIFY_ACCOUNT);
        }
    }

    @Test
    void aStockWebhookDropsTheCachedLevelSoTheNextReadShowsTheNewFigure() throws Exception {
        StockLevel level = stocked();
        String query = "{\"query\":\"{ products(skus: [\\\"" + level.sku() + "\\\"]) { availability { byLocation { source { connector } "
                + "location { name } available } } } }\"}";
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build();
        String before = CLIENT.send(read, HttpResponse.BodyHandlers.ofString()).body();
        String shopLocation = sandbox.shopify().store().locationOfWorld(level.locationKey()).name();
        int changed = 4_321;

        ShopifyWebhook delivery = webhooks.inventoryLevelUpdate(level.sku(), level.locationKey(), changed);
        assertThat(delivery.deliver(CLIENT, shopifyIngress)).isEqualTo(200);
        String after = CLIENT.send(read, HttpResponse.BodyHandlers.ofString()).body();

        String path = "$.data.products[0].availability.byLocation[?(@.source.connector == 'shopify' && @.location.name == '"
                + shopLocation + "')].available";
        assertThat(JsonPath.<List<Integer>>read(before, path)).doesNotContain(changed);
        assertThat(JsonPath.<List<Integer>>read(after, path)).containsExactly(changed);
    }
}

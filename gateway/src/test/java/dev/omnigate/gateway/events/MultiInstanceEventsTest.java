package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.sandbox.SandboxStoreConfigSource;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.shopify.ShopifyWebhook;
import dev.omnigate.simulator.shopify.ShopifyWebhooks;
import dev.omnigate.simulator.world.StockLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two sandbox gateways (A and B) on one Redis under one key prefix: a Shopify webhook received by A reaches a
 * subscriber on B; 5,000 deliveries with 20 % duplicates, shuffled and spread over both, log each distinct change once;
 * a change applied on A drops B's cached stock (the cache's broadcast).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class MultiInstanceEventsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private SharedRedis redis;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private Sandbox sandboxA;
    private Sandbox sandboxB;

    @BeforeAll
    void start() {
        redis = new SharedRedis("multi-instance");
        a = TwoInstances.start(redis.prefix, true, List.of());
        b = TwoInstances.start(redis.prefix, true, List.of());
        sandboxA = a.getBean(SandboxStoreConfigSource.class).sandbox();
        sandboxB = b.getBean(SandboxStoreConfigSource.class).sandbox();
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        redis.close();
    }

    private static URI ingress(ConfigurableApplicationContext instance) {
        return URI.create("http://127.0.0.1:" + TwoInstances.port(instance) + "/webhooks/shopify/" + Sandbox.SHOPIFY_ACCOUNT);
    }

    /** A SKU and world location the Shopify shop stocks. */
    private StockLevel stocked(int index) {
        Set<String> shopLocations = new HashSet<>();
        sandboxA.shopify().store().locations().forEach(location -> shopLocations.add(location.worldKey()));
        return sandboxA.world().stock().stream().filter(level -> shopLocations.contains(level.locationKey())).skip(index).findFirst()
                .orElseThrow();
    }

    /** Sends a delivery Shopify signed for A's sandbox to {@code instance}, signed with that instance's secret. */
    private int deliver(ShopifyWebhook delivery, ConfigurableApplicationContext instance) throws Exception {
        return post(delivery, instance).statusCode();
    }

    /** {@link #deliver}, with the answer. */
    private HttpResponse<String> post(ShopifyWebhook delivery, ConfigurableApplicationContext instance) throws Exception {
        Sandbox sandbox = instance == a ? sandboxA : sandboxB;
        String secret = sandbox.account("shopify").connectorConfig().get("webhook-secret");
        Map<String, String> headers = new LinkedHashMap<>(delivery.headers());
        headers.put("X-Shopify-Hmac-Sha256", ShopifyWebhooks.sign(delivery.body(), secret));
        HttpRequest.Builder request = HttpRequest.newBuilder(ingress(instance)).POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A storefront read, which also teaches the instance which SKU and location each Shopify level id stands for. */
    private static String readStock(ConfigurableApplicationContext instance, String sku) throws Exception {
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TwoInstances.port(instance) + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ products(skus: [\\\"" + sku + "\\\"]) { sku availability { available } } }\"}"))
                .build();
        HttpResponse<String> response = CLIENT.send(read, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aWebhookReceivedByAReachesASubscriberOnB() throws Exception {
        StockLevel level = stocked(0);
        readStock(a, level.sku());
        String query = "subscription { inventoryChanged(skus: [\"" + level.sku() + "\"]) { cursor sku locationId source { account nativeId } topic } }";
        EventLog logA = a.getBean(EventLog.class);
        try (GraphQlWsSession subscriberOnB = new GraphQlWsSession(TwoInstances.port(b), query)) {
            String message = null;
            for (int attempt = 0; attempt < 50 && message == null; attempt++) { // until the subscription is in place
                long before = logA.latestSequence();
                assertThat(deliver(sandboxA.shopify().webhooks().inventoryLevelUpdate(level.sku(), level.locationKey(), 5_000 + attempt), a))
                        .isEqualTo(200);
                message = subscriberOnB.messages.poll(200, TimeUnit.MILLISECONDS);
                if (message != null) {
                    List<LoggedEvent> appendedByA = logA.readAfter(before, 10);
                    assertThat(appendedByA).extracting(LoggedEvent::cursor)
                            .contains(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.cursor"));
                }
            }
            assertThat(message).as("a change within 10 s").isNotNull();
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.sku")).isEqualTo(level.sku());
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.source.account")).isEqualTo(Sandbox.SHOPIFY_ACCOUNT);
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.topic")).isEqualTo("inventory_levels/update");
            // B never read this level: its location comes from what A learned, recorded with the event in the log
            String levelId = JsonPath.read(message, "$.payload.data.inventoryChanged.source.nativeId");
            assertThat(b.getBean(LevelIndex.class).of(Sandbox.SHOPIFY_ACCOUNT, levelId)).isEmpty();
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.locationId")).isNotBlank();
        }
    }

    @Test
    void fiveThousandShuffledDeliveriesWithDuplicatesSpreadOverBothInstancesLogEachDistinctChangeOnce() throws Exception {
        StockLevel level = stocked(1);
        ShopifyWebhooks webhooks = sandboxA.shopify().webhooks();
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
        EventLog logB = b.getBean(EventLog.class);
        long before = logB.latestSequence();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < deliveries.size(); i++) {
                ShopifyWebhook delivery = deliveries.get(i);
                ConfigurableApplicationContext to = random.nextBoolean() ? a : b;
                sent.add(senders.submit(() -> deliver(delivery, to)));
            }
            for (Future<Integer> status : sent) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnly(200);
        List<LoggedEvent> logged = new ArrayList<>();
        List<LoggedEvent> page;
        long after = before;
        while (!(page = logB.readAfter(after, 1_000)).isEmpty()) {
            logged.addAll(page);
            after = page.getLast().sequence();
        }
        // the tests of this class run one after another on their own prefix: what follows 'before' is this test's
        assertThat(logged).hasSize(4_000);
        assertThat(logged.stream().map(event -> event.event().eventKey()).distinct()).hasSize(4_000);
        assertThat(logged).extracting(LoggedEvent::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theSignedBodyReplayedOnBUnderANewWebhookIdIsADuplicate() throws Exception {
        StockLevel level = stocked(3);
        ShopifyWebhook delivery = sandboxA.shopify().webhooks().inventoryLevelUpdate(level.sku(), level.locationKey(), 6_001);
        EventLog logB = b.getBean(EventLog.class);
        long before = logB.latestSequence();
        assertThat(deliver(delivery, a)).isEqualTo(200);

        Map<String, String> replayed = new LinkedHashMap<>(delivery.headers());
        replayed.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        replayed.put("X-Shopify-Event-Id", UUID.randomUUID().toString());
        HttpResponse<String> replay = post(new ShopifyWebhook(delivery.topic(), replayed, delivery.body()), b);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"status\":\"duplicate\"");
        assertThat(logB.readAfter(before, 10)).as("one event in the shared log, not two").hasSize(1);
        assertThat(redis.commands().keys(redis.prefix + "events:content:shopify:" + Sandbox.SHOPIFY_ACCOUNT + ":*")).isNotEmpty();
    }

    @Test
    void aChangeAppliedOnADropsTheStockBCached() throws Exception {
        StockLevel level = stocked(2);
        readStock(a, level.sku()); // A learns the level record, so its change names the SKU
        readStock(b, level.sku());
        long afterFirstRead = sandboxB.shopify().counters().total();
        readStock(b, level.sku());
        assertThat(sandboxB.shopify().counters().total()).as("B serves the second read from its cache").isEqualTo(afterFirstRead);

        assertThat(deliver(sandboxA.shopify().webhooks().inventoryLevelUpdate(level.sku(), level.locationKey()), a)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            readStock(b, level.sku());
            assertThat(sandboxB.shopify().counters().total()).as("B asks Shopify again").isGreaterThan(afterFirstRead);
        });
    }
}

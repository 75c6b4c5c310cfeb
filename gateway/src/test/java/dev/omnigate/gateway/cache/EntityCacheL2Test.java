package dev.omnigate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.connector.StaleServes.StaleServe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity cache's Redis L2 and invalidation broadcast against the real Redis on 127.0.0.1:6379 (each test under its
 * own key prefix, so parallel builds sharing that Redis do not meet): several {@link EntityCache} instances stand for
 * several gateway instances.
 */
final class EntityCacheL2Test {

    static final String SHARED_REDIS = "redis://127.0.0.1:6379";

    private static final CacheProperties.Policy PRICES = new CacheProperties.Policy(Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofMinutes(10));

    /** One gateway instance: its cache, its L2 client and its own metrics. */
    record Instance(EntityCache cache, RedisL2 l2, SimpleMeterRegistry meters) {
        double counter(String name, String... tags) {
            var counter = meters.find(name).tags(tags).counter();
            return counter == null ? 0 : counter.count();
        }
    }

    private final String prefix = "omnigate-test:" + UUID.randomUUID() + ":";
    private final MovableClock clock = new MovableClock();
    private final ConnectorInvoker invoker = new ConnectorInvoker(List.of(), new SimpleMeterRegistry());
    private final ConnectorAccount account = account("shop");
    private final List<AutoCloseable> closing = new ArrayList<>();
    private RedisClient inspector;
    private RedisCommands<String, String> redis;

    /** The vendor: knows SKU-1..3 and customer c-1, counts calls. */
    private final AtomicInteger priceCalls = new AtomicInteger();
    private final AtomicInteger customerCalls = new AtomicInteger();
    private final Map<String, Price> catalogue = new HashMap<>(Map.of("SKU-1", price("SKU-1", "9.99"), "SKU-2", price("SKU-2", "19.90"),
            "SKU-3", price("SKU-3", "1250.00")));
    private final BiFunction<CallContext, Set<String>, Map<String, List<Price>>> prices = (context, skus) -> {
        priceCalls.incrementAndGet();
        Map<String, List<Price>> found = new HashMap<>();
        skus.stream().filter(catalogue::containsKey).forEach(sku -> found.put(sku, List.of(catalogue.get(sku))));
        return found;
    };
    private final BiFunction<CallContext, Set<String>, Map<String, Customer>> customers = (context, ids) -> {
        customerCalls.incrementAndGet();
        return ids.contains("c-1") ? Map.of("c-1", customer("c-1")) : Map.of();
    };

    @BeforeEach
    void connect() {
        inspector = RedisClient.create(SHARED_REDIS);
        StatefulRedisConnection<String, String> connection = inspector.connect();
        redis = connection.sync();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing.reversed()) {
            closeable.close();
        }
        List<String> mine = redis.keys(prefix.replace("*", "\\*") + "*");
        if (!mine.isEmpty()) {
            redis.del(mine.toArray(String[]::new));
        }
        inspector.shutdown();
        invoker.close();
    }

    static Price price(String sku, String amount) {
        return new Price(new SourceRef(Channel.SHOPIFY, "fake", "shop", "variant-" + sku), sku, "Tee " + sku, Money.of(amount, "USD"), null);
    }

    static Customer customer(String id) {
        return new Customer(new SourceRef(Channel.SHOPIFY, "fake", "shop", id), "Ava Chen", "Ava", "Chen",
                List.of(EmailAddress.personal("ava@example.com")), List.of(), null, Instant.parse("2025-01-02T03:04:05.123456Z"), null);
    }

    private static ConnectorAccount account(String id) {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("fake", Channel.SHOPIFY).build();
        Connector connector = factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of(id));
        return new ConnectorAccount("store", id, factory.descriptor(), connector);
    }

    private static RequestScope scope() {
        return RequestScope.start("req", Duration.ofSeconds(2), Clock.systemUTC());
    }

    Instance instance(String url, boolean piiInL2) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // a generous command timeout: these tests are about what L2 holds, on a build machine shared with other builds
        RedisL2 l2 = new RedisL2(new RedisL2Properties(url, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(200), prefix),
                meters);
        closing.add(l2);
        EntityCache cache = new EntityCache(new CacheProperties(true, 1000, null, PRICES, null, null, null, null, piiInL2), l2, invoker,
                meters, clock, Duration.ofSeconds(2));
        return new Instance(cache, l2, meters);
    }

    /** An instance on the shared Redis, connected and subscribed to the broadcast. */
    Instance connected(boolean piiInL2) {
        Instance instance = instance(SHARED_REDIS, piiInL2);
        await().atMost(Duration.ofSeconds(5)).until(() -> instance.l2().isConnected()
                && instance.l2().status().details().get("invalidationBroadcast").equals("subscribed"));
        return instance;
    }

    Map<String, List<Price>> prices(Instance instance, RequestScope scope, String... skus) {
        return instance.cache().load(account, "prices.getBySkus", scope, List.of(skus), 50, prices).join();
    }

    Map<String, List<Price>> prices(Instance instance, String... skus) {
        return prices(instance, scope(), skus);
    }

    String priceKey(Instance instance, String sku) {
        return instance.l2().key("shop", "prices.getBySkus", sku);
    }

    void awaitStored(String key) {
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.exists(key) == 1);
    }

    @Test
    void aValueOneInstanceFetchedIsServedByAnotherFromL2WithTheKindsLifetimeAsRedisTtl() {
        Instance a = connected(false);
        Instance b = connected(false);

        assertThat(prices(a, "SKU-1", "NOPE")).containsExactly(Map.entry("SKU-1", List.of(catalogue.get("SKU-1"))));
        awaitStored(priceKey(a, "SKU-1"));
        awaitStored(priceKey(a, "NOPE"));

        assertThat(prices(b, "SKU-1", "NOPE")).containsExactly(Map.entry("SKU-1", List.of(catalogue.get("SKU-1"))));
        assertThat(priceCalls).as("the second instance answers from L2, the absent SKU included").hasValue(1);
        assertThat(b.counter("omnigate.cache.l2.lookups", "kind", "prices", "outcome", "hit")).isEqualTo(2);
        assertThat(redis.pttl(priceKey(a, "SKU-1"))).isBetween(PRICES.lifetime().toMillis() - 10_000, PRICES.lifetime().toMillis());

        prices(b, "SKU-1");
        assertThat(b.counter("omnigate.cache.l2.lookups", "kind", "prices", "outcome", "hit")).as("then from its own L1").isEqualTo(2);
    }

    @Test
    void anEntryKeepsItsStoredAtTimeAcrossInstancesSoStaleWhileRevalidateWorksThere() {
        Instance a = connected(false);
        Instance b = connected(false);
        prices(a, "SKU-2");
        awaitStored(priceKey(a, "SKU-2"));
        catalogue.put("SKU-2", price("SKU-2", "17.50"));
        clock.advance(Duration.ofSeconds(90));
        RequestScope scope = scope();

        assertThat(prices(b, scope, "SKU-2")).containsEntry("SKU-2", List.of(price("SKU-2", "19.90")));
        assertThat(scope.staleServes().all()).singleElement().satisfies(serve -> {
            assertThat(serve.reason()).isEqualTo("revalidating");
            assertThat(serve.age()).isEqualTo(Duration.ofSeconds(90));
        });
        // b's background refresh writes the new price to L2, where a (whose own entry is stale) finds it
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(redis.get(priceKey(a, "SKU-2"))).contains("17.50"));
        RequestScope later = scope();
        assertThat(prices(a, later, "SKU-2")).containsEntry("SKU-2", List.of(price("SKU-2", "17.50")));
        assertThat(later.staleServes().all()).isEmpty();
        assertThat(priceCalls).hasValue(2);
    }

    @Test
    void aValueThatDoesNotDeserializeIsDroppedAndRefetchedNeverAnError() {
        Instance a = connected(false);
        String garbage = priceKey(a, "SKU-1");
        String oldFormat = priceKey(a, "SKU-2");
        String changedRecord = priceKey(a, "SKU-3");
        redis.set(garbage, "\u0000not json at all", SetArgs.Builder.ex(60));
        redis.set(oldFormat, "{\"v\":0,\"op\":\"prices.getBySkus\",\"at\":\"2026-11-27T11:59:00Z\",\"value\":[]}", SetArgs.Builder.ex(60));
        // a record whose shape changed: the price is no longer an object (e.g. written by a future version)
        redis.set(changedRecord, "{\"v\":1,\"op\":\"prices.getBySkus\",\"at\":\"2026-11-27T11:59:00Z\",\"value\":[{\"sku\":\"SKU-3\","
                + "\"price\":\"12.50 USD\"}]}", SetArgs.Builder.ex(60));

        assertThat(prices(a, "SKU-1", "SKU-2", "SKU-3")).containsOnlyKeys("SKU-1", "SKU-2", "SKU-3")
                .containsEntry("SKU-3", List.of(catalogue.get("SKU-3")));

        assertThat(priceCalls).hasValue(1);
        assertThat(a.counter("omnigate.cache.l2.lookups", "kind", "prices", "outcome", "undecodable")).isEqualTo(3);
        // the refetched values replace the unreadable ones
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(List.of(redis.get(garbage), redis.get(oldFormat),
                redis.get(changedRecord))).allSatisfy(json -> assertThat(json).startsWith("{\"v\":1,")));
        Instance b = connected(false);
        assertThat(prices(b, "SKU-3")).containsEntry("SKU-3", List.of(catalogue.get("SKU-3")));
        assertThat(priceCalls).hasValue(1);
    }

    @Test
    void personalDataStaysOutOfL2UnlessConfigured() {
        Instance a = connected(false);
        a.cache().load(account, "customers.getByIds", scope(), List.of("c-1"), 50, customers).join();
        prices(a, "SKU-1");
        awaitStored(priceKey(a, "SKU-1")); // written after the customer would have been, on the same connection

        assertThat(redis.keys(prefix + "*customers*")).isEmpty();
        Instance b = connected(false);
        assertThat(b.cache().load(account, "customers.getByIds", scope(), List.of("c-1"), 50, customers).join()).containsKey("c-1");
        assertThat(customerCalls).as("without pii-in-l2 each instance asks the vendor").hasValue(2);
    }

    @Test
    void personalDataIsSharedThroughL2WhenConfigured() {
        Instance a = connected(true);
        a.cache().load(account, "customers.getByIds", scope(), List.of("c-1"), 50, customers).join();
        awaitStored(a.l2().key("shop", "customers.getByIds", "c-1"));

        Instance b = connected(true);
        assertThat(b.cache().load(account, "customers.getByIds", scope(), List.of("c-1"), 50, customers).join())
                .containsExactly(Map.entry("c-1", customer("c-1")));
        assertThat(customerCalls).hasValue(1);
    }

    @Test
    void anInvalidationOnOneInstanceIsBroadcastSoTheOthersNextReadAsksTheVendor() {
        Instance a = connected(false);
        Instance b = connected(false);
        prices(a, "SKU-1");
        awaitStored(priceKey(a, "SKU-1"));
        prices(b, "SKU-1");
        assertThat(priceCalls).hasValue(1);
        catalogue.put("SKU-1", price("SKU-1", "8.49"));

        a.cache().invalidate("shop", CacheKind.PRICES, "SKU-1");

        await().atMost(Duration.ofSeconds(5)).until(() -> b.counter("omnigate.cache.invalidations.received") == 1);
        assertThat(redis.exists(priceKey(a, "SKU-1"))).as("the L2 entry is deleted too").isZero();
        assertThat(prices(b, "SKU-1")).containsEntry("SKU-1", List.of(price("SKU-1", "8.49")));
        assertThat(priceCalls).hasValue(2);
        assertThat(a.counter("omnigate.cache.invalidations.received")).as("the sender ignores its own message").isZero();
    }

    @Test
    void invalidatingAKindClearsOnlyThatKindInL2AndTheOtherInstances() {
        Instance a = connected(false);
        Instance b = connected(false);
        prices(a, "SKU-1", "SKU-2");
        awaitStored(priceKey(a, "SKU-2"));
        prices(b, "SKU-1", "SKU-2");
        assertThat(priceCalls).hasValue(1);

        a.cache().invalidateKind("shop", CacheKind.INVENTORY); // another kind: the prices stay
        a.cache().invalidateKind("shop", CacheKind.PRICES);

        await().atMost(Duration.ofSeconds(5)).until(() -> b.counter("omnigate.cache.invalidations.received") == 2);
        assertThat(redis.exists(priceKey(a, "SKU-1"), priceKey(a, "SKU-2"))).isZero();
        prices(b, "SKU-1", "SKU-2");
        assertThat(priceCalls).as("b's prices were dropped by the broadcast").hasValue(2);
    }

    @Test
    void invalidatingAnAccountClearsItsL2EntriesAndTheOtherInstances() {
        Instance a = connected(false);
        Instance b = connected(false);
        prices(a, "SKU-1", "SKU-2");
        awaitStored(priceKey(a, "SKU-2"));
        prices(b, "SKU-1", "SKU-2");

        a.cache().invalidateAccount("shop");

        await().atMost(Duration.ofSeconds(5)).until(() -> b.counter("omnigate.cache.invalidations.received") == 1);
        assertThat(redis.keys(prefix + "*")).isEmpty();
        prices(b, "SKU-1", "SKU-2");
        assertThat(priceCalls).hasValue(2);
    }
}

package dev.omnigate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.health.ConnectorHealthContributors;
import dev.omnigate.gateway.support.RedisProcess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * Redis unreachable, stopped mid-run, slow: the cache keeps answering from L1 and the vendor without request errors,
 * health component {@code redis} says DEGRADED with the reason, and L2 is used again once Redis is back — all against
 * real {@code redis-server} processes the test starts and stops (no mocks of Redis).
 */
final class RedisDegradationTest {

    private static final CacheProperties.Policy PRICES = new CacheProperties.Policy(Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofMinutes(10));

    private final MovableClock clock = new MovableClock();
    private final ConnectorInvoker invoker = new ConnectorInvoker(List.of(), new SimpleMeterRegistry());
    private final ConnectorAccount account = account();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final BiFunction<CallContext, Set<String>, Map<String, List<Price>>> vendor = (context, skus) -> {
        calls.incrementAndGet();
        Map<String, List<Price>> found = new HashMap<>();
        skus.forEach(sku -> found.put(sku, List.of(EntityCacheL2Test.price(sku, "9.99"))));
        return found;
    };

    record Instance(EntityCache cache, RedisL2 l2, SimpleMeterRegistry meters) {
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing.reversed()) {
            closeable.close();
        }
        invoker.close();
    }

    private static ConnectorAccount account() {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("fake", Channel.SHOPIFY).build();
        Connector connector = factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of("shop"));
        return new ConnectorAccount("store", "shop", factory.descriptor(), connector);
    }

    private Instance instance(String url) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // connecting may take 2 s, a command 250 ms (above the 50 ms default: the build machine is shared and busy), so a
        // request that waits longer than ~1 s waited for more than one command
        RedisL2 l2 = new RedisL2(new RedisL2Properties(url, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMillis(200),
                "omnigate:"), meters);
        closing.add(l2);
        return new Instance(new EntityCache(new CacheProperties(true, 1000, null, PRICES, null, null, null, null), l2, invoker, meters, clock,
                Duration.ofSeconds(2)), l2, meters);
    }

    private Instance connected(String url) {
        Instance instance = instance(url);
        await().atMost(Duration.ofSeconds(5)).until(() -> instance.l2().isConnected()
                && instance.l2().status().details().get("invalidationBroadcast").equals("subscribed"));
        return instance;
    }

    /** A load that must be answered well within a request's deadline (a Redis outage may not make it wait). */
    private Map<String, List<Price>> prices(Instance instance, String... skus) throws Exception {
        RequestScope scope = RequestScope.start("req", Duration.ofSeconds(2), Clock.systemUTC());
        return instance.cache().load(account, "prices.getBySkus", scope, List.of(skus), 50, vendor).get(1, TimeUnit.SECONDS);
    }

    private static Status health(Instance instance) {
        return CacheConfiguration.health(instance.l2().status()).getStatus();
    }

    private static String stored(RedisProcess redis, Instance instance, String sku) {
        return redis.command("EXISTS", instance.l2().key("shop", "prices.getBySkus", sku));
    }

    @Test
    void withNothingListeningTheCacheServesFromL1AndTheVendorAndHealthSaysDegraded() throws Exception {
        Instance instance = instance("redis://127.0.0.1:" + RedisProcess.unusedPort());

        assertThat(prices(instance, "SKU-1")).containsOnlyKeys("SKU-1");
        assertThat(prices(instance, "SKU-1")).containsOnlyKeys("SKU-1");

        assertThat(calls).as("L1 still works").hasValue(1);
        RedisL2.Status status = instance.l2().status();
        assertThat(status.available()).isFalse();
        assertThat(status.message()).contains("is unreachable").contains("serves from the in-process cache only");
        assertThat(health(instance)).isEqualTo(ConnectorHealthContributors.DEGRADED);
        assertThat(instance.meters().get("omnigate.cache.l2.available").gauge().value()).isZero();
    }

    @Test
    void redisStoppedMidRunDegradesToL1AndL2IsUsedAgainWhenItReturns() throws Exception {
        try (RedisProcess redis = new RedisProcess().start()) {
            Instance instance = connected(redis.url());
            assertThat(health(instance)).isEqualTo(Status.UP);
            prices(instance, "SKU-1");
            await().atMost(Duration.ofSeconds(5)).until(() -> stored(redis, instance, "SKU-1").equals(":1"));

            redis.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> health(instance).equals(ConnectorHealthContributors.DEGRADED));
            assertThat(prices(instance, "SKU-1", "SKU-2")).containsOnlyKeys("SKU-1", "SKU-2");
            assertThat(calls).as("SKU-1 from L1, SKU-2 from the vendor").hasValue(2);

            redis.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> health(instance).equals(Status.UP));
            assertThat(prices(instance, "SKU-3")).containsOnlyKeys("SKU-3");
            await().atMost(Duration.ofSeconds(5)).until(() -> stored(redis, instance, "SKU-3").equals(":1"));
            Instance other = connected(redis.url());
            assertThat(prices(other, "SKU-3")).containsOnlyKeys("SKU-3");
            assertThat(calls).as("the other instance reads SKU-3 from the returned L2").hasValue(3);
            // invalidations sent while the broadcast was down were missed, so the first instance dropped its L1
            assertThat(prices(instance, "SKU-1")).containsOnlyKeys("SKU-1");
            assertThat(calls).hasValue(4);
        }
    }

    @Test
    void aSlowRedisCostsARequestNoMoreThanTheCommandTimeout() throws Exception {
        try (RedisProcess redis = new RedisProcess().start()) {
            Instance instance = connected(redis.url());
            // every client's commands wait 3 s: a real Redis that has become slow
            assertThat(redis.command("CLIENT", "PAUSE", "3000", "ALL")).isEqualTo("+OK");

            assertThat(prices(instance, "SKU-1")).as("answered from the vendor within 1 s").containsOnlyKeys("SKU-1");
            assertThat(instance.meters().get("omnigate.cache.l2.lookups").tags("kind", "prices", "outcome", "error").counter().count())
                    .isEqualTo(1);
            RedisL2.Status status = instance.l2().status();
            assertThat(status.available()).isFalse();
            assertThat(status.message()).contains("does not answer within the command timeout");

            await().atMost(Duration.ofSeconds(10)).until(() -> health(instance).equals(Status.UP));
        }
    }

    @Test
    void anInvalidationRedisCouldNotTakeIsSentAgainWhenItAnswers() throws Exception {
        try (RedisProcess redis = new RedisProcess().start()) {
            Instance instance = connected(redis.url());
            Instance other = connected(redis.url());
            prices(instance, "SKU-1");
            await().atMost(Duration.ofSeconds(5)).until(() -> stored(redis, instance, "SKU-1").equals(":1"));
            prices(other, "SKU-1");
            // writes (DEL, PUBLISH) wait 1 s while reads go on: the invalidation's DEL times out
            assertThat(redis.command("CLIENT", "PAUSE", "1000", "WRITE")).isEqualTo("+OK");

            instance.cache().invalidate("shop", CacheKind.PRICES, "SKU-1");

            assertThat(prices(instance, "SKU-1")).as("this instance asks the vendor at once").containsOnlyKeys("SKU-1");
            assertThat(calls).hasValue(2);
            // as a health poll would: once Redis answers, the missed invalidation is sent again
            await().atMost(Duration.ofSeconds(10)).until(() -> instance.l2().status().available()
                    && other.meters().find("omnigate.cache.invalidations.received").counter() != null
                    && other.meters().get("omnigate.cache.invalidations.received").counter().count() >= 1);
            double l2HitsBefore = l2Hits(other);
            prices(other, "SKU-1");
            // its in-process entry is gone: the answer came from the vendor, or from the entry this instance wrote to L2
            // after the invalidation (Redis ran that SET after the paused DEL, and before or after the replayed one)
            assertThat(calls.get() == 3 || l2Hits(other) > l2HitsBefore).as("the other instance dropped its entry on the broadcast")
                    .isTrue();
        }
    }

    private static double l2Hits(Instance instance) {
        io.micrometer.core.instrument.Counter hits = instance.meters().find("omnigate.cache.l2.lookups").tags("kind", "prices", "outcome", "hit")
                .counter();
        return hits == null ? 0 : hits.count();
    }
}

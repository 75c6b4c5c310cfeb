package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.events.DeliveryDedupe.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Delivery dedupe by delivery key and by body, in memory and on the real Redis (two {@link RedisDeliveryDedupe}s on one
 * prefix stand for two gateway instances).
 */
final class DeliveryDedupeTest {

    private static final byte[] BODY = "{\"inventory_item_id\":1,\"location_id\":2,\"available\":4}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_BODY = "{\"inventory_item_id\":1,\"location_id\":2,\"available\":5}".getBytes(StandardCharsets.UTF_8);

    private static final List<AutoCloseable> OPENED = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : OPENED.reversed()) {
            closeable.close();
        }
        OPENED.clear();
    }

    /** Two views of one store: the same instance in memory; two instances on one Redis prefix. */
    static Stream<Arguments> stores() {
        Supplier<DeliveryDedupe[]> inMemory = () -> {
            DeliveryDedupe one = DeliveryDedupe.inMemory(Duration.ofHours(1), 1_000);
            return new DeliveryDedupe[] {one, one};
        };
        Supplier<DeliveryDedupe[]> redis = () -> {
            SharedRedis shared = new SharedRedis("delivery-dedupe");
            EventsRedis a = new EventsRedis(shared.properties());
            EventsRedis b = new EventsRedis(shared.properties());
            OPENED.add(shared);
            OPENED.add(a);
            OPENED.add(b);
            return new DeliveryDedupe[] {new RedisDeliveryDedupe(a, Duration.ofHours(1)), new RedisDeliveryDedupe(b, Duration.ofHours(1))};
        };
        return Stream.of(Arguments.of("in memory", inMemory), Arguments.of("Redis", redis));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theSameBodyUnderANewDeliveryKeyIsADuplicate(String name, Supplier<DeliveryDedupe[]> stores) {
        DeliveryDedupe[] instances = stores.get();
        Delivery first = Delivery.of("shopify", "shop-us", "webhook-1", BODY);

        assertThat(instances[0].firstDelivery(first)).isTrue();
        instances[0].recorded(first);

        assertThat(instances[1].firstDelivery(Delivery.of("shopify", "shop-us", "webhook-1", BODY))).as("a retry").isFalse();
        assertThat(instances[1].firstDelivery(Delivery.of("shopify", "shop-us", "webhook-2-replayed", BODY)))
                .as("the signed body replayed under a new delivery key").isFalse();
        assertThat(instances[1].firstDelivery(Delivery.of("shopify", "shop-us", "webhook-1", OTHER_BODY)))
                .as("another body under a key seen before").isFalse();
        assertThat(instances[1].firstDelivery(Delivery.of("shopify", "shop-us", "webhook-3", OTHER_BODY))).as("a new change").isTrue();
        assertThat(instances[1].firstDelivery(Delivery.of("shopify", "shop-eu", "webhook-4", BODY))).as("another account").isTrue();
        assertThat(instances[1].firstDelivery(Delivery.of("square", "shop-us", "webhook-5", BODY))).as("another connector").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aForgottenDeliveryCountsAgainByKeyAndByBody(String name, Supplier<DeliveryDedupe[]> stores) {
        DeliveryDedupe[] instances = stores.get();
        Delivery first = Delivery.of("shopify", "shop-us", "webhook-1", BODY);
        assertThat(instances[0].firstDelivery(first)).isTrue();

        instances[0].forget(first); // its events could not be recorded

        assertThat(instances[1].firstDelivery(Delivery.of("shopify", "shop-us", "webhook-2", BODY))).as("by body").isTrue();
        instances[1].forget(Delivery.of("shopify", "shop-us", "webhook-2", BODY));
        assertThat(instances[1].firstDelivery(first)).as("by key").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void ofConcurrentReplaysUnderNewKeysExactlyOneIsFirst(String name, Supplier<DeliveryDedupe[]> stores) throws Exception {
        DeliveryDedupe[] instances = stores.get();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                DeliveryDedupe instance = instances[i % 2];
                Delivery replay = Delivery.of("shopify", "shop-us", "webhook-" + i, BODY);
                Callable<Boolean> send = () -> {
                    start.await();
                    return instance.firstDelivery(replay);
                };
                answers.add(senders.submit(send));
            }
            start.countDown();
            int first = 0;
            for (Future<Boolean> answer : answers) {
                first += answer.get() ? 1 : 0;
            }
            assertThat(first).isEqualTo(1);
        }
    }

    @Test
    void redisHoldsBothKeysBrieflyUntilTheEventsAreRecordedThenForTheTtl() throws Exception {
        try (SharedRedis shared = new SharedRedis("delivery-dedupe-ttl"); EventsRedis connection = new EventsRedis(shared.properties())) {
            RedisDeliveryDedupe dedupe = new RedisDeliveryDedupe(connection, Duration.ofHours(24));
            Delivery delivery = Delivery.of("shopify", "shop-us", "webhook-1", BODY);

            assertThat(dedupe.firstDelivery(delivery)).isTrue();
            String contentKey = shared.prefix + "events:content:shopify:shop-us:" + delivery.bodySha256();
            String deliveryKey = shared.prefix + "events:delivery:shop-us:webhook-1";
            assertThat(dedupe.contentKey(delivery)).isEqualTo(contentKey);
            assertThat(dedupe.deliveryKey(delivery)).isEqualTo(deliveryKey);
            assertThat(shared.commands().ttl(contentKey)).isBetween(1L, RedisDeliveryDedupe.PENDING.toSeconds());
            assertThat(shared.commands().ttl(deliveryKey)).isBetween(1L, RedisDeliveryDedupe.PENDING.toSeconds());

            dedupe.recorded(delivery);

            assertThat(shared.commands().ttl(contentKey)).isGreaterThan(Duration.ofHours(23).toSeconds());
            assertThat(shared.commands().ttl(deliveryKey)).isGreaterThan(Duration.ofHours(23).toSeconds());
            assertThat(delivery.bodySha256()).matches("[0-9a-f]{64}");
        }
    }
}

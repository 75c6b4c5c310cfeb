package dev.omnigate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.cache.RedisL2Properties;
import dev.omnigate.gateway.events.EventsRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The leaky buckets: in memory on a controlled clock, and in the real Redis on 127.0.0.1:6379 shared by two
 * "instances" (two connections), with the instance-local bucket taking over while Redis does not answer.
 */
final class CostBucketsTest {

    private static final String URL = "redis://127.0.0.1:6379";

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void aBucketEmptiesRefillsAtItsRateAndIsSettledWithWhatWasSpent() {
        ManualClock clock = new ManualClock();
        InMemoryCostBuckets buckets = new InMemoryCostBuckets(clock, Duration.ofHours(1));

        assertThat(buckets.take("a", 80, 100, 10).allowed()).isTrue();
        CostBuckets.Take refused = buckets.take("a", 30, 100, 10);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.available()).isEqualTo(20);
        assertThat(refused.retryAfterMillis()).as("10 points at 10 a second").isEqualTo(1_000);
        assertThat(buckets.take("b", 30, 100, 10).allowed()).as("another client's bucket").isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("a", 30, 100, 10).allowed()).as("refilled").isTrue();
        buckets.adjust("a", 25, 100, 10); // reserved 30, spent 5
        assertThat(buckets.take("a", 25, 100, 10).available()).isEqualTo(0);
        buckets.adjust("a", -500, 100, 10); // spent far beyond the estimate: in debt, at most one bucket
        clock.advance(Duration.ofSeconds(10));
        assertThat(buckets.take("a", 1, 100, 10).allowed()).as("-100 + 100 restored").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("a", 1, 100, 10).allowed()).isTrue();
    }

    @Test
    void inRedisEveryInstanceDrawsOnTheSameBucket() {
        String prefix = "omnigate-test:cost:" + UUID.randomUUID() + ":";
        RedisL2Properties settings = new RedisL2Properties(URL, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(200), prefix);
        RedisClient client = RedisClient.create(URL);
        try (EventsRedis first = new EventsRedis(settings); EventsRedis second = new EventsRedis(settings);
                StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCostBuckets one = new RedisCostBuckets(first, 3600, new InMemoryCostBuckets(Clock.systemUTC(), Duration.ofHours(1)));
            RedisCostBuckets two = new RedisCostBuckets(second, 3600, new InMemoryCostBuckets(Clock.systemUTC(), Duration.ofHours(1)));

            assertThat(one.take("api_key:shared", 600, 1_000, 1).allowed()).isTrue();
            CostBuckets.Take onTheOther = two.take("api_key:shared", 600, 1_000, 1);
            two.adjust("api_key:shared", 300, 1_000, 1);
            CostBuckets.Take afterRefund = one.take("api_key:shared", 600, 1_000, 1);

            assertThat(onTheOther.allowed()).as("the other instance sees the first one's take").isFalse();
            assertThat(onTheOther.available()).isBetween(400.0, 402.0);
            assertThat(afterRefund.allowed()).as("400 + 300 given back").isTrue();
            assertThat(connection.sync().ttl(prefix + "cost:api_key:shared")).as("an idle bucket expires").isBetween(1L, 3600L);
            List<String> keys = connection.sync().keys(prefix + "*");
            connection.sync().del(keys.toArray(String[]::new));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void whileRedisDoesNotAnswerTheInstancesOwnBucketDecides() {
        // nothing listens on port 1: every Redis command fails at once
        RedisL2Properties unreachable = new RedisL2Properties("redis://127.0.0.1:1", Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofSeconds(1), "omnigate-test:cost-down:");
        try (EventsRedis redis = new EventsRedis(unreachable)) {
            RedisCostBuckets buckets = new RedisCostBuckets(redis, 3600, new InMemoryCostBuckets(Clock.systemUTC(), Duration.ofHours(1)));

            assertThat(buckets.take("api_key:c", 60, 100, 1).allowed()).as("let through, never failed").isTrue();
            assertThat(buckets.take("api_key:c", 60, 100, 1).allowed()).as("but still bounded, per instance").isFalse();
        }
    }
}

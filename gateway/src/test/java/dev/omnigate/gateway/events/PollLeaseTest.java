package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.change.ChangeBatch;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.config.AccountDefinition;
import dev.omnigate.gateway.support.InMemoryStoreConfigSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * One poller per account across instances: two gateways on one Redis, each with a connector whose poller counts its
 * polls; only the lease holder polls, and when it stops the other takes over from the committed (shared) cursor. A
 * holder that can no longer reach Redis loses its lease after the TTL.
 */
final class PollLeaseTest {

    /** Counts polls; each poll returns the next cursor (cursor + 1). */
    static final class CountingPoller implements ChangePoller {
        final List<String> cursorsSeen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Duration suggestedInterval() {
            return Duration.ofMillis(50);
        }

        @Override
        public ChangeBatch poll(CallContext context, String cursor) {
            cursorsSeen.add(String.valueOf(cursor));
            return new ChangeBatch(List.of(), cursor == null ? "1" : String.valueOf(Long.parseLong(cursor) + 1));
        }
    }

    static FakeConnectorFactory factory(CountingPoller poller) {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("leased", Channel.AMAZON)
                .capabilities(Capability.ORDERS_READ, Capability.CHANGES_POLLING).build();
        factory.account("leased-account").poller(poller);
        return factory;
    }

    static InMemoryStoreConfigSource store() {
        return new InMemoryStoreConfigSource(List.of(new AccountDefinition("test", "acme", "leased-account", "leased", true, Map.of(),
                List.of())));
    }

    static final CountingPoller POLLER_A = new CountingPoller();
    static final CountingPoller POLLER_B = new CountingPoller();

    @TestConfiguration(proxyBeanMethods = false)
    static class WorldA {
        @Bean
        FakeConnectorFactory leasedFactory() {
            return factory(POLLER_A);
        }

        @Bean
        InMemoryStoreConfigSource leasedStore() {
            return store();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class WorldB {
        @Bean
        FakeConnectorFactory leasedFactory() {
            return factory(POLLER_B);
        }

        @Bean
        InMemoryStoreConfigSource leasedStore() {
            return store();
        }
    }

    private final SharedRedis redis = new SharedRedis("poll-lease");
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
        redis.close();
    }

    private ConfigurableApplicationContext gateway(Class<?> world) {
        ConfigurableApplicationContext context = TwoInstances.start(redis.prefix, false, List.of(
                "--omnigate.events.polling.min-interval=50ms", "--omnigate.events.polling.lease-ttl=3s"), world);
        opened.add(context);
        return context;
    }

    @Test
    void onlyTheLeaseHolderPollsAndTheOtherTakesOverFromTheCommittedCursorWhenItStops() {
        ConfigurableApplicationContext a = gateway(WorldA.class);
        ConfigurableApplicationContext b = gateway(WorldB.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> POLLER_A.cursorsSeen.size() + POLLER_B.cursorsSeen.size() >= 3);
        boolean aHolds = !POLLER_A.cursorsSeen.isEmpty();
        CountingPoller holder = aHolds ? POLLER_A : POLLER_B;
        CountingPoller other = aHolds ? POLLER_B : POLLER_A;
        int seen = holder.cursorsSeen.size();
        await().atMost(Duration.ofSeconds(15)).until(() -> holder.cursorsSeen.size() >= seen + 5);
        assertThat(other.cursorsSeen).as("one poller per account across instances").isEmpty();
        assertThat(holder.cursorsSeen.subList(0, 3)).containsExactly("null", "1", "2");

        (aHolds ? a : b).close();
        long lastSeenByHolder = Long.parseLong(holder.cursorsSeen.getLast());

        await().atMost(Duration.ofSeconds(15)).until(() -> other.cursorsSeen.size() >= 2);
        assertThat(Long.parseLong(other.cursorsSeen.getFirst())).as("it continues from the committed cursor in Redis")
                .isGreaterThanOrEqualTo(lastSeenByHolder);
    }

    @Test
    void aHolderCutOffFromRedisLosesItsLeaseAfterTheTtl() {
        EventsRedis holderConnection = new EventsRedis(redis.properties());
        EventsRedis otherConnection = new EventsRedis(redis.properties());
        RedisPollLeases holder = new RedisPollLeases(holderConnection, Duration.ofMillis(600));
        RedisPollLeases other = new RedisPollLeases(otherConnection, Duration.ofMillis(600));
        opened.addAll(List.of(otherConnection, other, holder));

        assertThat(holder.hold("acct")).isTrue();
        assertThat(other.hold("acct")).isFalse();
        await().pollDelay(Duration.ofMillis(900)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(other.hold("acct")).as("the holder renews it").isFalse();

        holderConnection.close(); // the holder is gone: no more renewals
        await().atMost(Duration.ofSeconds(5)).until(() -> other.hold("acct"));
        assertThat(redis.commands().pttl(redis.prefix + "events:poll-lease:acct")).isPositive();
    }
}

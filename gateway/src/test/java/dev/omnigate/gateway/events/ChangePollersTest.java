package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.change.ChangeBatch;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.config.AccountDefinition;
import dev.omnigate.gateway.support.InMemoryStoreConfigSource;
import dev.omnigate.gateway.support.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The pollers over a scripted connector poller: the first poll fixes the cursor, each next poll continues from the
 * committed cursor, a failed poll is repeated from the same cursor, and every polled change reaches the log once.
 */
@SpringBootTest(properties = {
        "omnigate.sandbox.enabled=false",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.events.polling.min-interval=20ms"
})
@Import({ChangePollersTest.PollingWorld.class, TestClients.Registration.class})
final class ChangePollersTest {

    /** null → c0 (nothing); c0 → e1, e2 → c1; c1 → fails once, then e3 → c2; c2 → nothing → c2. */
    static final class ScriptedPoller implements ChangePoller {
        final List<String> cursorsSeen = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean failedOnce = new AtomicBoolean();

        @Override
        public Duration suggestedInterval() {
            return Duration.ofMillis(20);
        }

        @Override
        public ChangeBatch poll(CallContext context, String cursor) {
            cursorsSeen.add(String.valueOf(cursor));
            if (cursor == null) {
                return new ChangeBatch(List.of(), "c0");
            }
            return switch (cursor) {
                case "c0" -> new ChangeBatch(List.of(event("e1"), event("e2")), "c1");
                case "c1" -> {
                    if (failedOnce.compareAndSet(false, true)) {
                        throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "scripted failure");
                    }
                    yield new ChangeBatch(List.of(event("e3")), "c2");
                }
                default -> new ChangeBatch(List.of(), "c2");
            };
        }

        private static ChangeEvent event(String key) {
            return new ChangeEvent("poll:" + key, EntityType.ORDER, new SourceRef(Channel.AMAZON, "polled", "polled-account", key),
                    ChangeKind.UPDATED, Instant.parse("2026-11-27T12:00:00Z"), "ORDER_CHANGE", null, null);
        }
    }

    static final ScriptedPoller POLLER = new ScriptedPoller();

    @TestConfiguration(proxyBeanMethods = false)
    static class PollingWorld {
        static final FakeConnectorFactory FACTORY = FakeConnectorFactory.builder("polled", Channel.AMAZON)
                .capabilities(Capability.ORDERS_READ, Capability.CHANGES_POLLING).build();

        static {
            FACTORY.account("polled-account").poller(POLLER);
        }

        @Bean
        FakeConnectorFactory polledFactory() {
            return FACTORY;
        }

        @Bean
        InMemoryStoreConfigSource polledStore() {
            return new InMemoryStoreConfigSource(List.of(new AccountDefinition("test", "acme", "polled-account", "polled", true, Map.of(),
                    List.of())));
        }
    }

    @Autowired
    EventLog log;

    @Autowired
    PollCursors cursors;

    @Test
    void pollsContinueFromTheCommittedCursorRepeatAFailedPollAndLogEachChangeOnce() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cursors.get("polled-account")).contains("c2"));

        assertThat(POLLER.cursorsSeen.subList(0, 4)).containsExactly("null", "c0", "c1", "c1");
        List<String> logged = log.readAfter(0, 100).stream().filter(event -> event.accountId().equals("polled-account"))
                .map(event -> event.event().eventKey()).toList();
        assertThat(logged).containsExactly("poll:e1", "poll:e2", "poll:e3");
    }
}

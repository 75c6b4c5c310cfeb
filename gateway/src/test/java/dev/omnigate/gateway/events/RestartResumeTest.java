package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.support.GraphQlWsSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A subscriber resumes with its last cursor across a gateway restart on Redis (two gateway contexts in sequence on
 * the same Redis and prefix): it gets exactly the changes it missed, in order, then live ones.
 */
final class RestartResumeTest {

    private final SharedRedis redis = new SharedRedis("restart");
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void tearDown() {
        contexts.forEach(ConfigurableApplicationContext::close);
        redis.close();
    }

    private ConfigurableApplicationContext gateway() {
        ConfigurableApplicationContext context = TwoInstances.start(redis.prefix, false, List.of());
        contexts.add(context);
        return context;
    }

    private static ChangeEvent change(String key, long available) {
        SourceRef level = new SourceRef(Channel.SHOPIFY, "shopify", "shop", "item-RESTART-1:L1");
        return new ChangeEvent(key, EntityType.INVENTORY_LEVEL, level, ChangeKind.UPDATED, Instant.parse("2026-11-27T12:00:00Z"),
                "inventory_levels/update", "RESTART-1", new InventoryLevel(level, "RESTART-1", "L1", available, 0, available, 0, null));
    }

    private static String subscription(String after) {
        return "subscription { inventoryChanged(skus: [\"RESTART-1\"], after: \"" + after + "\") { cursor available delta } }";
    }

    /** The {@code available} of the next change the session receives, with its cursor. */
    private static String[] next(GraphQlWsSession session) throws InterruptedException {
        String message = session.next();
        assertThat(JsonPath.<String>read(message, "$.type")).as(message).isEqualTo("next");
        return new String[] {JsonPath.read(message, "$.payload.data.inventoryChanged.cursor"),
                String.valueOf(JsonPath.<Integer>read(message, "$.payload.data.inventoryChanged.available"))};
    }

    @Test
    void aSubscriberResumesWithItsLastCursorAfterTheGatewayRestarted() throws Exception {
        ConfigurableApplicationContext first = gateway();
        EventLog firstLog = first.getBean(EventLog.class);
        String start = EventCursor.encode(firstLog.latestSequence());
        String lastSeen;
        try (GraphQlWsSession session = new GraphQlWsSession(TwoInstances.port(first), subscription(start))) {
            firstLog.append("shopify", List.of(change("r1", 10), change("r2", 9), change("r3", 8)));
            assertThat(next(session)[1]).isEqualTo("10");
            assertThat(next(session)[1]).isEqualTo("9");
            lastSeen = next(session)[0];
        }
        firstLog.append("shopify", List.of(change("m1", 7), change("m2", 6), change("m3", 5), change("m4", 4), change("m5", 3)));
        first.close(); // the gateway restarts; the subscriber missed five changes

        ConfigurableApplicationContext second = gateway();
        try (GraphQlWsSession session = new GraphQlWsSession(TwoInstances.port(second), subscription(lastSeen))) {
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                received.add(next(session)[1]);
            }
            assertThat(received).as("exactly the missed ones, in order").containsExactly("7", "6", "5", "4", "3");
            second.getBean(EventLog.class).append("shopify", List.of(change("l1", 2), change("l2", 1)));
            assertThat(next(session)[1]).as("then live ones").isEqualTo("2");
            assertThat(next(session)[1]).isEqualTo("1");
            assertThat(session.messages.poll(300, TimeUnit.MILLISECONDS)).as("and nothing twice").isNull();
        }
    }
}

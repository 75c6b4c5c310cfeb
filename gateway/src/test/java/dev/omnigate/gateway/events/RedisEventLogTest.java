package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.SourceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisEventLog} against the real Redis: several log instances on one prefix stand for several gateway
 * instances (or one gateway before and after a restart).
 */
final class RedisEventLogTest {

    private SharedRedis redis;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        redis = new SharedRedis("event-log");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
        redis.close();
    }

    private RedisEventLog log(int retention) {
        return log(retention, Duration.ZERO);
    }

    private RedisEventLog log(int retention, Duration maxAge) {
        EventsRedis connection = new EventsRedis(redis.properties());
        RedisEventLog log = new RedisEventLog(connection, retention, Duration.ofHours(1), maxAge);
        opened.add(connection);
        opened.add(log);
        return log;
    }

    private static ChangeEvent level(String key, String sku, long available) {
        SourceRef level = new SourceRef(Channel.SHOPIFY, "shopify", "shop", "item-" + sku + ":L1");
        return new ChangeEvent(key, EntityType.INVENTORY_LEVEL, level, ChangeKind.UPDATED, Instant.parse("2026-11-27T12:00:00Z"),
                "inventory_levels/update", sku, new InventoryLevel(level, sku, "L1", available + 2, 2, available, 0,
                        Instant.parse("2026-11-27T11:59:59Z")));
    }

    private static ChangeEvent order(String key, String id) {
        return new ChangeEvent(key, EntityType.ORDER, new SourceRef(Channel.SHOPIFY, "shopify", "shop", id), ChangeKind.UPDATED,
                Instant.parse("2026-11-27T12:00:00Z"), "orders/updated", null, null);
    }

    @Test
    void sequencesAreStreamIdsAsIncreasingLongsAndBack() {
        assertThat(RedisEventLog.sequenceOf("1764244800000-0")).isEqualTo(1764244800000L << 20);
        assertThat(RedisEventLog.sequenceOf("1764244800000-7")).isLessThan(RedisEventLog.sequenceOf("1764244800001-0"));
        assertThat(RedisEventLog.streamIdOf(RedisEventLog.sequenceOf("1764244800000-42"))).isEqualTo("1764244800000-42");
        assertThat(RedisEventLog.streamIdOf(RedisEventLog.sequenceOf("1764244800000-1048575") + 1)).isEqualTo("1764244800001-0");
        assertThatThrownBy(() -> RedisEventLog.sequenceOf("1764244800000-1048576")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void appendDropsRepeatedEventKeysAcrossInstancesAndComputesTheDeltaPerLevel() {
        RedisEventLog a = log(1_000);
        RedisEventLog b = log(1_000);

        List<LoggedEvent> first = a.append("shopify", List.of(level("k1", "SKU-1", 10), order("o1", "1001"), level("k1", "SKU-1", 10)));
        List<LoggedEvent> second = b.append("shopify", List.of(level("k1", "SKU-1", 10), level("k2", "SKU-1", 7), order("o1", "1001")));
        List<LoggedEvent> third = a.append("shopify", List.of(level("k3", "SKU-1", 12)));

        assertThat(first).extracting(event -> event.event().eventKey()).containsExactly("k1", "o1");
        assertThat(first.getFirst().delta()).as("the first change of a level has no delta").isNull();
        assertThat(second).extracting(event -> event.event().eventKey()).containsExactly("k2");
        assertThat(second.getFirst().delta()).isEqualTo(-3L);
        assertThat(third.getFirst().delta()).isEqualTo(5L);
        assertThat(b.readAfter(0, 100)).extracting(LoggedEvent::sequence)
                .containsExactly(first.get(0).sequence(), first.get(1).sequence(), second.getFirst().sequence(), third.getFirst().sequence())
                .isSorted();
        assertThat(a.latestSequence()).isEqualTo(third.getFirst().sequence()).isEqualTo(b.latestSequence());
    }

    @Test
    void eventsRoundTripAsJsonWithStringIdsAndTheirLevel() {
        RedisEventLog a = log(1_000);
        ChangeEvent event = level("k-json", "SKU-9", 3);
        ChangeEvent bigId = order("o-big", "9007199254740993"); // above 2^53: must stay exactly this string
        a.append("shopify", List.of(event, bigId));

        List<LoggedEvent> read = log(1_000).readAfter(0, 10);

        assertThat(read).extracting(LoggedEvent::event).containsExactly(event, bigId);
        assertThat(read).extracting(LoggedEvent::connectorId).containsOnly("shopify");
        assertThat(read.getFirst().loggedAt()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                Duration.ofMinutes(1).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void readAfterIsExclusiveInOrderAndPagedAndSurvivesARestartOfTheReader() {
        RedisEventLog before = log(1_000);
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(order("r" + i, "o" + i));
        }
        List<LoggedEvent> appended = before.append("shopify", events);
        long cursor = appended.get(9).sequence(); // the subscriber saw the first ten, then the gateway restarted

        RedisEventLog after = log(1_000);
        List<LoggedEvent> page = after.readAfter(cursor, 10);
        List<LoggedEvent> rest = after.readAfter(page.getLast().sequence(), 10);

        assertThat(page).extracting(event -> event.event().eventKey()).containsExactly("r10", "r11", "r12", "r13", "r14", "r15", "r16",
                "r17", "r18", "r19");
        assertThat(rest).extracting(event -> event.event().eventKey()).containsExactly("r20", "r21", "r22", "r23", "r24");
        assertThat(after.readAfter(appended.getLast().sequence(), 10)).isEmpty();
    }

    @Test
    void aCursorOlderThanWhatTrimmingRemovedIsExpiredAndARecentOneIsNot() {
        RedisEventLog a = log(10);
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(order("t" + i, "o" + i));
        }
        List<LoggedEvent> appended = a.append("shopify", events);

        assertThat(redis.commands().xlen(redis.prefix + "events")).as("trimmed to about the retention").isLessThan(500);
        assertThatThrownBy(() -> a.readAfter(appended.getFirst().sequence(), 10)).isInstanceOf(CursorExpiredException.class)
                .hasMessageContaining("re-read the current state");
        assertThatThrownBy(() -> a.readAfter(0, 10)).isInstanceOf(CursorExpiredException.class);
        String oldestKept = redis.commands().xrange(redis.prefix + "events", io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.from(1)).getFirst().getId();
        int oldest = appended.stream().map(LoggedEvent::sequence).toList().indexOf(RedisEventLog.sequenceOf(oldestKept));
        assertThat(oldest).as("some were trimmed").isPositive();
        assertThat(a.readAfter(appended.get(oldest - 1).sequence(), 1)).as("the last trimmed event's cursor lost nothing")
                .extracting(LoggedEvent::sequence).containsExactly(appended.get(oldest).sequence());
        assertThatThrownBy(() -> a.readAfter(appended.get(oldest - 2).sequence(), 1)).isInstanceOf(CursorExpiredException.class);
        assertThat(a.readAfter(appended.get(490).sequence(), 100)).extracting(event -> event.event().eventKey())
                .containsExactly("t491", "t492", "t493", "t494", "t495", "t496", "t497", "t498", "t499");
    }

    @Test
    void eventsOlderThanTheMaxAgeAreDroppedAndTheirCursorsExpire() {
        RedisEventLog a = log(1_000, Duration.ofMillis(500));
        List<LoggedEvent> old = a.append("shopify", List.of(order("a1", "1"), order("a2", "2"), order("a3", "3")));
        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true); // let them age
        List<LoggedEvent> fresh = a.append("shopify", List.of(order("a4", "4")));

        assertThat(redis.commands().xlen(redis.prefix + "events")).isEqualTo(1);
        assertThatThrownBy(() -> a.readAfter(old.getFirst().sequence(), 10)).isInstanceOf(CursorExpiredException.class);
        assertThat(a.readAfter(old.getLast().sequence(), 10)).extracting(LoggedEvent::sequence)
                .containsExactly(fresh.getFirst().sequence());
    }

    @Test
    void anEventAppendedByOneInstanceReachesTheListenersOfAnotherInOrder() throws Exception {
        RedisEventLog a = log(1_000);
        RedisEventLog b = log(1_000);
        List<String> heardByB = new CopyOnWriteArrayList<>();
        List<String> heardByA = new CopyOnWriteArrayList<>();
        AutoCloseable listening = b.listen(event -> heardByB.add(event.event().eventKey()));
        a.listen(event -> heardByA.add(event.event().eventKey()));

        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(order("l" + i, "o" + i));
        }
        a.append("shopify", events.subList(0, 30));
        b.append("shopify", events.subList(30, 50));

        List<String> expected = events.stream().map(ChangeEvent::eventKey).toList();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heardByB).containsExactlyElementsOf(expected));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heardByA).containsExactlyElementsOf(expected));

        listening.close();
        a.append("shopify", List.of(order("after-close", "x")));
        await().atMost(Duration.ofSeconds(10)).until(() -> heardByA.contains("after-close"));
        assertThat(heardByB).doesNotContain("after-close");
    }
}

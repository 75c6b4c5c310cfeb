package dev.omnigate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.security.PartnerFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/** A subscriber that stops reading gets the configured slack, then a clear error; memory stays bounded. */
final class SlowSubscriberTest {

    @Test
    void aSubscriberThatFallsMoreThanTheBufferBehindIsClosedWithAReason() {
        EventsProperties properties = new EventsProperties(1_000, DataSize.ofKilobytes(64), Duration.ofHours(1), 10_000, 5,
                new EventsProperties.Polling(false, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15)), Duration.ofDays(7));
        InMemoryEventLog log = new InMemoryEventLog(1_000, Duration.ofHours(1), 10_000, Clock.systemUTC());
        InventoryChangedSubscription subscription = new InventoryChangedSubscription(log, new LevelIndex(100), properties);
        AtomicReference<Throwable> closedWith = new AtomicReference<>();
        Flux.from(subscription.inventoryChanged(null, null, null, PartnerFilter.NONE, null)).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1); // reads one change, then never again
            }

            @Override
            protected void hookOnError(Throwable error) {
                closedWith.set(error);
            }
        });

        for (int i = 0; i < 60; i++) { // more than the buffer (5) plus the delivery prefetch (32)
            SourceRef level = new SourceRef(Channel.SHOPIFY, "shopify", "shop", "level-" + i);
            log.append("shopify", List.of(new ChangeEvent("slow:" + i, EntityType.INVENTORY_LEVEL, level, ChangeKind.UPDATED,
                    Instant.parse("2026-11-27T12:00:00Z"), "inventory_levels/update", "SKU-1", null)));
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(closedWith.get())
                .isInstanceOf(InventoryChangedSubscription.SlowSubscriberException.class)
                .hasMessageContaining("more than 5 changes behind").hasMessageContaining("last cursor"));
    }

    @Test
    void resumingAfterABacklogFarLargerThanTheBufferDeliversEveryChangeInOrder() {
        EventsProperties properties = new EventsProperties(10_000, DataSize.ofKilobytes(64), Duration.ofHours(1), 10_000, 5,
                new EventsProperties.Polling(false, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15)),
                Duration.ofDays(7));
        InMemoryEventLog log = new InMemoryEventLog(10_000, Duration.ofHours(1), 10_000, Clock.systemUTC());
        InventoryChangedSubscription subscription = new InventoryChangedSubscription(log, new LevelIndex(100), properties);
        for (int i = 0; i < 500; i++) {
            SourceRef level = new SourceRef(Channel.SHOPIFY, "shopify", "shop", "level-" + i);
            log.append("shopify", List.of(new ChangeEvent("backlog:" + i, EntityType.INVENTORY_LEVEL, level, ChangeKind.UPDATED,
                    Instant.parse("2026-11-27T12:00:00Z"), "inventory_levels/update", "SKU-1", null)));
        }

        List<String> cursors = Flux.from(subscription.inventoryChanged(null, null, EventCursor.encode(0), PartnerFilter.NONE, null))
                .map(InventoryChangeView::cursor).take(500).collectList().block(Duration.ofSeconds(20));

        assertThat(cursors).hasSize(500).first().isEqualTo(EventCursor.encode(1));
        assertThat(cursors.getLast()).isEqualTo(EventCursor.encode(500));
    }
}

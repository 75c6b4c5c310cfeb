package dev.omnigate.gateway.events;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.location.LocationDirectory;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import dev.omnigate.gateway.security.PartnerFilter;
import dev.omnigate.gateway.security.graphql.GraphQlClients;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code inventoryChanged}: replays the logged changes after the client's cursor, then continues live, seamlessly: the
 * live listener is registered before the replay is read, and live changes at or below the last replayed sequence are
 * dropped, so nothing is missed or repeated at the seam. Every subscription listens to the one event log (the shared
 * feed); a slow subscriber gets {@code omnigate.events.subscriber-buffer} changes of slack, then an error telling it to
 * resume with its last cursor. A partner client sees only changes of its SKUs at its locations.
 */
@DgsComponent
public class InventoryChangedSubscription {

    private static final int REPLAY_PAGE = 1_000;
    /** Changes handed to a subscriber's delivery thread at a time (part of the subscriber's bounded slack). */
    private static final int DELIVERY_PREFETCH = 32;

    private final EventLog log;
    private final LevelIndex levels;
    private final int buffer;
    private final LocationDirectory locationDirectory;
    private final GraphQlSupport support;

    @Autowired
    public InventoryChangedSubscription(EventLog log, LevelIndex levels, EventsProperties properties, LocationDirectory locationDirectory,
            GraphQlSupport support) {
        this.log = log;
        this.levels = levels;
        this.buffer = properties.subscriberBuffer();
        this.locationDirectory = locationDirectory;
        this.support = support;
    }

    /** A subscription without a partner's location kinds to look up (tests of the feed itself). */
    InventoryChangedSubscription(EventLog log, LevelIndex levels, EventsProperties properties) {
        this(log, levels, properties, null, null);
    }

    @DgsSubscription
    public Publisher<InventoryChangeView> inventoryChanged(@InputArgument List<String> skus, @InputArgument List<String> locations,
            @InputArgument String after, DgsDataFetchingEnvironment environment) {
        PartnerFilter partner = GraphQlClients.partnerOf(environment);
        // a partner limited to kinds of locations needs each location's kind: read once, when it subscribes
        return inventoryChanged(skus, locations, after, partner, () -> locationDirectory.kinds(support.scope(environment)));
    }

    /** The feed for a client with these partner limits. */
    Publisher<InventoryChangeView> inventoryChanged(List<String> skus, List<String> locations, String after, PartnerFilter partner,
            Supplier<CompletableFuture<Map<PartnerFilter.LocationRef, LocationKind>>> locationKinds) {
        Predicate<LoggedEvent> requested = filter(skus, locations);
        long start = after == null ? log.latestSequence() : EventCursor.decode(after, "after");
        if (after != null) {
            log.readAfter(start, 1); // a cursor older than the retention fails now, before the stream starts
        }
        CompletableFuture<Map<PartnerFilter.LocationRef, LocationKind>> kinds = partner.needsLocationKinds()
                ? locationKinds.get() : CompletableFuture.completedFuture(Map.of());
        // the feed only emits what was requested and keeps its own bounded queue, so no operator buffers without limit;
        // delivery (a blocking socket write) runs off the appending thread, so a slow client never delays an append
        return Mono.fromFuture(kinds).flatMapMany(known -> {
            Predicate<LoggedEvent> wanted = requested.and(visibleTo(partner, known));
            return Flux.<InventoryChangeView>create(sink -> new Feed(sink, wanted, start).start(), FluxSink.OverflowStrategy.ERROR);
        }).publishOn(Schedulers.boundedElastic(), false, DELIVERY_PREFETCH); // a close is not queued behind changes
    }

    /** Changes a partner may see: its SKUs at its locations; others are skipped as if they had not happened. */
    private Predicate<LoggedEvent> visibleTo(PartnerFilter partner, Map<PartnerFilter.LocationRef, LocationKind> kinds) {
        if (!partner.isLimited()) {
            return logged -> true;
        }
        return logged -> {
            ChangeEvent event = logged.event();
            if (!partner.allowsSku(sku(event))) {
                return false;
            }
            if (!partner.limitsLocations()) {
                return true;
            }
            String location = locationId(logged);
            String account = event.entity().account();
            return location != null && partner.allowsLocation(account, location, kinds.get(new PartnerFilter.LocationRef(account, location)));
        };
    }

    /**
     * One subscription: replay, then live, serialised by its own lock. The replay is pulled by the subscriber's demand,
     * one page (at most {@code buffer} changes) at a time, so resuming after any backlog never overflows the buffer;
     * only live changes a subscriber does not take can. The log is never read while this feed's lock is held (the log
     * calls listeners under its own lock: reading under ours would invert the order).
     */
    private final class Feed {
        private final FluxSink<InventoryChangeView> sink;
        private final Predicate<LoggedEvent> wanted;
        /** Live changes seen while replaying; they are in the log too, so overflowing this only means re-reading them. */
        private final ArrayDeque<LoggedEvent> early = new ArrayDeque<>();
        private final ArrayDeque<InventoryChangeView> unrequested = new ArrayDeque<>();
        private long lastSequence;
        private boolean live;
        private boolean closed;
        private boolean earlyOverflowed;

        Feed(FluxSink<InventoryChangeView> sink, Predicate<LoggedEvent> wanted, long after) {
            this.sink = sink;
            this.wanted = wanted;
            this.lastSequence = after;
        }

        void start() {
            AutoCloseable listening = log.listen(this::onLive);
            sink.onDispose(() -> {
                try {
                    listening.close();
                } catch (Exception ignored) {
                    // removing a listener cannot fail in the logs we have
                }
            });
            sink.onRequest(ignored -> pump());
        }

        /** Delivers what is wanted and, while replaying, reads the next page once the previous one is taken. */
        private void pump() {
            while (true) {
                long from;
                synchronized (this) {
                    drain();
                    if (live || closed || !unrequested.isEmpty() || sink.requestedFromDownstream() == 0) {
                        return;
                    }
                    from = lastSequence;
                }
                List<LoggedEvent> page;
                try {
                    page = log.readAfter(from, Math.min(REPLAY_PAGE, buffer));
                } catch (CursorExpiredException e) {
                    sink.error(e); // retention overtook a slow replay
                    return;
                }
                synchronized (this) {
                    if (page.isEmpty() && earlyOverflowed) {
                        earlyOverflowed = false; // live changes were dropped while replaying: read them from the log first
                        continue;
                    }
                    if (page.isEmpty()) {
                        // caught up: what arrived live meanwhile follows, then every change as it is logged
                        while (!early.isEmpty()) {
                            emit(early.removeFirst());
                        }
                        live = true;
                        drain();
                        return;
                    }
                    page.forEach(this::emit);
                }
            }
        }

        private synchronized void onLive(LoggedEvent event) {
            if (live) {
                emit(event);
            } else if (early.size() < buffer) {
                early.addLast(event);
            } else {
                early.clear(); // still replaying: the next pages read these from the log
                earlyOverflowed = true;
            }
        }

        /** Emits an event once, in order: anything at or below the last emitted sequence was already sent. */
        private void emit(LoggedEvent event) {
            if (event.sequence() <= lastSequence || closed) {
                return;
            }
            lastSequence = event.sequence();
            if (wanted.test(event)) {
                unrequested.addLast(view(event));
                drain();
                if (unrequested.size() > buffer) {
                    closed = true;
                    unrequested.clear();
                    sink.error(new SlowSubscriberException(buffer));
                }
            }
        }

        /** Hands the subscriber what it asked for; the rest waits, at most {@code buffer} changes. */
        private synchronized void drain() {
            while (!unrequested.isEmpty() && sink.requestedFromDownstream() > 0) {
                sink.next(unrequested.removeFirst());
            }
        }
    }

    private Predicate<LoggedEvent> filter(List<String> skus, List<String> locations) {
        Set<String> skuSet = skus == null ? null : Set.copyOf(skus);
        Set<String> locationKeys = locations == null ? null : locations.stream()
                .map(id -> GlobalId.decode(id, GlobalIdType.Location, "locations"))
                .map(id -> id.account() + "\u0000" + id.nativeId())
                .collect(Collectors.toUnmodifiableSet());
        return logged -> {
            ChangeEvent event = logged.event();
            if (event.entityType() != EntityType.INVENTORY_LEVEL) {
                return false;
            }
            if (skuSet != null && (sku(event) == null || !skuSet.contains(sku(event)))) {
                return false;
            }
            String location = locationId(logged);
            return locationKeys == null || location != null && locationKeys.contains(event.entity().account() + "\u0000" + location);
        };
    }

    /**
     * The native location id: from the event's level, else as the appending instance learned it, else from what this
     * instance learned about the level record.
     */
    private String locationId(LoggedEvent logged) {
        ChangeEvent event = logged.event();
        if (logged.locationId() != null) {
            return logged.locationId();
        }
        return levels.of(event.entity().account(), event.entity().nativeId()).map(LevelIndex.Facts::locationId).orElse(null);
    }

    private static String sku(ChangeEvent event) {
        return event.sku() != null ? event.sku() : event.inventory().map(InventoryLevel::sku).orElse(null);
    }

    private InventoryChangeView view(LoggedEvent logged) {
        ChangeEvent event = logged.event();
        InventoryLevel level = event.inventory().orElse(null);
        SourceRef source = event.entity();
        String location = locationId(logged);
        String locationId = location == null ? null : GlobalId.encode(GlobalIdType.Location, source.withNativeId(location));
        return new InventoryChangeView(logged.cursor(), source, sku(event), locationId, level == null ? null : level.available(),
                level == null ? null : level.onHand(), logged.delta(), event.occurredAt(), event.topic());
    }

    /** A subscriber fell too far behind. */
    static final class SlowSubscriberException extends RuntimeException {
        SlowSubscriberException(int buffer) {
            super("the subscriber fell more than " + buffer + " changes behind and was closed; resubscribe with the last cursor "
                    + "it received as 'after'");
        }
    }
}

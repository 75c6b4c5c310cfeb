package dev.omnigate.gateway.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omnigate.connector.api.change.ChangeEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default event log: a bounded ring in memory (the newest {@code retention} events), lost on restart. Appends are
 * serialised, so sequences and listener calls are in order.
 */
public final class InMemoryEventLog implements EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryEventLog.class);

    private final int retention;
    private final Clock clock;
    private final ArrayDeque<LoggedEvent> events = new ArrayDeque<>();
    private final Cache<String, Boolean> seenKeys;
    private final Cache<String, Long> lastAvailable;
    private final List<Consumer<LoggedEvent>> listeners = new CopyOnWriteArrayList<>();
    private long sequence;
    private long dropped;

    public InMemoryEventLog(int retention, Duration dedupeTtl, long dedupeMaxEntries, Clock clock) {
        this.retention = retention;
        this.clock = clock;
        this.seenKeys = Caffeine.newBuilder().expireAfterWrite(dedupeTtl).maximumSize(dedupeMaxEntries).build();
        this.lastAvailable = Caffeine.newBuilder().maximumSize(dedupeMaxEntries).build();
    }

    @Override
    public synchronized List<LoggedEvent> append(String connectorId, List<ChangeEvent> incoming, Function<ChangeEvent, String> locations) {
        List<LoggedEvent> appended = new ArrayList<>();
        for (ChangeEvent event : incoming) {
            String key = event.entity().account() + "\u0000" + event.eventKey();
            if (seenKeys.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
                continue; // the same change, delivered again (vendor retry, poll overlap)
            }
            LoggedEvent logged = new LoggedEvent(++sequence, connectorId, event, clock.instant(), delta(event),
                    event.inventoryLevel() == null ? locations.apply(event) : null);
            events.addLast(logged);
            if (events.size() > retention) {
                events.removeFirst();
                dropped = logged.sequence() - retention;
            }
            appended.add(logged);
        }
        for (LoggedEvent logged : appended) {
            for (Consumer<LoggedEvent> listener : listeners) {
                try {
                    listener.accept(logged);
                } catch (RuntimeException e) {
                    LOG.warn("an event listener failed on event {}", logged.cursor(), e);
                }
            }
        }
        return appended;
    }

    /** The change of {@code available} against the last logged level of the same record (called under the lock). */
    private Long delta(ChangeEvent event) {
        if (event.inventoryLevel() == null) {
            return null;
        }
        String level = event.entity().account() + "\u0000" + event.entity().nativeId();
        Long previous = lastAvailable.getIfPresent(level);
        lastAvailable.put(level, event.inventoryLevel().available());
        return previous == null ? null : event.inventoryLevel().available() - previous;
    }

    @Override
    public synchronized List<LoggedEvent> readAfter(long after, int max) {
        if (after < dropped) {
            throw new CursorExpiredException(dropped + 1);
        }
        List<LoggedEvent> page = new ArrayList<>();
        Iterator<LoggedEvent> iterator = events.iterator();
        while (iterator.hasNext() && page.size() < max) {
            LoggedEvent event = iterator.next();
            if (event.sequence() > after) {
                page.add(event);
            }
        }
        return page;
    }

    @Override
    public synchronized long latestSequence() {
        return sequence;
    }

    @Override
    public AutoCloseable listen(Consumer<LoggedEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}

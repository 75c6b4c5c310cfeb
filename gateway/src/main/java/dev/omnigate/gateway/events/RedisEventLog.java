package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.change.ChangeEvent;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log shared by every gateway instance on one Redis: a Redis Stream {@code <prefix>events}.
 *
 * <p><b>Append</b>: one Lua script per event, atomic in Redis: the event-key dedupe ({@code SET NX EX dedupe-ttl} on
 * {@code <prefix>events:key:<account>:<eventKey>}), the per-level delta (hash {@code <prefix>events:levels} holds the
 * last logged {@code available} of each level record) and {@code XADD ... MAXLEN ~ retention}. So two instances
 * receiving the same change log it once, and deltas are computed in log order whichever instance appended.
 *
 * <p><b>Sequences</b>: a stream id {@code <ms>-<n>} maps to the long {@code ms << 20 | n} — strictly increasing in
 * stream order, and back again without a lookup, so cursors stay {@code e.<long>}. (It holds while one millisecond
 * has fewer than 2^20 entries and until the year 36812; an id outside that is refused.)
 *
 * <p><b>Retention</b>: by length, {@code omnigate.events.retention} (approximate: Redis trims whole nodes, so it may
 * keep somewhat more), and by age, {@code omnigate.events.redis-max-age} (exact {@code XTRIM MINID} by Redis's clock,
 * on every append). A cursor older than what trimming removed gets {@link CursorExpiredException}. Redis 7.0's
 * {@code XINFO STREAM max-deleted-entry-id} is not moved by trimming (only by {@code XDEL}; seen on 7.0.15), so each
 * entry records the id of its predecessor ({@code p}): everything before the oldest retained entry was trimmed, so
 * a cursor below that entry's predecessor has lost events, while the predecessor itself (or anything newer) has not.
 *
 * <p><b>Listening</b>: one reader thread per instance ({@code XREAD BLOCK} from the newest id at the first
 * {@link #listen}) calls the listeners in sequence order for every event any instance appended; it survives Redis
 * outages and continues from its last id once Redis answers again (nothing appended meanwhile is skipped).
 *
 * <p>Redis unreachable or slower than the command timeout: {@link #append}, {@link #readAfter} and
 * {@link #latestSequence} throw {@link EventStoreUnavailableException}. Thread-safe.
 */
public final class RedisEventLog implements EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(RedisEventLog.class);
    private static final int SEQUENCE_BITS = 20;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final Duration BLOCK = Duration.ofSeconds(1);
    private static final int READ_BATCH = 1_000;

    /**
     * KEYS: stream, dedupe key, levels hash. ARGV: dedupe TTL seconds, level field ('' = no level), available,
     * retention, connector id, event JSON, learned location ('' = none), max age in ms ('0' = none). Returns the new
     * stream id and the delta ('' = none), or false for a repeat. Entry fields: c connector, e event JSON, d delta,
     * p the predecessor's id (for {@code CURSOR_EXPIRED}), l the learned location.
     */
    private static final String APPEND = """
            if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
              return false
            end
            local delta = ''
            if ARGV[2] ~= '' then
              local previous = redis.call('HGET', KEYS[3], ARGV[2])
              redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
              if previous then
                delta = string.format('%.0f', tonumber(ARGV[3]) - tonumber(previous))
              end
            end
            local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            local previous_id = ''
            if newest[1] then
              previous_id = newest[1][1]
            end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*',
              'c', ARGV[5], 'e', ARGV[6], 'd', delta, 'p', previous_id, 'l', ARGV[7])
            if ARGV[8] ~= '0' then
              local now = redis.call('TIME')
              local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[8])
              redis.call('XTRIM', KEYS[1], 'MINID', string.format('%.0f', oldest))
            end
            return {id, delta}
            """;

    private final EventsRedis redis;
    private final String stream;
    private final String levels;
    private final int retention;
    private final long dedupeTtlSeconds;
    private final long maxAgeMillis;
    private final EventJson json = new EventJson();
    private final List<Consumer<LoggedEvent>> listeners = new CopyOnWriteArrayList<>();
    private Thread reader;
    private volatile boolean closed;

    public RedisEventLog(EventsRedis redis, int retention, Duration dedupeTtl, Duration maxAge) {
        this.redis = redis;
        this.stream = redis.key("");
        this.levels = redis.key(":levels");
        this.retention = retention;
        this.dedupeTtlSeconds = Math.max(1, dedupeTtl.toSeconds());
        this.maxAgeMillis = maxAge.toMillis();
    }

    /** The sequence of a stream id {@code <ms>-<n>}: {@code ms << 20 | n}. */
    static long sequenceOf(String streamId) {
        int dash = streamId.indexOf('-');
        long millis = Long.parseLong(streamId.substring(0, dash));
        long n = Long.parseLong(streamId.substring(dash + 1));
        if (n > SEQUENCE_MASK || millis >= 1L << (63 - SEQUENCE_BITS)) {
            throw new IllegalStateException("stream id " + streamId + " has no event sequence (more than 2^20 events in one ms?)");
        }
        return millis << SEQUENCE_BITS | n;
    }

    /** The stream id of a sequence. */
    static String streamIdOf(long sequence) {
        return (sequence >>> SEQUENCE_BITS) + "-" + (sequence & SEQUENCE_MASK);
    }

    @Override
    public List<LoggedEvent> append(String connectorId, List<ChangeEvent> events, Function<ChangeEvent, String> locations) {
        List<LoggedEvent> appended = new ArrayList<>();
        for (ChangeEvent event : events) {
            String dedupeKey = redis.key(":key:" + event.entity().account() + ":" + event.eventKey());
            String level = event.inventoryLevel() == null ? "" : event.entity().account() + "\u0000" + event.entity().nativeId();
            String available = event.inventoryLevel() == null ? "" : Long.toString(event.inventoryLevel().available());
            String learned = event.inventoryLevel() == null ? locations.apply(event) : null;
            List<Object> result = redis.call("appending an event", commands -> redis.script(commands, APPEND, ScriptOutputType.MULTI,
                    new String[] {stream, dedupeKey, levels}, Long.toString(dedupeTtlSeconds), level, available,
                    Integer.toString(retention), connectorId, json.write(event), learned == null ? "" : learned,
                    Long.toString(maxAgeMillis)));
            if (result == null || result.isEmpty() || result.getFirst() == null) {
                continue; // the same change, delivered again (vendor retry, poll overlap, another instance)
            }
            long sequence = sequenceOf((String) result.get(0));
            String delta = (String) result.get(1);
            appended.add(new LoggedEvent(sequence, connectorId, event, Instant.ofEpochMilli(sequence >>> SEQUENCE_BITS),
                    delta.isEmpty() ? null : Long.parseLong(delta), learned));
        }
        return appended;
    }

    @Override
    public List<LoggedEvent> readAfter(long after, int max) {
        return redis.call("reading the event log", commands -> {
            List<StreamMessage<String, String>> page = commands.xrange(stream,
                    Range.create(streamIdOf(after + 1), "+"), Limit.from(max)); // from after + 1 = strictly after
            // read after the page: a trim racing with it is caught (conservatively), never a silent gap
            List<StreamMessage<String, String>> oldest = commands.xrange(stream, Range.create("-", "+"), Limit.from(1));
            if (!oldest.isEmpty()) {
                String predecessor = oldest.getFirst().getBody().getOrDefault("p", "");
                if (!predecessor.isEmpty() && after < sequenceOf(predecessor)) {
                    throw new CursorExpiredException(sequenceOf(oldest.getFirst().getId()));
                }
            }
            List<LoggedEvent> events = new ArrayList<>(page.size());
            for (StreamMessage<String, String> message : page) {
                LoggedEvent event = decode(message);
                if (event != null) {
                    events.add(event);
                }
            }
            return events;
        });
    }

    @Override
    public long latestSequence() {
        return redis.call("reading the event log", commands ->
                sequenceOf(String.valueOf(info(commands).getOrDefault("last-generated-id", "0-0"))));
    }

    /** {@code XINFO STREAM} as a map; empty when the stream does not exist yet. */
    private Map<String, Object> info(RedisCommands<String, String> commands) {
        List<Object> reply;
        try {
            reply = commands.xinfoStream(stream);
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                return Map.of();
            }
            throw e;
        }
        Map<String, Object> info = new HashMap<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            info.put(String.valueOf(reply.get(i)), reply.get(i + 1));
        }
        return info;
    }

    /** A logged event from its stream entry; null (and a warning) for an entry this version cannot read. */
    private LoggedEvent decode(StreamMessage<String, String> message) {
        try {
            Map<String, String> body = message.getBody();
            long sequence = sequenceOf(message.getId());
            String delta = body.getOrDefault("d", "");
            String location = body.getOrDefault("l", "");
            return new LoggedEvent(sequence, body.get("c"), json.read(body.get("e")), Instant.ofEpochMilli(sequence >>> SEQUENCE_BITS),
                    delta.isEmpty() ? null : Long.parseLong(delta), location.isEmpty() ? null : location);
        } catch (RuntimeException e) {
            LOG.warn("event log entry {} skipped: it cannot be read ({})", message.getId(), e.getMessage());
            return null;
        }
    }

    /**
     * Calls {@code listener} for every event appended by any instance from now on, in sequence order, on this
     * instance's reader thread (the listener must hand off quickly).
     *
     * @throws EventStoreUnavailableException when this is the first listener and Redis cannot tell the newest id
     */
    @Override
    public AutoCloseable listen(Consumer<LoggedEvent> listener) {
        startReader();
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Starts the reader at the newest id, synchronously: whatever a listener's replay cannot see, the reader delivers. */
    private synchronized void startReader() {
        if (reader != null || closed) {
            return;
        }
        String from = streamIdOf(latestSequence());
        reader = Thread.ofPlatform().name("omnigate-event-log-reader").daemon().start(() -> read(from));
    }

    private void read(String from) {
        String last = from;
        StatefulRedisConnection<String, String> connection = null;
        long pauseMillis = 50;
        boolean failing = false;
        while (!closed) {
            try {
                if (connection == null) {
                    connection = redis.blockingConnection(BLOCK.plus(redis.commandTimeout()).plusSeconds(1));
                }
                List<StreamMessage<String, String>> messages = connection.sync().xread(
                        XReadArgs.Builder.block(BLOCK).count(READ_BATCH), XReadArgs.StreamOffset.from(stream, last));
                if (failing) {
                    LOG.info("event log: reading from Redis again, continuing after {}", last);
                    failing = false;
                    pauseMillis = 50;
                }
                for (StreamMessage<String, String> message : messages == null ? List.<StreamMessage<String, String>>of() : messages) {
                    last = message.getId();
                    LoggedEvent event = decode(message);
                    if (event != null) {
                        notifyListeners(event);
                    }
                }
            } catch (RedisException | EventStoreUnavailableException e) {
                if (closed) {
                    break;
                }
                if (!failing) {
                    LOG.warn("event log: Redis cannot be read ({}); subscribers stay open and resume after {} when it answers",
                            e.getClass().getSimpleName(), last);
                    failing = true;
                }
                LockSupport.parkNanos(Duration.ofMillis(pauseMillis).toNanos()); // back off before the next attempt
                pauseMillis = Math.min(pauseMillis * 2, 2_000);
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    private void notifyListeners(LoggedEvent event) {
        for (Consumer<LoggedEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed on event {}", event.cursor(), e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
        Thread running;
        synchronized (this) {
            running = reader;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

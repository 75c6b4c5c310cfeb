package dev.omnigate.gateway.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.SocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared L2 of the {@link EntityCache} in Redis, over Lettuce, and the invalidation broadcast over Redis pub/sub.
 *
 * <p>Guarantees: no method throws and no future it returns fails — Redis unreachable, slow (past
 * {@code omnigate.redis.command-timeout}) or answering garbage only means "no L2 entry" and is counted; the cache then
 * works from L1 and the vendor. It connects in the background (an unreachable Redis at startup does not stop the
 * gateway), keeps trying until Redis answers, and Lettuce reconnects (and re-subscribes) after a drop. Commands issued
 * while disconnected are refused at once rather than queued, so a Redis outage costs requests no time.
 *
 * <p>Keys: {@code <prefix>cache:v1:<account>:<operation>:<id>} (account and id URL-encoded), each with a Redis TTL equal
 * to its kind's lifetime; channel {@code <prefix>cache-invalidations}.
 */
public final class RedisL2 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisL2.class);

    /**
     * One broadcast invalidation. {@code account} null = everything; {@code kind} null = the whole account.
     *
     * @param origin the instance that sent it (it ignores its own)
     */
    record Invalidation(String origin, String account, String kind, String id) {
    }

    /** What the health contributor shows. */
    public record Status(boolean available, String message, Map<String, Object> details) {
    }

    private final RedisL2Properties properties;
    private final RedisURI uri;
    private final String where;
    private final L2Codec codec = new L2Codec();
    private final String instanceId = UUID.randomUUID().toString();
    private final String channel;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService connector;
    private final MeterRegistry meters;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile String lastError = "not connected yet";
    private volatile Instant lastErrorAt;
    private volatile Consumer<Invalidation> listener = invalidation -> { };
    private volatile Runnable resync = () -> { };
    private volatile boolean closed;
    private volatile boolean subscribed;
    /** Invalidations Redis did not take (down, slow), sent again once it answers; bounded, else L2 is flushed. */
    private final Set<Invalidation> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pendingOverflowed = new AtomicBoolean();

    /** Starts connecting in the background; usable at once (as "no L2" until connected). */
    public RedisL2(RedisL2Properties properties, MeterRegistry meters) {
        this.properties = properties;
        this.uri = properties.redisUri();
        this.where = uri.getHost() + ":" + uri.getPort();
        this.channel = properties.keyPrefix() + "cache-invalidations";
        this.meters = meters;
        this.resources = ClientResources.builder()
                // Lettuce's default backs off to 30 s; an operator expects L2 back within seconds of Redis returning
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), properties.reconnectMaxDelay(), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // while disconnected, fail commands at once: requests must not wait for a Redis that is not there
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
                .build());
        this.connector = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("omnigate-redis-connect").factory());
        if (meters != null) {
            Gauge.builder("omnigate.cache.l2.available", this, l2 -> l2.isConnected() ? 1 : 0)
                    .description("1 while the Redis L2 connection is open").register(meters);
        }
        connectData(0);
        connectPubSub(0);
    }

    /** The most invalidations kept for replay while Redis does not take them. */
    static final int MAX_PENDING_INVALIDATIONS = 10_000;

    /** Called with every invalidation another instance broadcast (on a Redis I/O thread: keep it short). */
    void onInvalidation(Consumer<Invalidation> listener) {
        this.listener = listener;
    }

    /**
     * Called when the broadcast is live again after Redis was unreachable: invalidations sent meanwhile were missed, so
     * the in-process entries can no longer be trusted.
     */
    void onResync(Runnable resync) {
        this.resync = resync;
    }

    // --- connecting -------------------------------------------------------------------------------------------

    private void connectData(int attempt) {
        retrying(attempt, () -> client.connectAsync(StringCodec.UTF8, uri), connected -> {
            connected.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                    // after a reconnect: the connection activates right after this event, so replay a moment later
                    later(RedisL2.this::replayPending, 100);
                }
            });
            connection = connected;
            succeeded();
            LOG.info("entity cache L2: connected to Redis at {}", where);
            replayPending();
        }, this::connectData);
    }

    private void connectPubSub(int attempt) {
        retrying(attempt, () -> client.connectPubSubAsync(StringCodec.UTF8, uri), connected -> {
            AtomicBoolean lost = new AtomicBoolean(attempt > 0);
            connected.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    received(message);
                }

                @Override
                public void subscribed(String to, long count) {
                    subscribed = true; // also after Lettuce re-subscribed on a reconnect
                }
            });
            connected.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                    subscribed = false;
                    lost.set(true);
                }

                @Override
                public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                    if (lost.getAndSet(false)) {
                        resync.run();
                    }
                }
            });
            pubSub = connected;
            subscribe(connected, lost, 0);
        }, this::connectPubSub);
    }

    private void subscribe(StatefulRedisPubSubConnection<String, String> connected, AtomicBoolean lost, int attempt) {
        if (closed) {
            return;
        }
        connected.async().subscribe(channel).whenComplete((ok, failure) -> {
            if (failure == null) {
                subscribed = true;
                if (lost.getAndSet(false)) {
                    resync.run();
                }
            } else if (!closed) {
                failed(failure); // e.g. timed out: subscribing again is harmless
                later(() -> subscribe(connected, lost, attempt + 1), backoff(attempt));
            }
        });
    }

    /** Runs {@code task} on the connecting thread after {@code delayMillis}, unless closed meanwhile. */
    private void later(Runnable task, long delayMillis) {
        if (closed) {
            return;
        }
        try {
            connector.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed concurrently: nothing left to do
        }
    }

    private long backoff(int attempt) {
        return Math.min(properties.reconnectMaxDelay().toMillis(), 50L << Math.min(attempt, 10));
    }

    private <C> void retrying(int attempt, Supplier<CompletionStage<C>> connect, Consumer<C> onConnected, Consumer<Integer> again) {
        if (closed) {
            return;
        }
        CompletionStage<C> stage;
        try {
            stage = connect.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((connected, failure) -> {
            if (failure == null && !closed) {
                onConnected.accept(connected);
                return;
            }
            if (failure != null) {
                failed(failure);
            }
            if (!closed) {
                // the first connection is ours to retry; once connected, Lettuce's watchdog reconnects by itself
                later(() -> again.accept(attempt + 1), backoff(attempt));
            } else if (connected instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        });
    }

    // --- reading and writing ----------------------------------------------------------------------------------

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    /** The Redis key of one entry. */
    String key(String account, String operation, String id) {
        return properties.keyPrefix() + "cache:v" + L2Codec.FORMAT_VERSION + ":" + encode(account) + ":" + operation + ":" + encode(id);
    }

    /** Whether the data connection is open (commands may still time out when Redis is slow). */
    public boolean isConnected() {
        StatefulRedisConnection<String, String> current = connection;
        return current != null && current.isOpen();
    }

    /**
     * The stored entries of {@code ids} by id (ids without a readable entry are absent). Never fails: on a Redis error or
     * timeout the answer is empty. Undecodable values are deleted so that the refetched value replaces them.
     */
    CompletableFuture<Map<String, L2Codec.Stored>> getAll(String account, String operation, CacheKind kind, List<String> ids) {
        RedisAsyncCommands<String, String> commands = commands();
        if (commands == null) {
            count(kind, "error", ids.size());
            return CompletableFuture.completedFuture(Map.of());
        }
        String[] keys = ids.stream().map(id -> key(account, operation, id)).toArray(String[]::new);
        CompletableFuture<List<KeyValue<String, String>>> answer;
        try {
            answer = commands.mget(keys).toCompletableFuture();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((values, failure) -> {
            if (failure != null) {
                failed(failure);
                count(kind, "error", ids.size());
                return Map.<String, L2Codec.Stored>of();
            }
            succeeded();
            Map<String, L2Codec.Stored> found = new LinkedHashMap<>();
            List<String> undecodable = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                KeyValue<String, String> value = values.get(i);
                if (!value.hasValue()) {
                    count(kind, "miss", 1);
                    continue;
                }
                Optional<L2Codec.Stored> stored = codec.decode(operation, value.getValue());
                if (stored.isPresent()) {
                    found.put(ids.get(i), stored.get());
                    count(kind, "hit", 1);
                } else {
                    undecodable.add(keys[i]);
                    count(kind, "undecodable", 1);
                }
            }
            if (!undecodable.isEmpty()) {
                LOG.warn("entity cache L2: dropped {} {} entr{} this version cannot read (format or record changed); they are refetched",
                        undecodable.size(), operation, undecodable.size() == 1 ? "y" : "ies");
                commands.del(undecodable.toArray(String[]::new));
            }
            return found;
        });
    }

    /** Stores entries (fire and forget) with a Redis TTL of {@code lifetime} from when each was stored. */
    void putAll(String account, String operation, CacheKind kind, Map<String, L2Codec.Stored> stored, Duration lifetime, Instant now) {
        RedisAsyncCommands<String, String> commands = commands();
        if (commands == null) {
            return;
        }
        stored.forEach((id, entry) -> {
            long ttl = lifetime.minus(Duration.between(entry.storedAt(), now)).toMillis();
            Optional<String> json = ttl > 0 ? codec.encode(operation, entry.value(), entry.storedAt()) : Optional.empty();
            if (json.isEmpty()) {
                return;
            }
            try {
                commands.set(key(account, operation, id), json.get(), SetArgs.Builder.px(ttl)).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        failed(failure);
                    }
                    written(kind, failure == null ? "stored" : "failed");
                });
            } catch (RuntimeException e) {
                failed(e);
                written(kind, "failed");
            }
        });
    }

    // --- invalidation -----------------------------------------------------------------------------------------

    /**
     * Deletes the L2 entries of one id of one kind and tells the other instances to drop theirs. The delete is sent
     * before the broadcast on the same connection, so an instance that drops its L1 entry on receipt no longer finds the
     * old value in L2.
     */
    void invalidate(String account, CacheKind kind, String id) {
        send(new Invalidation(instanceId, account, kind.key(), id));
    }

    /** Deletes every L2 entry of one kind in an account and broadcasts it (an event that cannot name the id). */
    void invalidateKind(String account, CacheKind kind) {
        send(new Invalidation(instanceId, account, kind.key(), null));
    }

    private void send(Invalidation invalidation) {
        if (invalidation.kind() == null) {
            invalidateMatching(invalidation.account());
            return;
        }
        if (invalidation.id() == null) {
            invalidateMatching(invalidation.account(), CacheKind.valueOf(invalidation.kind().toUpperCase(java.util.Locale.ROOT)));
            return;
        }
        RedisAsyncCommands<String, String> commands = commands();
        if (commands == null) {
            keep(invalidation, null);
            return;
        }
        CacheKind kind = CacheKind.valueOf(invalidation.kind().toUpperCase(java.util.Locale.ROOT));
        String[] keys = kind.operations().stream().map(operation -> key(invalidation.account(), operation, invalidation.id()))
                .toArray(String[]::new);
        try {
            commands.del(keys).whenComplete((ok, failure) -> {
                if (failure != null) {
                    keep(invalidation, failure);
                } else {
                    succeeded();
                }
            });
            publish(commands, invalidation);
        } catch (RuntimeException e) {
            keep(invalidation, e);
        }
    }

    /** Remembers an invalidation Redis did not take, to send it again when Redis answers (L2 would serve the old value). */
    private void keep(Invalidation invalidation, Throwable failure) {
        failed(failure != null ? failure : new IllegalStateException("not connected"));
        if (pending.size() < MAX_PENDING_INVALIDATIONS) {
            pending.add(invalidation);
        } else if (pendingOverflowed.compareAndSet(false, true)) {
            LOG.warn("entity cache L2: more than {} invalidations waiting for Redis; all L2 entries will be dropped when it returns",
                    MAX_PENDING_INVALIDATIONS);
        }
    }

    /** Sends the invalidations Redis missed (idempotent: deleting twice does no harm). */
    private void replayPending() {
        if (commands() == null || (pending.isEmpty() && !pendingOverflowed.get())) {
            return;
        }
        if (pendingOverflowed.getAndSet(false)) {
            pending.clear();
            invalidateMatching(null);
            return;
        }
        List<Invalidation> replay = List.copyOf(pending);
        pending.removeAll(replay);
        LOG.info("entity cache L2: sending {} invalidation(s) Redis missed while it was unreachable", replay.size());
        replay.forEach(this::send);
    }

    /** Deletes every L2 entry of an account (or every entry, {@code account} null) and broadcasts it. */
    void invalidateMatching(String account) {
        invalidateMatching(account, null);
    }

    /** Deletes every L2 entry of an account, of one kind when {@code kind} is set, and broadcasts it. */
    private void invalidateMatching(String account, CacheKind kind) {
        Invalidation invalidation = new Invalidation(instanceId, account, kind == null ? null : kind.key(), null);
        RedisAsyncCommands<String, String> commands = commands();
        if (commands == null) {
            keep(invalidation, null);
            return;
        }
        String prefix = properties.keyPrefix() + "cache:v" + L2Codec.FORMAT_VERSION + ":" + (account == null ? "" : encode(account) + ":");
        List<String> prefixes = kind == null || account == null ? List.of(prefix)
                : kind.operations().stream().map(operation -> prefix + operation + ":").toList();
        Thread.ofVirtual().name("omnigate-redis-invalidate").start(() -> {
            try {
                for (String each : prefixes) {
                    // glob metacharacters in the prefix are escaped; URL encoding already turned [ ] ? \ into %xx
                    String pattern = each.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
                    ScanCursor cursor = ScanCursor.INITIAL;
                    do {
                        var page = commands.scan(cursor, ScanArgs.Builder.matches(pattern).limit(500)).get(5, TimeUnit.SECONDS);
                        if (!page.getKeys().isEmpty()) {
                            commands.unlink(page.getKeys().toArray(String[]::new));
                        }
                        cursor = page;
                    } while (!cursor.isFinished());
                }
                publish(commands, invalidation);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                keep(invalidation, e);
            }
        });
    }

    private void publish(RedisAsyncCommands<String, String> commands, Invalidation invalidation) {
        commands.publish(channel, codec.write(invalidation)).whenComplete((receivers, failure) -> noteOutcome(failure));
    }

    private void received(String message) {
        codec.read(message, Invalidation.class).filter(invalidation -> !instanceId.equals(invalidation.origin())).ifPresent(invalidation -> {
            try {
                listener.accept(invalidation);
            } catch (RuntimeException e) {
                LOG.warn("entity cache L2: an invalidation from another instance could not be applied: {}", e.getClass().getSimpleName());
            }
            if (meters != null) {
                // counted once applied, so whoever watches the counter sees the entry gone
                meters.counter("omnigate.cache.invalidations.received").increment();
            }
        });
    }

    // --- state and health -------------------------------------------------------------------------------------

    private RedisAsyncCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        return closed || current == null || !current.isOpen() ? null : current.async();
    }

    private void noteOutcome(Throwable failure) {
        if (failure == null) {
            succeeded();
        } else {
            failed(failure);
        }
    }

    private void failed(Throwable failure) {
        if (closed) {
            return; // commands cut off by our own shutdown are no news
        }
        Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        // the exception's class and message name the problem (refused, timed out); they never hold the password
        lastError = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        lastErrorAt = Instant.now();
        if (failing.compareAndSet(false, true)) {
            LOG.warn("entity cache L2: Redis at {} is unreachable or slow ({}); serving from the in-process cache until it returns", where,
                    lastError);
        }
    }

    private void succeeded() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("entity cache L2: Redis at {} answers again; L2 is used again", where);
            later(this::replayPending, 0);
        }
    }

    /** Pings Redis (bounded by the command timeout) and says whether the L2 is in use, and why not. */
    public Status status() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", RedisL2Properties.masked(properties.url()));
        details.put("commandTimeout", properties.commandTimeout().toString());
        details.put("invalidationBroadcast", subscribed ? "subscribed" : "not subscribed");
        if (!pending.isEmpty()) {
            details.put("pendingInvalidations", pending.size());
        }
        if (lastErrorAt != null) {
            details.put("lastError", lastError);
            details.put("lastErrorAt", lastErrorAt.toString());
        }
        RedisAsyncCommands<String, String> commands = commands();
        if (commands == null) {
            return new Status(false, "Redis at " + where + " is unreachable (" + lastError + "); the entity cache serves from the "
                    + "in-process cache only and reconnects automatically", details);
        }
        long started = System.nanoTime();
        try {
            commands.ping().toCompletableFuture().get(properties.commandTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            details.put("pingMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            succeeded();
            return new Status(true, "Redis at " + where + " answers; entity cache L2 in use", details);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failed(e);
            return new Status(false, "Redis at " + where + " does not answer within the command timeout (" + lastError
                    + "); the entity cache serves from the in-process cache only until it does", details);
        }
    }

    private void count(CacheKind kind, String outcome, int times) {
        if (meters != null && times > 0) {
            meters.counter("omnigate.cache.l2.lookups", "kind", kind.key(), "outcome", outcome).increment(times);
        }
    }

    private void written(CacheKind kind, String outcome) {
        if (meters != null) {
            meters.counter("omnigate.cache.l2.writes", "kind", kind.key(), "outcome", outcome).increment();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing a Redis connection failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        StatefulRedisPubSubConnection<String, String> broadcast = pubSub;
        if (broadcast != null) {
            closeQuietly(broadcast);
        }
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            closeQuietly(current);
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}

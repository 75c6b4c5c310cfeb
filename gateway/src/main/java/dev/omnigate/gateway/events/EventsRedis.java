package dev.omnigate.gateway.events;

import dev.omnigate.gateway.cache.RedisL2Properties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Redis connection of the change-event parts (event log, delivery dedupe, poll cursors and leases), configured
 * from the same {@code omnigate.redis.*} settings as the cache's L2: URL, command and connect timeouts, reconnection
 * back-off and key prefix. Every key lives under {@code <prefix>events}.
 *
 * <p>Guarantees: a command that Redis does not answer within the command timeout, or that is issued while Redis is
 * unreachable (refused at once, never queued), throws {@link EventStoreUnavailableException}; the connection is made
 * on first use and Lettuce reconnects in the background after a drop. Blocking stream reads get connections of their
 * own ({@link #blockingConnection(Duration)}), so they never hold up the commands of requests. Thread-safe.
 */
public final class EventsRedis implements AutoCloseable {

    private final RedisURI uri;
    private final String prefix;
    private final Duration commandTimeout;
    private final ClientResources resources;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    public EventsRedis(RedisL2Properties properties) {
        this.uri = properties.redisUri();
        this.prefix = properties.keyPrefix();
        this.commandTimeout = properties.commandTimeout();
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), properties.reconnectMaxDelay(), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // while disconnected, fail at once: a webhook then answers 503 instead of waiting for a Redis that is not there
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
                .build());
    }

    /** A key of another concern under this gateway's prefix: {@code <prefix><name>} (the PII audit stream uses it). */
    public String keyOf(String name) {
        return prefix + name;
    }

    /** A key under this gateway's prefix: {@code <prefix>events<suffix>}. */
    public String key(String suffix) {
        return prefix + "events" + suffix;
    }

    /** Runs one or more commands on the shared connection; any Redis failure becomes {@link EventStoreUnavailableException}. */
    public <T> T call(String what, Function<RedisCommands<String, String>, T> commands) {
        if (closed) {
            throw new EventStoreUnavailableException(what);
        }
        try {
            return commands.apply(connection().sync());
        } catch (RedisException e) {
            throw new EventStoreUnavailableException(what, e);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection == null) {
                if (closed) {
                    throw new RedisException("closed");
                }
                StatefulRedisConnection<String, String> opened = client.connect(StringCodec.UTF8, uri);
                opened.setTimeout(commandTimeout);
                connection = opened;
            }
            return connection;
        }
    }

    /**
     * Runs a Lua script by its SHA-1 ({@code EVALSHA}), sending its text ({@code EVAL}) only when Redis does not have it
     * yet (first use, or after a restart).
     */
    public <T> T script(RedisCommands<String, String> commands, String script, ScriptOutputType type, String[] keys, String... args) {
        String sha = digests.computeIfAbsent(script, commands::digest);
        try {
            return commands.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            return commands.eval(script, type, keys, args);
        }
    }

    /**
     * A new connection of its own for blocking reads ({@code XREAD BLOCK}), whose commands may take {@code timeout}.
     *
     * @throws EventStoreUnavailableException when Redis cannot be reached
     */
    public StatefulRedisConnection<String, String> blockingConnection(Duration timeout) {
        if (closed) {
            throw new EventStoreUnavailableException("connecting");
        }
        try {
            StatefulRedisConnection<String, String> opened = client.connect(StringCodec.UTF8, uri);
            opened.setTimeout(timeout);
            return opened;
        } catch (RedisException e) {
            throw new EventStoreUnavailableException("connecting", e);
        }
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}

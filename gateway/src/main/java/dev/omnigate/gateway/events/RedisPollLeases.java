package dev.omnigate.gateway.events;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll leases in Redis: key {@code <prefix>events:poll-lease:<account>} holding the holder's instance id, taken with
 * {@code SET NX PX <ttl>}. The holder renews its leases every third of the TTL (and on each {@link #hold}); should it
 * die, its lease lapses after the TTL and the next instance to ask takes it over. A lease is only ever renewed or
 * released by its holder (checked in a Lua script), so a late renewal cannot steal it back.
 */
public final class RedisPollLeases implements PollLeases {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPollLeases.class);

    /** KEYS: lease. ARGV: holder, ttl ms. 1 = held by the caller (taken or renewed), 0 = held by another. */
    private static final String HOLD = """
            local holder = redis.call('GET', KEYS[1])
            if holder == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            if holder then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    /** KEYS: lease. ARGV: holder. Deletes the lease only if the caller holds it. */
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final EventsRedis redis;
    private final Duration ttl;
    private final String holder = UUID.randomUUID().toString();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer;

    public RedisPollLeases(EventsRedis redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
        this.renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("omnigate-poll-leases").daemon().factory());
        long every = Math.max(1, ttl.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    private String key(String accountId) {
        return redis.key(":poll-lease:" + accountId);
    }

    @Override
    public boolean hold(String accountId) {
        boolean holding;
        try {
            holding = Long.valueOf(1).equals(redis.call("taking a poll lease", commands -> redis.script(commands, HOLD, ScriptOutputType.INTEGER,
                    new String[] {key(accountId)}, holder, Long.toString(ttl.toMillis()))));
        } catch (EventStoreUnavailableException e) {
            holding = false;
        }
        if (holding) {
            if (held.add(accountId)) {
                LOG.info("this instance polls account {} now", accountId);
            }
        } else {
            held.remove(accountId);
        }
        return holding;
    }

    private void renewAll() {
        for (String accountId : held) {
            hold(accountId);
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        for (String accountId : held) {
            try {
                redis.call("releasing a poll lease", commands -> redis.script(commands, RELEASE, ScriptOutputType.INTEGER,
                        new String[] {key(accountId)}, holder));
            } catch (EventStoreUnavailableException e) {
                // it lapses after the TTL
            }
        }
        held.clear();
    }
}

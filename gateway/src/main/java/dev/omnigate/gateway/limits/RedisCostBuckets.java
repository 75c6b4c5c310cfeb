package dev.omnigate.gateway.limits;

import dev.omnigate.gateway.events.EventStoreUnavailableException;
import dev.omnigate.gateway.events.EventsRedis;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buckets in Redis, shared by every instance: one hash per client ({@code <prefix>cost:<client>}: points and the
 * time they were counted), refilled and taken atomically by one Lua script on Redis's own clock, expiring when idle.
 * When Redis does not answer, the request is let through (an instance-local bucket takes over), never failed: the
 * quota protects the vendors, it must not become a second point of failure.
 */
public final class RedisCostBuckets implements CostBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCostBuckets.class);

    // KEYS[1] bucket; ARGV: capacity, restore rate per second, points, expiry seconds, mode ('take' or 'adjust' by +/- points)
    private static final String SCRIPT = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local capacity = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local points = tonumber(ARGV[3])
            local state = redis.call('HMGET', KEYS[1], 'available', 'at')
            local available = tonumber(state[1])
            local at = tonumber(state[2])
            if available == nil then available = capacity; at = now end
            available = math.min(capacity, available + (now - at) / 1000 * rate)
            local allowed = 1
            local wait = 0
            if ARGV[5] == 'adjust' then
              available = math.max(-capacity, math.min(capacity, available + points))
            elseif available >= points then
              available = available - points
            else
              allowed = 0
              wait = math.ceil((points - available) / rate * 1000)
            end
            redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
            return {allowed, tostring(available), wait}
            """;

    private final EventsRedis redis;
    private final long expirySeconds;
    private final InMemoryCostBuckets fallback;

    public RedisCostBuckets(EventsRedis redis, long expirySeconds, InMemoryCostBuckets fallback) {
        this.redis = redis;
        this.expirySeconds = Math.max(1, expirySeconds);
        this.fallback = fallback;
    }

    @Override
    public Take take(String client, long points, long capacity, double restoreRate) {
        try {
            List<Object> result = run(client, points, capacity, restoreRate, "take");
            return new Take(((Long) result.get(0)) == 1L, Double.parseDouble(String.valueOf(result.get(1))), (Long) result.get(2));
        } catch (EventStoreUnavailableException e) {
            LOG.debug("cost buckets: Redis unavailable, this instance's bucket decides");
            return fallback.take(client, points, capacity, restoreRate);
        }
    }

    @Override
    public void adjust(String client, long points, long capacity, double restoreRate) {
        if (points == 0) {
            return;
        }
        try {
            run(client, points, capacity, restoreRate, "adjust");
        } catch (EventStoreUnavailableException e) {
            fallback.adjust(client, points, capacity, restoreRate);
        }
    }

    private List<Object> run(String client, long points, long capacity, double restoreRate, String mode) {
        String key = redis.keyOf("cost:" + client);
        return redis.call("cost bucket", commands -> redis.script(commands, SCRIPT, ScriptOutputType.MULTI, new String[] {key},
                Long.toString(capacity), Double.toString(restoreRate), Long.toString(points), Long.toString(expirySeconds), mode));
    }

    @Override
    public String describe() {
        return "Redis (shared by every instance)";
    }
}

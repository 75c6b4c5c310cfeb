package dev.omnigate.gateway.events;

import java.util.Optional;

/** Poll cursors in the Redis hash {@code <prefix>events:poll-cursors} (field = account id): shared, kept across restarts. */
public final class RedisPollCursors implements PollCursors {

    private final EventsRedis redis;
    private final String hash;

    public RedisPollCursors(EventsRedis redis) {
        this.redis = redis;
        this.hash = redis.key(":poll-cursors");
    }

    @Override
    public Optional<String> get(String accountId) {
        return Optional.ofNullable(redis.call("reading a poll cursor", commands -> commands.hget(hash, accountId)));
    }

    @Override
    public void commit(String accountId, String cursor) {
        redis.call("committing a poll cursor", commands -> commands.hset(hash, accountId, cursor));
    }
}

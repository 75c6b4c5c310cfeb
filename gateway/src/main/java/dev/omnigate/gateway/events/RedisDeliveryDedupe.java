package dev.omnigate.gateway.events;

import io.lettuce.core.SetArgs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery keys shared by every instance: {@code SET <prefix>events:delivery:<account>:<key> 1 NX EX <ttl>}, so a
 * vendor's retry is a duplicate whichever instance it reaches. A first delivery is held for {@link #PENDING} only until
 * its events are in the log ({@link #recorded}, then the full TTL): should Redis fail between the two, and the key
 * could not be deleted, it lapses by itself and the vendor's retry is taken (the log's event-key dedupe keeps that
 * from logging anything twice). Redis unavailable: {@link #firstDelivery} throws
 * {@link EventStoreUnavailableException} (the webhook answers 503 and the vendor retries).
 */
public final class RedisDeliveryDedupe implements DeliveryDedupe {

    private static final Logger LOG = LoggerFactory.getLogger(RedisDeliveryDedupe.class);

    /** How long a delivery whose events are not yet recorded is held. */
    static final Duration PENDING = Duration.ofSeconds(30);

    private final EventsRedis redis;
    private final long ttlSeconds;

    public RedisDeliveryDedupe(EventsRedis redis, Duration ttl) {
        this.redis = redis;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    private String key(String accountId, String deliveryKey) {
        return redis.key(":delivery:" + accountId + ":" + deliveryKey);
    }

    @Override
    public boolean firstDelivery(String accountId, String deliveryKey) {
        return "OK".equals(redis.call("recording a webhook delivery",
                commands -> commands.set(key(accountId, deliveryKey), "1", SetArgs.Builder.nx().ex(Math.min(ttlSeconds, PENDING.toSeconds())))));
    }

    @Override
    public void recorded(String accountId, String deliveryKey) {
        try {
            redis.call("recording a webhook delivery", commands -> commands.set(key(accountId, deliveryKey), "1",
                    SetArgs.Builder.xx().ex(ttlSeconds)));
        } catch (EventStoreUnavailableException e) {
            // the key lapses after PENDING; a later retry is then taken and its events deduped by the log
            LOG.warn("a webhook delivery of account {} is remembered only briefly: {}", accountId, e.getMessage());
        }
    }

    @Override
    public void forget(String accountId, String deliveryKey) {
        try {
            redis.call("forgetting a webhook delivery", commands -> commands.del(key(accountId, deliveryKey)));
        } catch (EventStoreUnavailableException e) {
            // the key then expires with its TTL; until then the vendor's retries count as duplicates
            LOG.warn("a webhook delivery of account {} could not be forgotten: {}", accountId, e.getMessage());
        }
    }
}

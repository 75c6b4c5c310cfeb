package dev.omnigate.gateway.events;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliveries shared by every instance, two keys each: {@code <prefix>events:delivery:<account>:<delivery key>} and
 * {@code <prefix>events:content:<connector>:<account>:<body SHA-256>}, both set in one script only when neither exists
 * (so a vendor's retry, or the same signed body under a new delivery key, is a duplicate whichever instance it
 * reaches). A first delivery is held for {@link #PENDING} only until its events are in the log ({@link #recorded},
 * then the full TTL): should Redis fail between the two, and the keys could not be deleted, they lapse by themselves
 * and the vendor's retry is taken (the log's event-key dedupe keeps that from logging anything twice). Redis
 * unavailable: {@link #firstDelivery} throws {@link EventStoreUnavailableException} (the webhook answers 503 and the
 * vendor retries).
 */
public final class RedisDeliveryDedupe implements DeliveryDedupe {

    private static final Logger LOG = LoggerFactory.getLogger(RedisDeliveryDedupe.class);

    /** How long a delivery whose events are not yet recorded is held. */
    static final Duration PENDING = Duration.ofSeconds(30);

    /** KEYS: delivery key, content key; ARGV: seconds to hold them. 1 when both were set, 0 when either existed. */
    private static final String FIRST = """
            if redis.call('EXISTS', KEYS[1], KEYS[2]) > 0 then
              return 0
            end
            redis.call('SET', KEYS[1], '1', 'EX', ARGV[1])
            redis.call('SET', KEYS[2], '1', 'EX', ARGV[1])
            return 1
            """;

    private final EventsRedis redis;
    private final long ttlSeconds;

    public RedisDeliveryDedupe(EventsRedis redis, Duration ttl) {
        this.redis = redis;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    String deliveryKey(Delivery delivery) {
        return redis.key(":delivery:" + delivery.accountId() + ":" + delivery.deliveryKey());
    }

    String contentKey(Delivery delivery) {
        return redis.key(":content:" + delivery.connectorId() + ":" + delivery.accountId() + ":" + delivery.bodySha256());
    }

    @Override
    public boolean firstDelivery(Delivery delivery) {
        Long set = redis.call("recording a webhook delivery", commands -> redis.script(commands, FIRST, ScriptOutputType.INTEGER,
                new String[] {deliveryKey(delivery), contentKey(delivery)}, String.valueOf(Math.min(ttlSeconds, PENDING.toSeconds()))));
        return set != null && set == 1L;
    }

    @Override
    public void recorded(Delivery delivery) {
        try {
            redis.call("recording a webhook delivery", commands -> {
                commands.set(deliveryKey(delivery), "1", SetArgs.Builder.xx().ex(ttlSeconds));
                return commands.set(contentKey(delivery), "1", SetArgs.Builder.xx().ex(ttlSeconds));
            });
        } catch (EventStoreUnavailableException e) {
            // the keys lapse after PENDING; a later retry is then taken and its events deduped by the log
            LOG.warn("a webhook delivery of account {} is remembered only briefly: {}", delivery.accountId(), e.getMessage());
        }
    }

    @Override
    public void forget(Delivery delivery) {
        try {
            redis.call("forgetting a webhook delivery", commands -> commands.del(deliveryKey(delivery), contentKey(delivery)));
        } catch (EventStoreUnavailableException e) {
            // the keys then expire with their TTL; until then the vendor's retries count as duplicates
            LOG.warn("a webhook delivery of account {} could not be forgotten: {}", delivery.accountId(), e.getMessage());
        }
    }
}

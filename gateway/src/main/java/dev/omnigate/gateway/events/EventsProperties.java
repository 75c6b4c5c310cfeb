package dev.omnigate.gateway.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Change events ({@code omnigate.events.*}): webhook ingress, the event log and subscriptions; documented in
 * {@code config/README.md}. Invalid values stop startup with a message naming the key and the value.
 *
 * @param retention how many events the log keeps (oldest dropped first; in Redis approximately, at least this many);
 *     a cursor older than that gets {@code CURSOR_EXPIRED}
 * @param webhookMaxBodySize the largest webhook body accepted (larger: 413, nothing read further)
 * @param dedupeTtl how long a delivery key and an event key are remembered, so that a vendor's retries and replays
 *     have no effect
 * @param dedupeMaxEntries the most keys remembered in memory (oldest forgotten first)
 * @param subscriberBuffer events buffered for one slow subscriber before it is closed with a reason
 * @param polling the change pollers of accounts whose connector offers one
 * @param redisMaxAge the Redis event log also drops events older than this (0 = by length only); the in-memory log
 *     keeps by length only
 */
@ConfigurationProperties(prefix = "omnigate.events")
public record EventsProperties(@DefaultValue("100000") int retention, @DefaultValue("1MB") DataSize webhookMaxBodySize,
        @DefaultValue("24h") Duration dedupeTtl, @DefaultValue("1000000") long dedupeMaxEntries,
        @DefaultValue("1000") int subscriberBuffer, @DefaultValue Polling polling, @DefaultValue("7d") Duration redisMaxAge) {

    /**
     * @param enabled whether accounts with a change poller are polled
     * @param minInterval the shortest interval between two polls of one account, whatever the connector suggests
     * @param timeout how long one poll may take
     * @param leaseTtl with Redis: how long an instance's lease on polling an account lasts without renewal (renewed
     *     every third of it); after the holder dies another instance takes over within about this long
     */
    public record Polling(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration minInterval,
            @DefaultValue("30s") Duration timeout, @DefaultValue("15s") Duration leaseTtl) {
        public Polling {
            if (leaseTtl.toMillis() < 3) {
                throw new IllegalArgumentException("omnigate.events.polling.lease-ttl must be at least 3ms, but was " + leaseTtl);
            }
            if (minInterval.isNegative() || minInterval.isZero()) {
                throw new IllegalArgumentException("omnigate.events.polling.min-interval must be positive, but was " + minInterval);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("omnigate.events.polling.timeout must be positive, but was " + timeout);
            }
        }
    }

    public EventsProperties {
        if (retention < 1) {
            throw new IllegalArgumentException("omnigate.events.retention must be at least 1, but was " + retention);
        }
        if (webhookMaxBodySize.toBytes() < 1 || webhookMaxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("omnigate.events.webhook-max-body-size must be between 1B and 2GB, but was "
                    + webhookMaxBodySize);
        }
        if (dedupeTtl.isNegative() || dedupeTtl.isZero()) {
            throw new IllegalArgumentException("omnigate.events.dedupe-ttl must be positive, but was " + dedupeTtl);
        }
        if (dedupeMaxEntries < 1) {
            throw new IllegalArgumentException("omnigate.events.dedupe-max-entries must be at least 1, but was " + dedupeMaxEntries);
        }
        if (redisMaxAge.isNegative()) {
            throw new IllegalArgumentException("omnigate.events.redis-max-age must not be negative, but was " + redisMaxAge);
        }
        if (subscriberBuffer < 1) {
            throw new IllegalArgumentException("omnigate.events.subscriber-buffer must be at least 1, but was " + subscriberBuffer);
        }
    }
}

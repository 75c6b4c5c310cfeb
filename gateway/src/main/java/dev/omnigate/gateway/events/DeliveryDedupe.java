package dev.omnigate.gateway.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Remembers webhook delivery keys (Shopify {@code X-Shopify-Webhook-Id}, Square {@code event_id} ...) so a vendor's
 * retry of a delivery has no effect. In memory and bounded: keys are forgotten after the TTL or when the oldest must
 * make room. Thread-safe.
 */
public final class DeliveryDedupe {

    private final Cache<String, Boolean> seen;

    public DeliveryDedupe(Duration ttl, long maxEntries) {
        this.seen = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    /** True the first time a key of an account is offered, false for every repeat within the TTL. */
    public boolean firstDelivery(String accountId, String deliveryKey) {
        return seen.asMap().putIfAbsent(accountId + "\u0000" + deliveryKey, Boolean.TRUE) == null;
    }

    /** Forgets a key again (its events could not be recorded, so the vendor's retry must count). */
    public void forget(String accountId, String deliveryKey) {
        seen.invalidate(accountId + "\u0000" + deliveryKey);
    }
}

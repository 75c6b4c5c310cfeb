package dev.omnigate.gateway.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/** Delivery keys in this instance's memory: bounded, forgotten after the TTL or when the oldest must make room. */
final class InMemoryDeliveryDedupe implements DeliveryDedupe {

    private final Cache<String, Boolean> seen;

    InMemoryDeliveryDedupe(Duration ttl, long maxEntries) {
        this.seen = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    @Override
    public boolean firstDelivery(String accountId, String deliveryKey) {
        return seen.asMap().putIfAbsent(accountId + "\u0000" + deliveryKey, Boolean.TRUE) == null;
    }

    @Override
    public void forget(String accountId, String deliveryKey) {
        seen.invalidate(accountId + "\u0000" + deliveryKey);
    }
}

package dev.omnigate.gateway.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Deliveries in this instance's memory, two entries each (the delivery key, the body's hash): bounded, forgotten after
 * the TTL or when the oldest must make room. Looking both up and remembering both is one atomic step.
 */
final class InMemoryDeliveryDedupe implements DeliveryDedupe {

    private final Cache<String, Boolean> seen;

    InMemoryDeliveryDedupe(Duration ttl, long maxEntries) {
        this.seen = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    private static String deliveryKey(Delivery delivery) {
        return "delivery\u0000" + delivery.accountId() + "\u0000" + delivery.deliveryKey();
    }

    private static String contentKey(Delivery delivery) {
        return "content\u0000" + delivery.connectorId() + "\u0000" + delivery.accountId() + "\u0000" + delivery.bodySha256();
    }

    @Override
    public synchronized boolean firstDelivery(Delivery delivery) {
        // two keys checked and set together: a webhook costs microseconds here, so one lock is no bottleneck
        String key = deliveryKey(delivery);
        String content = contentKey(delivery);
        if (seen.getIfPresent(key) != null || seen.getIfPresent(content) != null) {
            return false;
        }
        seen.put(key, Boolean.TRUE);
        seen.put(content, Boolean.TRUE);
        return true;
    }

    @Override
    public synchronized void forget(Delivery delivery) {
        seen.invalidate(deliveryKey(delivery));
        seen.invalidate(contentKey(delivery));
    }
}

package dev.omnigate.gateway.events;

import java.time.Duration;

/**
 * Remembers webhook delivery keys (Shopify {@code X-Shopify-Webhook-Id}, Square {@code event_id} ...) so a vendor's
 * retry of a delivery has no effect. Thread-safe. In memory and bounded by default ({@link #inMemory}); shared by all
 * instances on Redis when it is configured ({@link RedisDeliveryDedupe}).
 */
public interface DeliveryDedupe {

    /**
     * True the first time a key of an account is offered, false for every repeat within the TTL.
     *
     * @throws EventStoreUnavailableException when the shared store cannot answer (the webhook is then refused with 503)
     */
    boolean firstDelivery(String accountId, String deliveryKey);

    /**
     * The delivery's events are in the log: remember its key for the full TTL. (A store may hold a first delivery only
     * briefly until then, so that a key whose events were never recorded cannot shadow the vendor's retries.)
     */
    default void recorded(String accountId, String deliveryKey) {
    }

    /** Forgets a key again (its events could not be recorded, so the vendor's retry must count). Never throws. */
    void forget(String accountId, String deliveryKey);

    /** Keys forgotten after {@code ttl} or when the oldest must make room for {@code maxEntries}. */
    static DeliveryDedupe inMemory(Duration ttl, long maxEntries) {
        return new InMemoryDeliveryDedupe(ttl, maxEntries);
    }
}

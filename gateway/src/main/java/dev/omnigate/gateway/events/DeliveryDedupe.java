package dev.omnigate.gateway.events;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Remembers webhook deliveries so that a vendor's retry, or a replay, has no effect: by the vendor's delivery key
 * (Shopify {@code X-Shopify-Webhook-Id}, Square {@code event_id} ...) and by the SHA-256 of the verified body per
 * connector and account, so that a signed body sent again under a new delivery key (the signature covers the body,
 * not the key) is a duplicate too. Thread-safe. In memory and bounded by default ({@link #inMemory}); shared by all
 * instances on Redis when it is configured ({@link RedisDeliveryDedupe}).
 */
public interface DeliveryDedupe {

    /**
     * One accepted delivery, as the dedupe knows it.
     *
     * @param connectorId the account's connector
     * @param accountId the account it was sent to
     * @param deliveryKey the vendor's idempotency key of the delivery
     * @param bodySha256 the lower-case hex SHA-256 of the body as received (and verified)
     */
    record Delivery(String connectorId, String accountId, String deliveryKey, String bodySha256) {

        public Delivery {
            requireNonNull(connectorId, "connectorId is null");
            requireNonNull(accountId, "accountId is null");
            requireNonNull(deliveryKey, "deliveryKey is null");
            requireNonNull(bodySha256, "bodySha256 is null");
        }

        /** The delivery of {@code body} under {@code deliveryKey}, its body hashed. */
        public static Delivery of(String connectorId, String accountId, String deliveryKey, byte[] body) {
            try {
                return new Delivery(connectorId, accountId, deliveryKey,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    /**
     * True the first time a delivery is offered; false for every repeat within the TTL: the same delivery key of the
     * account, or the same body for the connector and account. Both are remembered from here on.
     *
     * @throws EventStoreUnavailableException when the shared store cannot answer (the webhook is then refused with 503)
     */
    boolean firstDelivery(Delivery delivery);

    /**
     * The delivery's events are in the log: remember it for the full TTL. (A store may hold a first delivery only
     * briefly until then, so that a delivery whose events were never recorded cannot shadow the vendor's retries.)
     */
    default void recorded(Delivery delivery) {
    }

    /** Forgets a delivery again, key and body (its events could not be recorded, so the vendor's retry must count). Never throws. */
    void forget(Delivery delivery);

    /** Deliveries forgotten after {@code ttl}, or when the oldest must make room for {@code maxEntries} (two per delivery). */
    static DeliveryDedupe inMemory(Duration ttl, long maxEntries) {
        return new InMemoryDeliveryDedupe(ttl, maxEntries);
    }
}

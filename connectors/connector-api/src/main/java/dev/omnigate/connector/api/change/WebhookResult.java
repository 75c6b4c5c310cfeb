package dev.omnigate.connector.api.change;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a {@link WebhookHandler} made of a request.
 *
 * @since 1.0
 */
public sealed interface WebhookResult {

    /**
     * The request is authentic. The host dedupes on {@code deliveryKey}, appends the events, and answers
     * 200. A verified notification of a topic the connector ignores is accepted with no events (so the
     * vendor stops retrying).
     *
     * @param deliveryKey the vendor's idempotency key for this delivery (e.g. {@code X-Shopify-Webhook-Id})
     * @param events normalised events, possibly empty
     */
    record Accepted(String deliveryKey, List<ChangeEvent> events) implements WebhookResult {
        public Accepted {
            requireNonNull(deliveryKey, "deliveryKey is null");
            events = List.copyOf(events);
        }
    }

    /**
     * The request is refused; the host answers 401 ({@link Reason#UNVERIFIED}) or 400
     * ({@link Reason#MALFORMED}) and has no side effect.
     *
     * @param reason why
     * @param message what is wrong, for the operator log; never contains secrets or signatures
     */
    record Rejected(Reason reason, String message) implements WebhookResult {
        public Rejected {
            requireNonNull(reason, "reason is null");
            requireNonNull(message, "message is null");
        }
    }

    /** Why a webhook was refused. */
    enum Reason {
        /** Signature missing or wrong, or outside the replay window. */
        UNVERIFIED,
        /** Authentic but unparseable or missing required headers. */
        MALFORMED
    }
}

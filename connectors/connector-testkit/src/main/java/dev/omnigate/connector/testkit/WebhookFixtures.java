package dev.omnigate.connector.testkit;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.change.WebhookRequest;
import java.util.List;
import java.util.Set;

/**
 * How a vendor signs its webhooks, and deliveries with their expected outcome. Needed when the
 * connector declares {@code CHANGES_WEBHOOK}.
 */
public interface WebhookFixtures {

    /** Correctly signed deliveries (at least one), each with the events it must parse to. */
    List<WebhookCase> cases();

    /** {@code request} with {@code body} replacing its body, signed with the configured key. */
    WebhookRequest resign(WebhookRequest request, byte[] body);

    /** {@code request} unchanged except for a signature computed with a key that is not the configured one. */
    WebhookRequest forge(WebhookRequest request);

    /** The header names that carry the signature (removed together for the "missing signature" check). */
    Set<String> signatureHeaders();

    /**
     * One correctly signed delivery.
     *
     * @param name what it is, e.g. "orders/create"
     * @param request the signed request
     * @param expectedDeliveryKey the vendor's idempotency key for the delivery
     * @param expectedEvents the events it parses to, in order (empty for an ignored topic)
     */
    record WebhookCase(String name, WebhookRequest request, String expectedDeliveryKey, List<ExpectedEvent> expectedEvents) {
        public WebhookCase {
            requireNonNull(name, "name is null");
            requireNonNull(request, "request is null");
            requireNonNull(expectedDeliveryKey, "expectedDeliveryKey is null");
            expectedEvents = List.copyOf(expectedEvents);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}

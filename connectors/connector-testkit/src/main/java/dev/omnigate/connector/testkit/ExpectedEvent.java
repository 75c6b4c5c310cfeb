package dev.omnigate.connector.testkit;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import java.time.Instant;

/**
 * What a {@link ChangeEvent} parsed from a webhook must say. {@code eventKey} is not given: the kit
 * checks it is non-blank and stable across two parses of the same delivery.
 *
 * @param entityType expected entity type
 * @param nativeId expected {@code entity().nativeId()}
 * @param kind expected change kind
 * @param topic expected vendor topic
 * @param sku expected SKU; null when the vendor's payload carries none
 * @param occurredAt expected time, or null to skip that check
 */
public record ExpectedEvent(EntityType entityType, String nativeId, ChangeKind kind, String topic, String sku, Instant occurredAt) {

    public ExpectedEvent {
        requireNonNull(entityType, "entityType is null");
        requireNonNull(nativeId, "nativeId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(topic, "topic is null");
    }

    /** Whether {@code event} says what this expectation says. */
    public boolean matches(ChangeEvent event) {
        return event.entityType() == entityType
                && nativeId.equals(event.entity().nativeId())
                && event.kind() == kind
                && topic.equals(event.topic())
                && java.util.Objects.equals(sku, event.sku())
                && (occurredAt == null || occurredAt.equals(event.occurredAt()));
    }
}

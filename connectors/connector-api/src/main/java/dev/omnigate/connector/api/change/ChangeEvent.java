package dev.omnigate.connector.api.change;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.SourceRef;
import java.time.Instant;
import java.util.Optional;

/**
 * A normalised change a vendor told us about (by webhook) or that we found (by polling).
 *
 * @param eventKey deterministic, unique per change: the same vendor notification, delivered twice,
 *     yields the same key; the host dedupes on it
 * @param entityType what kind of record changed
 * @param entity the record that changed ({@code nativeId} is the vendor's id of that record)
 * @param kind created, updated or deleted
 * @param occurredAt when the vendor says it happened (not when we received it)
 * @param topic the vendor's own event name, e.g. {@code orders/updated}
 * @param sku for inventory and price changes, the seller SKU when the vendor sent it; nullable
 * @param inventoryLevel for inventory changes, the new level when the vendor sent enough to build it;
 *     nullable (the host then re-reads the level)
 * @since 1.0
 */
public record ChangeEvent(
        String eventKey,
        EntityType entityType,
        SourceRef entity,
        ChangeKind kind,
        Instant occurredAt,
        String topic,
        String sku,
        InventoryLevel inventoryLevel) {

    public ChangeEvent {
        requireNonNull(eventKey, "eventKey is null");
        requireNonNull(entityType, "entityType is null");
        requireNonNull(entity, "entity is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(topic, "topic is null");
    }

    public Optional<InventoryLevel> inventory() {
        return Optional.ofNullable(inventoryLevel);
    }
}

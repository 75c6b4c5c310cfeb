package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.model.SourceRef;
import java.time.Instant;

/**
 * The GraphQL {@code InventoryChange}.
 *
 * @param cursor the resume cursor (the logged event's sequence)
 * @param source the changed record
 * @param sku the seller SKU when the channel named it
 * @param locationId the Location's global id when the channel named the location
 * @param available after the change, when known
 * @param onHand after the change, when known
 * @param delta against the previous change of the same level seen by this gateway; null for the first
 * @param occurredAt when the channel says it happened
 * @param topic the channel's event name
 */
public record InventoryChangeView(String cursor, SourceRef source, String sku, String locationId, Long available, Long onHand,
        Long delta, Instant occurredAt, String topic) {
}

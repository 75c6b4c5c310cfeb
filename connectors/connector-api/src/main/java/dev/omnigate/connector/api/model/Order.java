package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * An order on one channel.
 *
 * @param source where this record lives
 * @param name the human order number shown to the customer (Shopify {@code #1001}); nullable
 * @param customerId native id of the channel's customer record; null for guest or marketplace orders
 * @param buyerEmail the email the order was placed with (a relay address on marketplaces); nullable
 * @param createdAt when the order was placed
 * @param updatedAt last change; nullable
 * @param status normalised state
 * @param rawStatus the vendor's own status string(s), kept for display and debugging
 * @param fulfillmentMethod how it reaches the customer
 * @param total the order total in the shop's currency
 * @param lines the order lines
 * @param locationId native id of the store or location that sold or fulfils it; nullable
 * @since 1.0
 */
public record Order(
        SourceRef source,
        String name,
        String customerId,
        EmailAddress buyerEmail,
        Instant createdAt,
        Instant updatedAt,
        OrderStatus status,
        String rawStatus,
        FulfillmentMethod fulfillmentMethod,
        Money total,
        List<OrderLine> lines,
        String locationId) {

    public Order {
        requireNonNull(source, "source is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(status, "status is null");
        requireNonNull(rawStatus, "rawStatus is null");
        requireNonNull(fulfillmentMethod, "fulfillmentMethod is null");
        requireNonNull(total, "total is null");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}

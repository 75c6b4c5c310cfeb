package dev.omnigate.connector.api.read;

import java.time.Instant;

/**
 * Filters for an order search. All fields are optional and combine with AND; a reader refuses with
 * {@code UNSUPPORTED} a filter its vendor cannot apply rather than silently ignoring it.
 *
 * @param createdAfter inclusive lower bound of the creation time
 * @param createdBefore exclusive upper bound of the creation time
 * @param updatedAfter inclusive lower bound of the last update
 * @param customerId native customer id
 * @param buyerEmail email the order was placed with (normalised by the host)
 * @since 1.0
 */
public record OrderQuery(Instant createdAfter, Instant createdBefore, Instant updatedAfter, String customerId, String buyerEmail) {

    public OrderQuery {
        if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
            throw new IllegalArgumentException("createdAfter must be before createdBefore, but was "
                    + createdAfter + " >= " + createdBefore);
        }
    }

    public static OrderQuery all() {
        return new OrderQuery(null, null, null, null, null);
    }

    public static OrderQuery createdBetween(Instant after, Instant before) {
        return new OrderQuery(after, before, null, null, null);
    }

    public static OrderQuery updatedSince(Instant after) {
        return new OrderQuery(null, null, after, null, null);
    }

    public static OrderQuery ofCustomer(String customerId) {
        return new OrderQuery(null, null, null, customerId, null);
    }

    public static OrderQuery byBuyerEmail(String email) {
        return new OrderQuery(null, null, null, null, email);
    }
}

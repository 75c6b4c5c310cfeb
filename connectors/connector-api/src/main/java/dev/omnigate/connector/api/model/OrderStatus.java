package dev.omnigate.connector.api.model;

/**
 * Normalised order state. Connectors keep the vendor's own status next to it ({@code rawStatus}).
 *
 * @since 1.0
 */
public enum OrderStatus {
    /** Placed but not yet paid or confirmed. */
    PENDING,
    /** Paid or confirmed, nothing shipped or handed over yet. */
    OPEN,
    /** Some lines fulfilled. */
    PARTIALLY_FULFILLED,
    /** Everything shipped, picked up or handed over. */
    FULFILLED,
    /** Cancelled before fulfilment. */
    CANCELLED,
    /** Refunded (fully) after payment. */
    REFUNDED,
    /** A status the connector cannot place; see the raw status. */
    UNKNOWN
}

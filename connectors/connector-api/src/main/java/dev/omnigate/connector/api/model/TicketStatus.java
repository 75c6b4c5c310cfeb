package dev.omnigate.connector.api.model;

/**
 * Normalised support-ticket state; connectors keep the vendor's status next to it.
 *
 * @since 1.0
 */
public enum TicketStatus {
    NEW,
    OPEN,
    PENDING,
    ON_HOLD,
    SOLVED,
    CLOSED,
    UNKNOWN
}

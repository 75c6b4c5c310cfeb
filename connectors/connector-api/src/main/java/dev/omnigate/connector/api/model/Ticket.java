package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A support ticket.
 *
 * @param source where this record lives
 * @param requesterId native id of the helpdesk user who asked
 * @param requesterEmail the address the ticket was sent from; nullable
 * @param subject nullable
 * @param status normalised state
 * @param rawStatus the vendor's status
 * @param createdAt when it was opened
 * @param updatedAt last change; nullable
 * @since 1.0
 */
public record Ticket(
        SourceRef source,
        String requesterId,
        EmailAddress requesterEmail,
        String subject,
        TicketStatus status,
        String rawStatus,
        Instant createdAt,
        Instant updatedAt) {

    public Ticket {
        requireNonNull(source, "source is null");
        requireNonNull(status, "status is null");
        requireNonNull(rawStatus, "rawStatus is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}

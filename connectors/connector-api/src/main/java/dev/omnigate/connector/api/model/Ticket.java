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
 * @param externalId the helpdesk's link to a record in another system (Zendesk {@code external_id}); for a ticket
 *     sent from a marketplace relay address it is the id of the marketplace order the ticket is about, which the
 *     host uses to join that order. Nullable. Since 1.1.
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
        Instant updatedAt,
        String externalId) {

    public Ticket {
        requireNonNull(source, "source is null");
        requireNonNull(status, "status is null");
        requireNonNull(rawStatus, "rawStatus is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** A ticket without an external link (the 1.0 shape). */
    public Ticket(SourceRef source, String requesterId, EmailAddress requesterEmail, String subject, TicketStatus status,
            String rawStatus, Instant createdAt, Instant updatedAt) {
        this(source, requesterId, requesterEmail, subject, status, rawStatus, createdAt, updatedAt, null);
    }
}

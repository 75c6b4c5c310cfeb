package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A helpdesk ticket.
 *
 * @param key the world's stable key, e.g. {@code T0001}
 * @param nativeId the helpdesk's ticket id
 * @param personKey the requester's {@link Person#key()}
 * @param requesterEmail the address the request came from, as the helpdesk holds it (may be a relay)
 * @param subject subject line
 * @param description first message
 * @param status current state
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 * @param orderKey the {@link Order#key()} it is about, or null
 */
public record Ticket(String key, String nativeId, String personKey, String requesterEmail, String subject,
        String description, TicketStatus status, Instant createdAt, Instant updatedAt, String orderKey) {

    public Ticket {
        requireNonNull(key, "key is null");
        requireNonNull(nativeId, "nativeId is null");
        requireNonNull(personKey, "personKey is null");
        requireNonNull(requesterEmail, "requesterEmail is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(description, "description is null");
        requireNonNull(status, "status is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}

package dev.omnigate.gateway.events;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.change.ChangeEvent;
import java.time.Instant;

/**
 * One change as the event log holds it.
 *
 * @param sequence its position in the log: strictly increasing, the resume cursor of subscribers
 * @param connectorId the connector that reported it
 * @param event the normalised change
 * @param loggedAt when the gateway appended it
 * @param delta for an inventory change that carries its new level: the change of {@code available} against the
 *     previous logged change of the same level; null for the first one or without a level
 * @param locationId for an inventory change, the native id of its location: from the event's level, else as the
 *     appending instance had learned it (so every instance can name and filter it); null when unknown
 */
public record LoggedEvent(long sequence, String connectorId, ChangeEvent event, Instant loggedAt, Long delta, String locationId) {

    public LoggedEvent {
        requireNonNull(connectorId, "connectorId is null");
        requireNonNull(event, "event is null");
        requireNonNull(loggedAt, "loggedAt is null");
        if (locationId == null && event.inventoryLevel() != null) {
            locationId = event.inventoryLevel().locationId();
        }
    }

    /** An event whose location is only what its own level names. */
    public LoggedEvent(long sequence, String connectorId, ChangeEvent event, Instant loggedAt, Long delta) {
        this(sequence, connectorId, event, loggedAt, delta, null);
    }

    /** The account the change belongs to. */
    public String accountId() {
        return event.entity().account();
    }

    /** The cursor a client passes back as {@code after}. */
    public String cursor() {
        return EventCursor.encode(sequence);
    }
}

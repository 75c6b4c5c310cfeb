package dev.omnigate.connector.api.change;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One poll's result.
 *
 * @param events changes after the cursor that was passed in, oldest first
 * @param nextCursor where the next poll continues; the host stores it only after the events are safely
 *     in its log
 * @since 1.0
 */
public record ChangeBatch(List<ChangeEvent> events, String nextCursor) {

    public ChangeBatch {
        events = List.copyOf(events);
        requireNonNull(nextCursor, "nextCursor is null");
    }
}

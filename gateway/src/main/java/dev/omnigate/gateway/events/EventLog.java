package dev.omnigate.gateway.events;

import dev.omnigate.connector.api.change.ChangeEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The append-only log of change events. Sequences are strictly increasing and are the subscribers' resume cursors.
 * Implementations are thread-safe.
 */
public interface EventLog extends AutoCloseable {

    /**
     * Appends the events of one connector, skipping those whose {@code eventKey} was appended before (within the dedupe
     * window), and notifies the listeners in sequence order.
     *
     * @return what was appended, in order (empty when everything was a duplicate)
     */
    default List<LoggedEvent> append(String connectorId, List<ChangeEvent> events) {
        return append(connectorId, events, event -> null);
    }

    /**
     * As {@link #append(String, List)}, recording with each inventory change whose level names no location the one
     * {@code locations} knows for it (the appending instance's {@link LevelIndex}), so that every instance reading the
     * log can name and filter it.
     */
    List<LoggedEvent> append(String connectorId, List<ChangeEvent> events, Function<ChangeEvent, String> locations);

    /**
     * Up to {@code max} events after {@code sequence}, oldest first.
     *
     * @throws CursorExpiredException when events after {@code sequence} were already dropped by retention
     */
    List<LoggedEvent> readAfter(long sequence, int max);

    /** The sequence of the newest event; 0 when nothing was ever appended. */
    long latestSequence();

    /**
     * Calls {@code listener} for every event appended from now on, in sequence order — in memory on the appending
     * thread, on Redis on the log's reader thread for events any instance appended (the listener must hand off
     * quickly). An event may also reach a listener that registered just after it was appended (listeners drop what
     * they already have), but none appended after registration is missed. Closing the returned handle stops the calls.
     */
    AutoCloseable listen(Consumer<LoggedEvent> listener);

    @Override
    void close();
}

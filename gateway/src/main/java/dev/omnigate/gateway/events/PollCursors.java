package dev.omnigate.gateway.events;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each account's change-poll cursor is kept between polls: committed only after the poll's events are in the
 * event log. In memory by default ({@link #inMemory}: a restart starts each poller afresh from "now", as the SPI
 * defines a null cursor); in Redis when configured ({@link RedisPollCursors}: shared by every instance and kept across
 * restarts). Thread-safe.
 */
public interface PollCursors {

    /** @throws EventStoreUnavailableException when the shared store cannot answer (the poll is then skipped) */
    Optional<String> get(String accountId);

    /** @throws EventStoreUnavailableException when the shared store cannot take it (the poll is then repeated) */
    void commit(String accountId, String cursor);

    static PollCursors inMemory() {
        Map<String, String> cursors = new ConcurrentHashMap<>();
        return new PollCursors() {
            @Override
            public Optional<String> get(String accountId) {
                return Optional.ofNullable(cursors.get(accountId));
            }

            @Override
            public void commit(String accountId, String cursor) {
                cursors.put(accountId, cursor);
            }
        };
    }
}

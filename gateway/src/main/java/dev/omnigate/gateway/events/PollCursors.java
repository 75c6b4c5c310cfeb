package dev.omnigate.gateway.events;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each account's change-poll cursor is kept between polls: committed only after the poll's events are in the
 * event log. In memory by default (a restart starts each poller afresh from "now", as the SPI defines a null cursor).
 */
public class PollCursors {

    private final Map<String, String> cursors = new ConcurrentHashMap<>();

    public Optional<String> get(String accountId) {
        return Optional.ofNullable(cursors.get(accountId));
    }

    public void commit(String accountId, String cursor) {
        cursors.put(accountId, cursor);
    }
}

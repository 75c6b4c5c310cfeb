package dev.omnigate.gateway.events;

/** A resume cursor points before what the log still retains: the client must re-read state and start afresh. */
public final class CursorExpiredException extends RuntimeException {

    public CursorExpiredException(long oldestRetained) {
        super("the cursor is older than the event log's retention (the oldest retained event is "
                + EventCursor.encode(oldestRetained) + "); re-read the current state and subscribe without 'after'");
    }
}

package dev.omnigate.connector.api.change;

import dev.omnigate.connector.api.CallContext;
import java.time.Duration;

/**
 * Pulls changes for vendors (or accounts) without push notifications. Obtained from
 * {@link dev.omnigate.connector.api.Connector#changePoller()}. The connector produces events and
 * cursors; the host schedules polls, stores cursors and commits one only after the events are
 * published (Kafka Connect's offset rule).
 *
 * @since 1.0
 */
public interface ChangePoller {

    /** How often the vendor can reasonably be polled for this account. */
    Duration suggestedInterval();

    /**
     * Returns the changes after {@code cursor}.
     *
     * <p>Called by the host's scheduler on a virtual thread, never concurrently for one account.
     * {@code cursor} is null on the very first poll: the poller then starts from "now" (returning no
     * history) and hands back a cursor. Polling again from a returned cursor never yields an event
     * twice; a cursor from the future yields no events and the same cursor. Throws
     * {@link dev.omnigate.connector.api.error.ConnectorException} when the vendor call fails; the host
     * then retries from the same cursor.
     */
    ChangeBatch poll(CallContext context, String cursor);
}

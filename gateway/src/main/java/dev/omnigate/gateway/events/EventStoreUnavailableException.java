package dev.omnigate.gateway.events;

import dev.omnigate.gateway.error.ClientMessages;

/**
 * The shared event store (Redis) could not take or answer a command: down, unreachable or slower than the command
 * timeout. Webhook ingress answers 503 for it (the vendor retries; nothing accepted is lost); never carries a secret.
 */
public final class EventStoreUnavailableException extends RuntimeException {

    /** The message names what failed in plain words (clients see it); the cause stays attached for the log. */
    public EventStoreUnavailableException(String what, Throwable cause) {
        super("the event store (Redis) is unavailable: " + what + " failed (" + ClientMessages.describe(cause) + ")", cause);
    }

    public EventStoreUnavailableException(String what) {
        super("the event store (Redis) is unavailable: " + what + " failed (the connection is closed)");
    }
}

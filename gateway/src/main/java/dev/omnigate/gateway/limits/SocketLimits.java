package dev.omnigate.gateway.limits;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts each client's open WebSockets and subscriptions (on this instance) against
 * {@code omnigate.limits.connections.*}; the WebSocket handler asks before it accepts one and tells when one ends.
 * Thread-safe; a client's counters disappear when they reach zero, so the map holds only clients with open sockets.
 */
public final class SocketLimits {

    private final LimitsProperties.Connections limits;
    private final Map<String, AtomicInteger> sockets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> subscriptions = new ConcurrentHashMap<>();

    public SocketLimits(LimitsProperties.Connections limits) {
        this.limits = limits;
    }

    public LimitsProperties.Connections limits() {
        return limits;
    }

    /** Opens a socket for the client; the reason it may not when it already holds the most. */
    public Optional<String> openSocket(String client) {
        return take(sockets, client, limits.maxSocketsPerClient(), "client '" + client + "' already holds "
                + limits.maxSocketsPerClient() + " WebSockets (omnigate.limits.connections.max-sockets-per-client)");
    }

    public void closeSocket(String client) {
        give(sockets, client);
    }

    /** Starts a subscription of the client; the reason it may not. */
    public Optional<String> openSubscription(String client) {
        return take(subscriptions, client, limits.maxSubscriptionsPerClient(), "client '" + client + "' already holds "
                + limits.maxSubscriptionsPerClient() + " subscriptions (omnigate.limits.connections.max-subscriptions-per-client)");
    }

    public void closeSubscription(String client) {
        give(subscriptions, client);
    }

    private static Optional<String> take(Map<String, AtomicInteger> counters, String client, int max, String reason) {
        boolean[] taken = {false};
        counters.compute(client, (key, counter) -> {
            AtomicInteger current = counter == null ? new AtomicInteger() : counter;
            if (current.get() < max) {
                current.incrementAndGet();
                taken[0] = true;
            }
            return current.get() == 0 ? null : current;
        });
        return taken[0] ? Optional.empty() : Optional.of(reason);
    }

    private static void give(Map<String, AtomicInteger> counters, String client) {
        counters.computeIfPresent(client, (key, counter) -> counter.decrementAndGet() <= 0 ? null : counter);
    }
}

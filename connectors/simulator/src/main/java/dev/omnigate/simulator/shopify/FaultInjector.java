package dev.omnigate.simulator.shopify;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Queues faults for the next requests: {@code faults.next(2, Fault.serviceUnavailable())} makes the next two requests
 * answer 503, after which requests are served normally again. Faults apply in the order queued, one per request,
 * before authentication. Thread-safe.
 */
public final class FaultInjector {

    private final ConcurrentLinkedQueue<Fault> queue = new ConcurrentLinkedQueue<>();

    /** Makes the next {@code count} requests (after any already queued) suffer {@code fault}. */
    public void next(int count, Fault fault) {
        requireNonNull(fault, "fault is null");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        for (int i = 0; i < count; i++) {
            queue.add(fault);
        }
    }

    /** Faults still waiting for a request. */
    public int pending() {
        return queue.size();
    }

    /** Drops every queued fault. */
    public void clear() {
        queue.clear();
    }

    /** The fault for the request being handled, or null. */
    Fault poll() {
        return queue.poll();
    }
}

package dev.omnigate.simulator.shopify;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** A failure the simulator can be told to produce for test scenarios (see {@link FaultInjector}). */
public sealed interface Fault {

    /** Answer HTTP 503 {@code {"errors":"Service Unavailable"}} without looking at the request. */
    record ServiceUnavailable() implements Fault {
    }

    /**
     * Answer HTTP 200 with Shopify's {@code THROTTLED} error, as if the bucket were empty
     * ({@code currentlyAvailable: 0}); the bucket itself is not charged.
     */
    record Throttled() implements Fault {
    }

    /** Wait this long, then answer normally. */
    record Delay(Duration delay) implements Fault {
        public Delay {
            requireNonNull(delay, "delay is null");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, was " + delay);
            }
        }
    }

    static Fault serviceUnavailable() {
        return new ServiceUnavailable();
    }

    static Fault throttled() {
        return new Throttled();
    }

    static Fault delay(Duration delay) {
        return new Delay(delay);
    }
}

package dev.omnigate.simulator.square;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** A failure the Square simulator produces for the next request(s), in Square's wire shape. */
public sealed interface SquareFault {

    /** HTTP 429 {@code RATE_LIMITED} ({@code RATE_LIMIT_ERROR}), without {@code Retry-After}, as Square sends it. */
    record RateLimited() implements SquareFault {
    }

    /** HTTP 503 {@code SERVICE_UNAVAILABLE} ({@code API_ERROR}). */
    record ServiceUnavailable() implements SquareFault {
    }

    /** Wait this long, then answer normally. */
    record Delay(Duration delay) implements SquareFault {
        public Delay {
            requireNonNull(delay, "delay is null");
        }
    }

    static SquareFault rateLimited() {
        return new RateLimited();
    }

    static SquareFault serviceUnavailable() {
        return new ServiceUnavailable();
    }

    static SquareFault delay(Duration delay) {
        return new Delay(delay);
    }
}

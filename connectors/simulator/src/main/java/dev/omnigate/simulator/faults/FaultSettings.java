package dev.omnigate.simulator.faults;

/**
 * The faults one vendor simulator suffers, applied to every request in this order: {@code down} (answer 503 at once),
 * added latency ({@code latencyMs} plus a uniformly random {@code 0..jitterMs}), a connection reset with probability
 * {@code resetRate}, an error answer ({@code status}, in the vendor's error shape) with probability {@code errorRate},
 * a malformed (truncated, unparseable) JSON body with HTTP 200 with probability {@code malformedRate}; otherwise the
 * simulator answers normally. Immutable; every value is validated.
 *
 * @param latencyMs fixed delay added before answering, ms, ≥ 0
 * @param jitterMs up to this many further ms, uniformly random, ≥ 0
 * @param errorRate share of requests answered with {@code status}, 0..1
 * @param status the error status: 429 (with {@code Retry-After} where the vendor sends one) or 500..599
 * @param retryAfterSeconds the {@code Retry-After} value of 429 (and 503) answers, ≥ 0
 * @param resetRate share of requests whose connection is closed without an answer, 0..1
 * @param malformedRate share of requests answered 200 with a truncated JSON body, 0..1
 * @param down every request fails with 503 (the vendor's outage answer), whatever the other settings
 */
public record FaultSettings(long latencyMs, long jitterMs, double errorRate, int status, long retryAfterSeconds,
        double resetRate, double malformedRate, boolean down) {

    /** The default error status: 503 Service Unavailable. */
    public static final int DEFAULT_STATUS = 503;

    /** The default {@code Retry-After}: 1 second. */
    public static final long DEFAULT_RETRY_AFTER_SECONDS = 1;

    /** No fault: the simulator answers normally. */
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, DEFAULT_STATUS, DEFAULT_RETRY_AFTER_SECONDS, 0, 0, false);

    public FaultSettings {
        nonNegative("latencyMs", latencyMs);
        nonNegative("jitterMs", jitterMs);
        nonNegative("retryAfterSeconds", retryAfterSeconds);
        // an hour of added latency is certainly a typo, and would park a simulator thread for that long
        if (latencyMs > 3_600_000 || jitterMs > 3_600_000) {
            throw new InvalidFaultException(latencyMs > 3_600_000 ? "latencyMs" : "jitterMs", "must be at most 3600000 (one hour)");
        }
        rate("errorRate", errorRate);
        rate("resetRate", resetRate);
        rate("malformedRate", malformedRate);
        if (status != 429 && (status < 500 || status > 599)) {
            throw new InvalidFaultException("status", "must be 429 or within 500..599, was " + status);
        }
    }

    /** Only a fixed latency. */
    public static FaultSettings latency(long latencyMs) {
        return NONE.withLatency(latencyMs, 0);
    }

    /** Every request fails with 503. */
    public static FaultSettings outage() {
        return NONE.withDown(true);
    }

    public FaultSettings withLatency(long newLatencyMs, long newJitterMs) {
        return new FaultSettings(newLatencyMs, newJitterMs, errorRate, status, retryAfterSeconds, resetRate, malformedRate, down);
    }

    public FaultSettings withErrors(double newErrorRate, int newStatus) {
        return new FaultSettings(latencyMs, jitterMs, newErrorRate, newStatus, retryAfterSeconds, resetRate, malformedRate, down);
    }

    public FaultSettings withRetryAfterSeconds(long seconds) {
        return new FaultSettings(latencyMs, jitterMs, errorRate, status, seconds, resetRate, malformedRate, down);
    }

    public FaultSettings withResetRate(double rate) {
        return new FaultSettings(latencyMs, jitterMs, errorRate, status, retryAfterSeconds, rate, malformedRate, down);
    }

    public FaultSettings withMalformedRate(double rate) {
        return new FaultSettings(latencyMs, jitterMs, errorRate, status, retryAfterSeconds, resetRate, rate, down);
    }

    public FaultSettings withDown(boolean newDown) {
        return new FaultSettings(latencyMs, jitterMs, errorRate, status, retryAfterSeconds, resetRate, malformedRate, newDown);
    }

    /** Whether these settings leave every request alone. */
    public boolean isNone() {
        return !down && latencyMs == 0 && jitterMs == 0 && errorRate == 0 && resetRate == 0 && malformedRate == 0;
    }

    private static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidFaultException(field, "must not be negative, was " + value);
        }
    }

    private static void rate(String field, double value) {
        // NaN fails both comparisons' negation, so it is refused too
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidFaultException(field, "must be within 0..1, was " + value);
        }
    }
}

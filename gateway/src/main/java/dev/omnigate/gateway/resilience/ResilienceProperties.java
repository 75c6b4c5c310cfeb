package dev.omnigate.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway protects itself and the vendors from each other ({@code omnigate.resilience.*}); every property is
 * documented in {@code config/README.md}. Invalid values stop startup with a message naming the key and the value.
 *
 * @param breaker the circuit breaker of each connector account
 * @param retry retries of idempotent reads
 */
@ConfigurationProperties(prefix = "omnigate.resilience")
public record ResilienceProperties(@DefaultValue Breaker breaker, @DefaultValue Retry retry) {

    /**
     * One circuit breaker per connector account. Transport errors, 5xx ({@code UNAVAILABLE}) and timeouts count as
     * failures; answers the vendor gave on purpose (4xx, {@code RATE_LIMITED}, not found ...) do not.
     *
     * @param enabled whether accounts get a breaker at all
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize how many of the latest calls the failure rate is computed over
     * @param minimumNumberOfCalls calls needed in the window before the rate counts
     * @param waitInOpen how long an open breaker refuses calls before letting probes through
     * @param permittedCallsInHalfOpen probe calls that decide whether the breaker closes again
     */
    public record Breaker(@DefaultValue("true") boolean enabled, @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration waitInOpen, @DefaultValue("3") int permittedCallsInHalfOpen) {

        public Breaker {
            require(failureRateThreshold > 0 && failureRateThreshold <= 100, "breaker.failure-rate-threshold",
                    failureRateThreshold, "must be above 0 and at most 100");
            require(slidingWindowSize >= 1, "breaker.sliding-window-size", slidingWindowSize, "must be at least 1");
            require(minimumNumberOfCalls >= 1, "breaker.minimum-number-of-calls", minimumNumberOfCalls, "must be at least 1");
            require(waitInOpen != null && waitInOpen.toMillis() >= 1, "breaker.wait-in-open", waitInOpen, "must be positive");
            require(permittedCallsInHalfOpen >= 1, "breaker.permitted-calls-in-half-open", permittedCallsInHalfOpen,
                    "must be at least 1");
        }
    }

    /**
     * Retries of idempotent reads that failed with {@code RATE_LIMITED}, {@code UNAVAILABLE} or {@code TIMEOUT}:
     * exponential backoff with full jitter, never shorter than the vendor's retry hint, never past the request's
     * deadline, and within a budget per account so that retries cannot multiply the load on a vendor in trouble.
     *
     * @param maxAttempts attempts in all, the first included (1 turns retries off)
     * @param initialBackoff the upper bound of the first jittered wait
     * @param multiplier how much the bound grows per attempt
     * @param maxBackoff the largest bound
     * @param budgetRatio retries allowed per first attempt, on average (0.1 = at most 10 % extra load per account)
     * @param minRetriesPerSecond retries always allowed per account and second, so that a quiet account can retry
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("50ms") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier, @DefaultValue("1s") Duration maxBackoff, @DefaultValue("0.1") double budgetRatio,
            @DefaultValue("1") int minRetriesPerSecond) {

        public Retry {
            require(maxAttempts >= 1 && maxAttempts <= 10, "retry.max-attempts", maxAttempts, "must be between 1 and 10");
            require(initialBackoff != null && initialBackoff.toMillis() >= 1, "retry.initial-backoff", initialBackoff, "must be positive");
            require(multiplier >= 1.0, "retry.multiplier", multiplier, "must be at least 1.0");
            require(maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0, "retry.max-backoff", maxBackoff,
                    "must be at least retry.initial-backoff");
            require(budgetRatio >= 0 && budgetRatio <= 1, "retry.budget-ratio", budgetRatio, "must be between 0 and 1");
            require(minRetriesPerSecond >= 0, "retry.min-retries-per-second", minRetriesPerSecond, "must not be negative");
        }
    }

    private static void require(boolean valid, String key, Object value, String rule) {
        if (!valid) {
            throw new IllegalArgumentException("omnigate.resilience." + key + " " + rule + ", but was " + value);
        }
    }
}

package dev.omnigate.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway protects itself and the vendors from each other ({@code omnigate.resilience.*}); every property is
 * documented in {@code config/README.md}. Invalid values stop startup with a message naming the key and the value.
 *
 * <p>Values that only make sense together (a vendor profile name, an override for an account) are checked against the
 * configured accounts by {@link ResiliencePlan} at startup; problems stop startup with
 * {@link InvalidResilienceSettingsException}.
 *
 * @param breaker the circuit breaker of each connector account
 * @param retry retries of idempotent reads
 * @param bulkhead the cap on concurrent calls per account
 * @param rateLimit the client-side rate limits: vendor profiles keyed by connector id
 * @param accounts per-account overrides, keyed by account id
 */
@ConfigurationProperties(prefix = "omnigate.resilience")
public record ResilienceProperties(@DefaultValue Breaker breaker, @DefaultValue Retry retry, @DefaultValue Bulkhead bulkhead,
        @DefaultValue RateLimiting rateLimit, Map<String, Account> accounts) {

    public ResilienceProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
    }

    /** The defaults of every setting (tests and code that runs without Spring). */
    public static ResilienceProperties defaults() {
        return new ResilienceProperties(new Breaker(true, 50, 20, 10, Duration.ofSeconds(10), 3),
                new Retry(3, Duration.ofMillis(50), 2.0, Duration.ofSeconds(1), 0.1, 1), Bulkhead.defaults(), RateLimiting.defaults(),
                Map.of());
    }

    /**
     * At most {@code maxConcurrentCalls} connector calls per account at once (a Resilience4j semaphore bulkhead), so
     * one slow vendor cannot tie up every request. A call that finds the bulkhead full waits up to {@code maxWait}
     * (never past its request's deadline) and then fails at once with {@code UNAVAILABLE}, retryable: a short wait
     * smooths bursts, a long queue would only turn into timeouts.
     *
     * @param enabled whether accounts get a bulkhead at all
     * @param maxConcurrentCalls calls in flight per account (overridable per account)
     * @param maxWait the longest a call waits for a free slot; 0 fails at once
     */
    public record Bulkhead(@DefaultValue("true") boolean enabled, @DefaultValue("16") int maxConcurrentCalls,
            @DefaultValue("50ms") Duration maxWait) {

        public Bulkhead {
            require(maxConcurrentCalls >= 1, "bulkhead.max-concurrent-calls", maxConcurrentCalls, "must be at least 1");
            require(maxWait != null && !maxWait.isNegative(), "bulkhead.max-wait", maxWait, "must not be negative");
        }

        static Bulkhead defaults() {
            return new Bulkhead(true, 16, Duration.ofMillis(50));
        }
    }

    /**
     * Client-side rate limits, so the gateway paces itself below a vendor's published limits instead of collecting
     * 429s. Each account gets the vendor profile of its connector id ({@link VendorProfiles} lists the built-in ones and
     * where their numbers come from); entries here change or add profiles. A call waits for a permit up to
     * {@code maxWait}, never past its request's deadline, and otherwise fails at once with {@code RATE_LIMITED}
     * (retryable, with the time to the next permit as hint) without calling the vendor; one request may take at most
     * {@code omnigate.limits.cost.vendor-share} of a limiter's window, so no single request drains it. Retries take a
     * permit too.
     *
     * @param enabled whether calls are rate-limited at all
     * @param maxWait the longest a call waits for a permit
     * @param unknownConnectorProfile the profile of accounts whose connector has none
     * @param profiles profiles by name (a connector id, or any name an account override refers to)
     */
    public record RateLimiting(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration maxWait,
            @DefaultValue(VendorProfiles.DEFAULT) String unknownConnectorProfile, Map<String, Profile> profiles) {

        public RateLimiting {
            require(maxWait != null && !maxWait.isNegative(), "rate-limit.max-wait", maxWait, "must not be negative");
            profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
        }

        static RateLimiting defaults() {
            return new RateLimiting(true, Duration.ofSeconds(1), VendorProfiles.DEFAULT, Map.of());
        }
    }

    /**
     * A rate limit as configured: {@code limit} calls per {@code period}, both optional so that a profile or override
     * can change one of them (checked when the accounts' plans are made).
     *
     * @param limit calls allowed per period
     * @param period the length of one period
     * @param operations limits of single operations (e.g. {@code "[orders.getByIds]"}), in addition to the account's
     */
    public record Profile(Integer limit, Duration period, Map<String, Limit> operations) {

        public Profile {
            operations = operations == null ? Map.of() : Map.copyOf(operations);
        }
    }

    /**
     * {@code limit} calls per {@code period} for one operation.
     *
     * @param limit calls allowed per period
     * @param period the length of one period
     */
    public record Limit(Integer limit, Duration period) {
    }

    /**
     * What one account does differently ({@code omnigate.resilience.accounts.<account>.*}).
     *
     * @param profile the vendor profile to use instead of its connector's
     * @param rateLimit limits that replace the profile's
     * @param bulkhead the account's own bulkhead size
     */
    public record Account(String profile, Profile rateLimit, AccountBulkhead bulkhead) {
    }

    /**
     * @param maxConcurrentCalls calls in flight for this account
     */
    public record AccountBulkhead(Integer maxConcurrentCalls) {
    }

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

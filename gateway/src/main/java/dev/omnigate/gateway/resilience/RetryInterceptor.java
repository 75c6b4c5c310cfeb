package dev.omnigate.gateway.resilience;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.connector.ConnectorCall;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries idempotent reads that failed with {@code RATE_LIMITED}, {@code UNAVAILABLE} or {@code TIMEOUT}, innermost
 * in the chain (so the breaker sees one outcome per call). Waits are exponential with full jitter, never shorter
 * than the vendor's retry hint ({@code Retry-After}), and a retry is made only when its wait ends before the
 * request's deadline and the account's {@link RetryBudget} allows it. A retry also takes a client-side rate-limit
 * permit ({@link RateLimiterInterceptor#acquireForRetry}) after its backoff; without one in time it is not made.
 * Counter {@code omnigate.connector.retries} (tags {@code account}, {@code outcome}: {@code retried},
 * {@code budget_exhausted}, {@code no_time_left}, {@code rate_limited}).
 */
public final class RetryInterceptor implements ConnectorCallInterceptor {

    private static final Set<ErrorCategory> RETRYABLE = EnumSet.of(ErrorCategory.RATE_LIMITED, ErrorCategory.UNAVAILABLE,
            ErrorCategory.TIMEOUT);

    private final ResilienceProperties.Retry settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Predicate<ConnectorCall> retryPermit;
    private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();

    public RetryInterceptor(ResilienceProperties.Retry settings, MeterRegistry meters, Clock clock) {
        this(settings, meters, clock, call -> true);
    }

    /**
     * @param retryPermit asked after the backoff of every retry (the rate limiter); false skips the retry
     */
    public RetryInterceptor(ResilienceProperties.Retry settings, MeterRegistry meters, Clock clock, Predicate<ConnectorCall> retryPermit) {
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.retryPermit = retryPermit;
    }

    @Override
    public <T> T intercept(ConnectorCall call, Supplier<T> next) {
        String account = call.account().accountId();
        RetryBudget budget = budgets.computeIfAbsent(account, id -> new RetryBudget(settings.budgetRatio(), settings.minRetriesPerSecond()));
        budget.recordAttempt();
        for (int attempt = 1; ; attempt++) {
            try {
                return next.get();
            } catch (ConnectorException failure) {
                if (!call.idempotentRead() || !RETRYABLE.contains(failure.category()) || attempt >= settings.maxAttempts()) {
                    throw failure;
                }
                Duration wait = waitBefore(attempt + 1, failure);
                if (wait.compareTo(call.context().remaining()) >= 0) {
                    count(account, "no_time_left");
                    throw failure;
                }
                if (!budget.tryWithdraw(clock.millis())) {
                    count(account, "budget_exhausted");
                    throw failure;
                }
                if (!pause(wait)) {
                    throw failure;
                }
                if (!retryPermit.test(call)) {
                    count(account, "rate_limited");
                    throw failure;
                }
                count(account, "retried");
            }
        }
    }

    /** Full jitter below the exponential bound, but never less than the vendor's hint. */
    Duration waitBefore(int attempt, ConnectorException failure) {
        double bound = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), attempt - 2);
        long capped = (long) Math.min(bound, settings.maxBackoff().toMillis());
        Duration jittered = Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped + 1));
        Duration hint = failure.retryAfter().orElse(Duration.ZERO);
        return hint.compareTo(jittered) > 0 ? hint : jittered;
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait); // a virtual thread: waiting costs no platform thread
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the invoker abandoned the call at the deadline
            return false;
        }
    }

    private void count(String account, String outcome) {
        if (meters != null) {
            meters.counter("omnigate.connector.retries", "account", account, "outcome", outcome).increment();
        }
    }
}

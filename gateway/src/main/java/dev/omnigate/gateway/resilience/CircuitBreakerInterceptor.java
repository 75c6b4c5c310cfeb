package dev.omnigate.gateway.resilience;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.connector.ConnectorCall;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One Resilience4j circuit breaker per connector account, around the retries: while a vendor is down its account
 * fails at once with {@code UNAVAILABLE} (retryable, with the time until the next probe as retry hint) instead of
 * making every request wait for it, and the other accounts still answer.
 *
 * <p>Metrics per account: gauge {@code omnigate.breaker.state} (tags {@code account}, {@code state}: 1 for the current
 * state, 0 for the others), gauge {@code omnigate.breaker.failure.rate} (percent, -1 until the window has enough
 * calls) and counter {@code omnigate.breaker.not.permitted} (calls skipped while open).
 */
public final class CircuitBreakerInterceptor implements ConnectorCallInterceptor {

    /** Failures that say the vendor (or the way to it) is unwell; everything else is an answer. */
    static final Set<ErrorCategory> COUNTED = EnumSet.of(ErrorCategory.UNAVAILABLE, ErrorCategory.TIMEOUT, ErrorCategory.INTERNAL);

    private final CircuitBreakerRegistry registry;
    private final Duration waitInOpen;
    private final MeterRegistry meters;

    public CircuitBreakerInterceptor(ResilienceProperties.Breaker settings) {
        this(settings, null);
    }

    /**
     * @param meters where the breaker gauges go; null for none
     */
    public CircuitBreakerInterceptor(ResilienceProperties.Breaker settings, MeterRegistry meters) {
        this.waitInOpen = settings.waitInOpen();
        this.meters = meters;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(CircuitBreakerInterceptor::counts)
                .build());
        if (meters != null) {
            registry.getEventPublisher().onEntryAdded(added -> register(added.getAddedEntry()));
        }
    }

    private void register(CircuitBreaker breaker) {
        String account = breaker.getName();
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("omnigate.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("Circuit breaker state per account: 1 for the current state")
                    .tag("account", account).tag("state", state.name().toLowerCase(java.util.Locale.ROOT)).register(meters);
        }
        Gauge.builder("omnigate.breaker.failure.rate", breaker, b -> b.getMetrics().getFailureRate())
                .description("Failure rate of the breaker's window in percent (-1 until enough calls)").baseUnit("percent")
                .tag("account", account).register(meters);
    }

    static boolean counts(Throwable failure) {
        return !(failure instanceof ConnectorException connector) || COUNTED.contains(connector.category());
    }

    /** The breaker of an account (created on first use); for health and metrics. */
    public CircuitBreaker breaker(String accountId) {
        return registry.circuitBreaker(accountId);
    }

    @Override
    public <T> T intercept(ConnectorCall call, Supplier<T> next) {
        CircuitBreaker breaker = breaker(call.account().accountId());
        try {
            return breaker.executeSupplier(next);
        } catch (CallNotPermittedException e) {
            if (meters != null) {
                meters.counter("omnigate.breaker.not.permitted", "account", call.account().accountId()).increment();
            }
            throw ConnectorException.builder(ErrorCategory.UNAVAILABLE, "account " + call.account().accountId()
                    + " is skipped: its circuit breaker is open after repeated failures").retryAfter(waitInOpen).build();
        }
    }
}

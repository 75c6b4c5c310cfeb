package dev.omnigate.gateway.resilience;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.connector.ConnectorCall;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One Resilience4j circuit breaker per connector account, around the retries: while a vendor is down its account
 * fails at once with {@code UNAVAILABLE} (retryable, with the time until the next probe as retry hint) instead of
 * making every request wait for it, and the other accounts still answer.
 */
public final class CircuitBreakerInterceptor implements ConnectorCallInterceptor {

    /** Failures that say the vendor (or the way to it) is unwell; everything else is an answer. */
    static final Set<ErrorCategory> COUNTED = EnumSet.of(ErrorCategory.UNAVAILABLE, ErrorCategory.TIMEOUT, ErrorCategory.INTERNAL);

    private final CircuitBreakerRegistry registry;
    private final Duration waitInOpen;

    public CircuitBreakerInterceptor(ResilienceProperties.Breaker settings) {
        this.waitInOpen = settings.waitInOpen();
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
            throw ConnectorException.builder(ErrorCategory.UNAVAILABLE, "account " + call.account().accountId()
                    + " is skipped: its circuit breaker is open after repeated failures").retryAfter(waitInOpen).build();
        }
    }
}

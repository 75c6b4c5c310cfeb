package dev.omnigate.gateway.connector;

import java.util.function.Supplier;

/**
 * The extension point of {@link ConnectorInvoker}: code that runs around every connector call, on the call's
 * virtual thread, inside the invoker's deadline guard and error translation.
 *
 * <p>Interceptors are Spring beans ordered by {@link org.springframework.core.annotation.Order} (lowest
 * first = outermost). The caching and resilience work plugs in here without touching data fetchers or
 * loaders, in this order from the outside in:
 * <ol>
 *   <li>entity cache (Caffeine L1, Redis L2): answer from cache, skip the rest;</li>
 *   <li>single-flight: concurrent identical calls share one upstream call;</li>
 *   <li>bulkhead per account: cap concurrent calls;</li>
 *   <li>rate limiter per account (and per vendor operation): stay under the vendor's published limits;</li>
 *   <li>circuit breaker per account: fail fast with {@code UNAVAILABLE} while the vendor is down;</li>
 *   <li>time limiter: already provided by the invoker, which never waits past the request's deadline;</li>
 *   <li>retry of {@linkplain ConnectorCall#idempotentRead() idempotent reads} for retryable categories,
 *       honouring {@code retryAfter} and the remaining deadline.</li>
 * </ol>
 * An interceptor may throw {@link dev.omnigate.connector.api.error.ConnectorException} (for example
 * {@code UNAVAILABLE} from an open circuit); the invoker reports it like a connector's own.
 */
public interface ConnectorCallInterceptor {

    /**
     * Wraps one call.
     *
     * @param call what is being called
     * @param next the rest of the chain (further interceptors, then the connector); call it at most once
     *     unless retrying
     * @return the call's result
     */
    <T> T intercept(ConnectorCall call, Supplier<T> next);
}

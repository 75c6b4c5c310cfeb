package dev.omnigate.gateway.resilience;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorCall;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import dev.omnigate.gateway.resilience.VendorProfiles.RateLimit;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Client-side rate limits (Resilience4j {@code RateLimiter}s) from each account's {@link ResiliencePlan}: one for all
 * of an account's calls and one per operation its vendor limits separately (Amazon). A call takes a permit of each
 * before it goes on; it waits for one up to {@code omnigate.resilience.rate-limit.max-wait} and never past its
 * request's deadline, otherwise it fails with {@code RATE_LIMITED} (retryable, with the time until the next permit as
 * hint) without calling the vendor. The {@link RetryInterceptor} asks {@link #acquireForRetry} before every retry, so
 * retries count against the same limits. A permit taken when a later limit refuses is not given back (the limiter
 * errs on the side of the vendor).
 *
 * <p>Metrics: timer {@code omnigate.ratelimiter.waits} (tags {@code account}, {@code operation}) of the calls that had
 * to wait, counter {@code omnigate.ratelimiter.refusals} (tags {@code account}, {@code operation}).
 */
public final class RateLimiterInterceptor implements ConnectorCallInterceptor {

    private final ResiliencePlan plan;
    private final Duration maxWait;
    private final MeterRegistry meters;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public RateLimiterInterceptor(ResiliencePlan plan, ResilienceProperties.RateLimiting settings, MeterRegistry meters) {
        this.plan = plan;
        this.maxWait = settings.maxWait();
        this.meters = meters;
    }

    @Override
    public <T> T intercept(ConnectorCall call, Supplier<T> next) {
        acquire(call);
        return next.get();
    }

    /** Takes the permits of one retry; false (and nothing thrown) when the limits do not allow it in time. */
    public boolean acquireForRetry(ConnectorCall call) {
        try {
            acquire(call);
            return true;
        } catch (ConnectorException refused) {
            return false;
        }
    }

    /** The limiters a call of this account and operation passes, account-wide first. */
    List<RateLimiter> limitersOf(ConnectorAccount account, String operation) {
        ResiliencePlan.AccountPlan accountPlan = plan.of(account);
        List<RateLimiter> applicable = new ArrayList<>(2);
        accountPlan.rateLimit().ifPresent(limit -> applicable.add(limiter(account.accountId(), limit)));
        RateLimit operationLimit = accountPlan.operations().get(operation);
        if (operationLimit != null) {
            applicable.add(limiter(account.accountId() + "/" + operation, operationLimit));
        }
        return applicable;
    }

    private RateLimiter limiter(String name, RateLimit limit) {
        return limiters.computeIfAbsent(name, id -> RateLimiter.of(id, RateLimiterConfig.custom()
                .limitForPeriod(limit.limit())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(maxWait)
                .build()));
    }

    private void acquire(ConnectorCall call) {
        String account = call.account().accountId();
        long waitedNanos = 0;
        for (RateLimiter limiter : limitersOf(call.account(), call.operation())) {
            long nanos = limiter.reservePermission();
            Duration remaining = call.context().remaining();
            if (nanos < 0 || nanos >= remaining.toNanos()) {
                count(call, "omnigate.ratelimiter.refusals");
                Duration next = nanos >= 0 ? Duration.ofNanos(nanos) : nanosToNextPermit(limiter);
                throw ConnectorException.builder(ErrorCategory.RATE_LIMITED, "account " + account + ": the client-side rate limit of "
                                + limiter.getRateLimiterConfig().getLimitForPeriod() + " calls per "
                                + limiter.getRateLimiterConfig().getLimitRefreshPeriod() + (limiter.getName().contains("/")
                                ? " for " + call.operation() : "") + (nanos < 0 ? " allows no call within the " + maxWait.toMillis() + " ms it may wait"
                                : " allows no call before the request's deadline"))
                        .retryAfter(next).build();
            }
            if (nanos > 0) {
                sleep(nanos);
                waitedNanos += nanos;
            }
        }
        if (waitedNanos > 0 && meters != null) {
            Timer.builder("omnigate.ratelimiter.waits").description("Calls that waited for a client-side rate-limit permit")
                    .tag("account", account).tag("operation", call.operation()).register(meters)
                    .record(Duration.ofNanos(waitedNanos));
        }
    }

    private static Duration nanosToNextPermit(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return Duration.ofNanos(Math.max(0, atomic.getDetailedMetrics().getNanosToWait()));
        }
        return limiter.getRateLimiterConfig().getLimitRefreshPeriod();
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos)); // a virtual thread: waiting costs no platform thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the invoker abandoned the call at the deadline
            throw ConnectorException.of(ErrorCategory.TIMEOUT, "the request deadline passed while waiting for a rate-limit permit");
        }
    }

    private void count(ConnectorCall call, String name) {
        if (meters != null) {
            meters.counter(name, "account", call.account().accountId(), "operation", call.operation()).increment();
        }
    }
}

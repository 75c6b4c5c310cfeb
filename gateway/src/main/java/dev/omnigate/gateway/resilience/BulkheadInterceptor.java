package dev.omnigate.gateway.resilience;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.connector.ConnectorCall;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One Resilience4j semaphore bulkhead per account, outermost of the resilience interceptors: at most
 * {@link ResiliencePlan.AccountPlan#maxConcurrentCalls()} calls of one account are in flight, so a slow vendor holds
 * at most that many calls (and their sockets) while the other accounts keep theirs. A call that finds the bulkhead full
 * waits up to {@code omnigate.resilience.bulkhead.max-wait}, then fails at once with {@code UNAVAILABLE} (retryable,
 * the wait as hint) without calling the vendor; one whose request deadline passed while it waited fails with
 * {@code TIMEOUT}. Counter {@code omnigate.bulkhead.rejections} (tag {@code account}); gauge
 * {@code omnigate.bulkhead.available} (free slots, tag {@code account}).
 */
public final class BulkheadInterceptor implements ConnectorCallInterceptor {

    private final ResiliencePlan plan;
    private final Duration maxWait;
    private final MeterRegistry meters;
    private final BulkheadRegistry registry = BulkheadRegistry.ofDefaults();

    public BulkheadInterceptor(ResiliencePlan plan, ResilienceProperties.Bulkhead settings, MeterRegistry meters) {
        this.plan = plan;
        this.maxWait = settings.maxWait();
        this.meters = meters;
    }

    /** The bulkhead of an account (created on first use). */
    public Bulkhead bulkhead(dev.omnigate.gateway.connector.ConnectorAccount account) {
        return registry.find(account.accountId()).orElseGet(() -> {
            Bulkhead created = registry.bulkhead(account.accountId(), BulkheadConfig.custom()
                    .maxConcurrentCalls(plan.of(account).maxConcurrentCalls())
                    .maxWaitDuration(maxWait)
                    .build());
            if (meters != null) {
                meters.gauge("omnigate.bulkhead.available", io.micrometer.core.instrument.Tags.of("account", account.accountId()), created,
                        bulkhead -> bulkhead.getMetrics().getAvailableConcurrentCalls());
            }
            return created;
        });
    }

    @Override
    public <T> T intercept(ConnectorCall call, Supplier<T> next) {
        Bulkhead bulkhead = bulkhead(call.account());
        if (!bulkhead.tryAcquirePermission()) {
            if (meters != null) {
                meters.counter("omnigate.bulkhead.rejections", "account", call.account().accountId()).increment();
            }
            throw ConnectorException.builder(ErrorCategory.UNAVAILABLE, "account " + call.account().accountId() + " is busy: "
                    + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls are in flight already (bulkhead full)")
                    .retryAfter(maxWait.isZero() ? Duration.ofMillis(100) : maxWait).build();
        }
        try {
            if (call.context().remaining().isZero()) {
                // the slot came too late: nobody waits for this answer any more
                throw ConnectorException.of(ErrorCategory.TIMEOUT, "the request deadline passed while account "
                        + call.account().accountId() + " waited for a free slot");
            }
            return next.get();
        } finally {
            bulkhead.onComplete();
        }
    }
}

package dev.omnigate.gateway.resilience;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.connector.ConnectorCall;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import dev.omnigate.gateway.connector.RequestScope;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One Resilience4j semaphore bulkhead per account, outermost of the resilience interceptors: at most
 * {@link ResiliencePlan.AccountPlan#maxConcurrentCalls()} calls of one account are in flight, so a slow vendor holds
 * at most that many calls (and their sockets) while the other accounts keep theirs. A call that finds the bulkhead full
 * waits up to {@code omnigate.resilience.bulkhead.max-wait}, then fails at once with {@code UNAVAILABLE} (retryable,
 * the wait as hint) without calling the vendor; one whose request deadline passed while it waited fails with
 * {@code TIMEOUT}.
 *
 * <p>Below the account's bulkhead, while clients compete for an account (another one called it within the last 10 s),
 * one client holds at most its share of the slots ({@code omnigate.limits.cost.vendor-share} of them, at least one): its
 * calls beyond that wait for its own earlier calls (until their request's deadline), so one client's burst queues behind
 * itself and never fills the bulkhead for the others. A client alone on an account may fill it.
 *
 * <p>Counter {@code omnigate.bulkhead.rejections} (tag {@code account}); gauge {@code omnigate.bulkhead.available}
 * (free slots, tag {@code account}).
 */
public final class BulkheadInterceptor implements ConnectorCallInterceptor {

    private final ResiliencePlan plan;
    private final Duration maxWait;
    private final MeterRegistry meters;
    private final BulkheadRegistry registry = BulkheadRegistry.ofDefaults();
    private final double clientShare;
    /** Slots per client and account; idle entries expire (no call can be in flight for longer than a request's deadline). */
    private final Cache<String, Semaphore> clientSlots = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
    /** How long after another client's call an account counts as shared. */
    static final Duration CONTENTION_WINDOW = Duration.ofSeconds(10);
    private final java.util.Map<String, LastClient> lastClients = new java.util.concurrent.ConcurrentHashMap<>();

    public BulkheadInterceptor(ResiliencePlan plan, ResilienceProperties.Bulkhead settings, MeterRegistry meters) {
        this(plan, settings, meters, 1.0);
    }

    /** @param clientShare the most of an account's slots one client may hold, 0..1; 1 for no per-client share */
    public BulkheadInterceptor(ResiliencePlan plan, ResilienceProperties.Bulkhead settings, MeterRegistry meters, double clientShare) {
        this.plan = plan;
        this.maxWait = settings.maxWait();
        this.meters = meters;
        this.clientShare = clientShare;
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
        if (clientShare >= 1.0) {
            return withSlot(bulkhead, call, next);
        }
        int share = Math.max(1, (int) Math.ceil(clientShare * bulkhead.getBulkheadConfig().getMaxConcurrentCalls()));
        Semaphore slots = clientSlots.get(call.scope().client() + "\u0000" + call.account().accountId(), key -> new Semaphore(share));
        boolean contended = contended(call); // every call notes its client, so a newcomer is seen at once
        boolean own = slots.tryAcquire();
        if (!own && !contended) {
            return withSlot(bulkhead, call, next); // alone on the account: a borrowed slot, given back to no client
        }
        if (!own && !acquire(slots, call)) {
            reject(call);
            throw ConnectorException.builder(ErrorCategory.UNAVAILABLE, "account " + call.account().accountId() + ": client "
                            + call.scope().client() + " already has " + share + " calls in flight, its share of the account's "
                            + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " (omnigate.limits.cost.vendor-share), "
                            + "and none finished before the request's deadline")
                    .retryAfter(Duration.ofSeconds(1)).build();
        }
        try {
            return withSlot(bulkhead, call, next);
        } finally {
            slots.release();
        }
    }

    /**
     * Whether another client called the account within the last {@link #CONTENTION_WINDOW}: a client alone on an account
     * may fill its bulkhead, shares apply only while clients compete (the gateway's own calls are not a competitor).
     */
    private boolean contended(ConnectorCall call) {
        String client = call.scope().client();
        long now = System.nanoTime();
        LastClient last = lastClients.compute(call.account().accountId(), (account, current) -> {
            if (RequestScope.GATEWAY.equals(client)) {
                return current;
            }
            if (current == null) {
                return new LastClient(client, Long.MIN_VALUE);
            }
            return current.client().equals(client) ? current : new LastClient(client, now);
        });
        return last != null && last.switchedAt() != Long.MIN_VALUE && now - last.switchedAt() < CONTENTION_WINDOW.toNanos();
    }

    /** The last client that called an account, and when a different one last did. */
    private record LastClient(String client, long switchedAt) {
    }

    private static boolean acquire(Semaphore slots, ConnectorCall call) {
        try {
            return slots.tryAcquire(call.context().remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the invoker abandoned the call at the deadline
            return false;
        }
    }

    private void reject(ConnectorCall call) {
        if (meters != null) {
            meters.counter("omnigate.bulkhead.rejections", "account", call.account().accountId()).increment();
        }
    }

    private <T> T withSlot(Bulkhead bulkhead, ConnectorCall call, Supplier<T> next) {
        if (!bulkhead.tryAcquirePermission()) {
            reject(call);
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

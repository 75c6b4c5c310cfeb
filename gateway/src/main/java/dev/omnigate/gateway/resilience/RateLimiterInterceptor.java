package dev.omnigate.gateway.resilience;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorCall;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import dev.omnigate.gateway.connector.RequestScope;
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
import java.util.function.IntUnaryOperator;
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
 * <p>Shares ({@code omnigate.limits.cost.vendor-share}, default one half): one request takes at most that share of the
 * permits that were left when it started (and always a few), and while clients compete for a limiter that runs low (no
 * more than that share of its window left) a client that already took that share of the current cycle is refused at once
 * with {@code RATE_LIMITED}, so one client's burst never empties an account's limiter for the others.
 *
 * <p>Metrics: timer {@code omnigate.ratelimiter.waits} (tags {@code account}, {@code operation}) of the calls that had
 * to wait, counter {@code omnigate.ratelimiter.refusals} (tags {@code account}, {@code operation}).
 */
public final class RateLimiterInterceptor implements ConnectorCallInterceptor {

    private final ResiliencePlan plan;
    private final Duration maxWait;
    private final MeterRegistry meters;
    private final double requestShare;
    /** Calls one request may always make per limiter (within its share of the window): an ordinary request's needs. */
    static final int REQUEST_FLOOR = 5;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, ClientWindow> clientWindows = new ConcurrentHashMap<>();
    private final Map<String, Activity> activity = new ConcurrentHashMap<>();
    /** When each limiter was created: Resilience4j counts its cycles from then, and does not expose it. */
    private final Map<String, Long> origins = new ConcurrentHashMap<>();

    public RateLimiterInterceptor(ResiliencePlan plan, ResilienceProperties.RateLimiting settings, MeterRegistry meters) {
        this(plan, settings, meters, 1.0);
    }

    /**
     * @param requestShare the most of a limiter's remaining permits a single request, and of its window a single client
     *     while the limiter runs low, may take, 0..1 ({@code omnigate.limits.cost.vendor-share}); 1 for no shares
     */
    public RateLimiterInterceptor(ResiliencePlan plan, ResilienceProperties.RateLimiting settings, MeterRegistry meters, double requestShare) {
        this.plan = plan;
        this.maxWait = settings.maxWait();
        this.meters = meters;
        this.requestShare = requestShare;
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
        return limiters.computeIfAbsent(name, id -> {
            origins.put(id, System.nanoTime()); // microseconds before the limiter's own start: the same cycles
            return RateLimiter.of(id, RateLimiterConfig.custom()
                    .limitForPeriod(limit.limit())
                    .limitRefreshPeriod(limit.period())
                    .timeoutDuration(maxWait)
                    .build());
        });
    }

    private void acquire(ConnectorCall call) {
        String account = call.account().accountId();
        long waitedNanos = 0;
        for (RateLimiter limiter : limitersOf(call.account(), call.operation())) {
            int window = limiter.getRateLimiterConfig().getLimitForPeriod();
            int available = Math.max(0, limiter.getMetrics().getAvailablePermissions());
            // a request may take its share of what was left when it started (what is left now plus what it took), and
            // always an ordinary request's few calls
            int floor = Math.min(REQUEST_FLOOR, (int) Math.ceil(requestShare * window));
            IntUnaryOperator cap = taken -> requestShare >= 1.0 ? Integer.MAX_VALUE
                    : Math.max(floor, (int) Math.ceil(requestShare * (available + taken)));
            if (!call.scope().spend().takePermit(limiter.getName(), cap)) {
                // one request may not drain an account's window for every other client
                count(call, "omnigate.ratelimiter.refusals");
                throw ConnectorException.builder(ErrorCategory.RATE_LIMITED, "account " + account + ": this request already made "
                                + call.scope().spend().permits(limiter.getName()) + " of the " + window(limiter, call)
                                + ", its share of what was left (omnigate.limits.cost.vendor-share); ask for less in one request")
                        .retryAfter(limiter.getRateLimiterConfig().getLimitRefreshPeriod()).build();
            }
            long nanos = reserve(limiter, call, window);
            Duration remaining = call.context().remaining();
            if (nanos < 0 || nanos >= remaining.toNanos()) {
                count(call, "omnigate.ratelimiter.refusals");
                Duration next = nanos >= 0 ? Duration.ofNanos(nanos) : nanosToNextPermit(limiter);
                throw ConnectorException.builder(ErrorCategory.RATE_LIMITED, "account " + account + ": the client-side rate limit of "
                                + window(limiter, call) + (nanos < 0 ? " allows no call within the " + maxWait.toMillis() + " ms it may wait"
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

    /**
     * Reserves a permit, unless other clients use the limiter too, it runs low (no more than {@code requestShare} of its
     * window left) and the call's client already took that share of the current cycle: then it is refused at once and the
     * rest is left to the other clients; the call then waits for the next cycle if it comes within the wait allowed. A
     * limiter with plenty left, or used by one client alone, lets it take what it needs. Checking, reserving and counting
     * happen in one step per client, so a client's concurrent calls cannot all pass the same check.
     *
     * @return nanos to wait for the reserved permit, or negative when the limiter has none within the wait allowed
     * @throws ConnectorException {@code RATE_LIMITED} when the client's share is used up while the limiter runs low
     */
    private long reserve(RateLimiter limiter, ConnectorCall call, int window) {
        if (requestShare >= 1.0) {
            return limiter.reservePermission();
        }
        while (true) {
            ClientWindow attempt = tryReserve(limiter, call, window);
            if (attempt.reserved() != null) {
                return attempt.reserved();
            }
            // yield the rest of this cycle to the others; wait for the next one if it comes within the wait allowed
            long toNextCycle = nanosToNextCycle(limiter);
            if (toNextCycle > Math.min(maxWait.toNanos(), call.context().remaining().toNanos())) {
                count(call, "omnigate.ratelimiter.refusals");
                throw ConnectorException.builder(ErrorCategory.RATE_LIMITED, "account " + call.account().accountId() + ": client "
                                + call.scope().client() + " already made " + attempt.count() + " of the " + window(limiter, call)
                                + " while it runs low; the rest is left to other clients (omnigate.limits.cost.vendor-share)")
                        .retryAfter(Duration.ofNanos(toNextCycle)).build();
            }
            sleep(Math.max(1, toNextCycle));
        }
    }

    /** One attempt: the window with {@code reserved} set to the nanos to wait, or null when the client's share is used up. */
    private ClientWindow tryReserve(RateLimiter limiter, ConnectorCall call, int window) {
        int share = Math.max(1, (int) Math.ceil(requestShare * window));
        String key = call.scope().client() + "\u0000" + limiter.getName();
        long[] reserved = {Long.MIN_VALUE};
        boolean contended = contended(limiter, call.scope().client());
        ClientWindow taken = clientWindows.compute(key, (ignored, current) -> {
            ClientWindow now = ClientWindow.at(current, cycleOf(limiter));
            if (contended && (now.ahead() >= share || now.count() >= share && limiter.getMetrics().getAvailablePermissions() <= share)) {
                return now;
            }
            reserved[0] = limiter.reservePermission(); // non-blocking: it only returns how long to wait
            return ClientWindow.at(now, cycleOf(limiter)).took(reserved[0]);
        });
        if (clientWindows.size() > 100_000) {
            long cycle = cycleOf(limiter);
            String suffix = "\u0000" + limiter.getName();
            clientWindows.entrySet().removeIf(entry -> entry.getKey().endsWith(suffix) && entry.getValue().cycle() < cycle); // old cycles only
        }
        return taken.withReserved(reserved[0] == Long.MIN_VALUE ? null : reserved[0]);
    }

    /** The time until the limiter's next cycle, when its permits are refilled. */
    private long nanosToNextCycle(RateLimiter limiter) {
        long period = periodNanos(limiter);
        return period - Math.floorMod(System.nanoTime() - origin(limiter), period);
    }

    /**
     * Whether another client used the limiter in this cycle or the one before: a client alone on an account may use all
     * of it, shares apply only while clients compete (the gateway's own calls are not a competitor).
     */
    private boolean contended(RateLimiter limiter, String client) {
        if (RequestScope.GATEWAY.equals(client)) {
            return false; // the gateway's own polls and probes take few permits and compete with no one
        }
        long cycle = cycleOf(limiter);
        Activity now = activity.compute(limiter.getName(), (name, current) -> {
            if (current == null || current.cycle() < cycle - 1) {
                return new Activity(cycle, client, Long.MIN_VALUE);
            }
            return current.client().equals(client) ? new Activity(Math.max(cycle, current.cycle()), client, current.contendedCycle())
                    : new Activity(Math.max(cycle, current.cycle()), client, cycle);
        });
        return now.contendedCycle() != Long.MIN_VALUE && now.contendedCycle() >= cycle - 1;
    }

    /** The last client that used a limiter, and the last cycle in which a different one did. */
    private record Activity(long cycle, String client, long contendedCycle) {
    }

    /**
     * The limiter's refresh cycle now, counted as Resilience4j counts it (from its creation; its own figure only moves
     * when a permit is taken), so a client's count restarts exactly when the limiter's permits do.
     */
    private long cycleOf(RateLimiter limiter) {
        return Math.floorDiv(System.nanoTime() - origin(limiter), periodNanos(limiter));
    }

    private long origin(RateLimiter limiter) {
        Long origin = origins.get(limiter.getName());
        return origin == null ? 0 : origin;
    }

    private static long periodNanos(RateLimiter limiter) {
        return Math.max(1, limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos());
    }

    /**
     * The permits one client took of a limiter's cycle, and of the next one (a permit reserved with a wait belongs to the
     * cycle the wait ends in, so a client cannot take its share of a cycle twice around its boundary).
     *
     * @param reserved the outcome of one attempt, not stored: nanos to wait for the permit it reserved, null when refused
     */
    private record ClientWindow(long cycle, int count, int ahead, Long reserved) {

        ClientWindow(long cycle, int count, int ahead) {
            this(cycle, count, ahead, null);
        }

        static ClientWindow at(ClientWindow current, long cycle) {
            if (current == null || current.cycle() < cycle - 1) {
                return new ClientWindow(cycle, 0, 0);
            }
            // the next cycle begins with the permits reserved ahead of it
            return current.cycle() >= cycle ? current : new ClientWindow(cycle, current.ahead(), 0);
        }

        ClientWindow took(long nanosToWait) {
            if (nanosToWait < 0) {
                return this;
            }
            return nanosToWait > 0 ? new ClientWindow(cycle, count, ahead + 1) : new ClientWindow(cycle, count + 1, ahead);
        }

        /** The same counts, with the outcome of one attempt (not stored). */
        ClientWindow withReserved(Long nanos) {
            return new ClientWindow(cycle, count, ahead, nanos);
        }
    }

    /** {@code "50 calls per PT10S of the account"} or {@code "20 calls per PT1H for orders.search"}. */
    private static String window(RateLimiter limiter, ConnectorCall call) {
        return limiter.getRateLimiterConfig().getLimitForPeriod() + " calls per " + limiter.getRateLimiterConfig().getLimitRefreshPeriod()
                + (limiter.getName().contains("/") ? " for " + call.operation() : " of the account");
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

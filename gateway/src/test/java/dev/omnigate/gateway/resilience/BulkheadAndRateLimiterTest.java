package dev.omnigate.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.connector.AccountFailure;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.resilience.ResilienceProperties.Limit;
import dev.omnigate.gateway.resilience.ResilienceProperties.Profile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulkhead and the rate limiter inside the real invoker with the whole resilience chain (bulkhead → rate limiter →
 * breaker → retry; real Resilience4j, real virtual threads, the real clock).
 */
final class BulkheadAndRateLimiterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ConnectorInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private static ConnectorAccount account(String id) {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("fake-vendor", Channel.SHOPIFY).build();
        Connector connector = factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of(id));
        return new ConnectorAccount("store", id, factory.descriptor(), connector);
    }

    /** The chain as the gateway wires it, for one account with the given profile and bulkhead. */
    private ConnectorAccount chain(String accountId, Profile profile, ResilienceProperties.Bulkhead bulkhead, Duration maxWait,
            int maxAttempts) {
        return chain(accountId, profile, bulkhead, maxWait, maxAttempts, 1.0);
    }

    /** The same with a client share ({@code omnigate.limits.cost.vendor-share}). */
    private ConnectorAccount chain(String accountId, Profile profile, ResilienceProperties.Bulkhead bulkhead, Duration maxWait,
            int maxAttempts, double share) {
        ConnectorAccount account = account(accountId);
        ResilienceProperties defaults = ResilienceProperties.defaults();
        ResilienceProperties properties = new ResilienceProperties(defaults.breaker(),
                new ResilienceProperties.Retry(maxAttempts, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 1.0, 1), bulkhead,
                new ResilienceProperties.RateLimiting(true, maxWait, VendorProfiles.DEFAULT, Map.of("fake-vendor", profile)), Map.of());
        ResiliencePlan plan = ResiliencePlan.of(properties, List.of(account), false);
        RateLimiterInterceptor limiter = new RateLimiterInterceptor(plan, properties.rateLimit(), meters, share);
        invoker = new ConnectorInvoker(List.of(new BulkheadInterceptor(plan, bulkhead, meters, share), limiter,
                new CircuitBreakerInterceptor(properties.breaker(), meters),
                new RetryInterceptor(properties.retry(), meters, Clock.systemUTC(), limiter::acquireForRetry)), meters);
        return account;
    }

    private static ResilienceProperties.Bulkhead roomyBulkhead() {
        return new ResilienceProperties.Bulkhead(true, 16, Duration.ZERO);
    }

    private static RequestScope scope(Duration budget) {
        return RequestScope.start("req", budget, Clock.systemUTC());
    }

    private static RequestScope scopeOf(String client) {
        return RequestScope.start("req-" + client, client, Duration.ofSeconds(5), Clock.systemUTC());
    }

    /** The calls that succeeded before the first failure (null when none failed). */
    private record Run(int served, AccountFailure refused) {
    }

    private Run callUntilRefused(ConnectorAccount account, RequestScope scope, int atMost) {
        for (int i = 0; i < atMost; i++) {
            CompletableFuture<String> call = invoker.call(account, "orders.getByIds", scope, vendor);
            Throwable failed = catchThrowable(call::join);
            if (failed != null) {
                return new Run(i, ConnectorInvoker.failureOf(failed));
            }
        }
        return new Run(atMost, null);
    }

    private static AccountFailure failureOf(CompletableFuture<?> call) {
        Throwable thrown = catchThrowable(call::join);
        assertThat(thrown).as("the call failed").isNotNull();
        return ConnectorInvoker.failureOf(thrown);
    }

    private final AtomicInteger upstream = new AtomicInteger();
    private final Function<CallContext, String> vendor = context -> {
        upstream.incrementAndGet();
        return "ok";
    };

    @Test
    void aCallWaitsForTheNextPermitWhenItComesBeforeTheDeadline() {
        ConnectorAccount account = chain("paced", new Profile(1, Duration.ofMillis(300), Map.of()), roomyBulkhead(), Duration.ofSeconds(1), 1);

        assertThat(invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(2)), vendor).join()).isEqualTo("ok");
        long start = System.nanoTime();
        assertThat(invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(2)), vendor).join()).isEqualTo("ok");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the next period").isGreaterThan(Duration.ofMillis(50));
        assertThat(upstream).hasValue(2);
        assertThat(meters.timer("omnigate.ratelimiter.waits", "account", "paced", "operation", "orders.getByIds").count()).isEqualTo(1);
    }

    @Test
    void withoutAPermitBeforeTheDeadlineTheCallFailsRateLimitedWithAHintAndTheVendorIsNotCalled() {
        ConnectorAccount account = chain("spent", new Profile(1, Duration.ofSeconds(30), Map.of()), roomyBulkhead(), Duration.ofSeconds(5), 1);
        invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(2)), vendor).join();

        AccountFailure failure = failureOf(invoker.call(account, "orders.getByIds", scope(Duration.ofMillis(500)), vendor));

        assertThat(failure.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(failure.message()).contains("client-side rate limit of 1 calls per PT30S");
        assertThat(upstream).hasValue(1);
        assertThat(meters.counter("omnigate.ratelimiter.refusals", "account", "spent", "operation", "orders.getByIds").count()).isEqualTo(1);
    }

    @Test
    void anOperationTheVendorLimitsOnItsOwnHasItsOwnLimitBesideTheAccounts() {
        ConnectorAccount account = chain("per-op", new Profile(null, null, Map.of("orders.search", new Limit(1, Duration.ofSeconds(30)))),
                roomyBulkhead(), Duration.ZERO, 1);

        invoker.call(account, "orders.search", scope(Duration.ofSeconds(2)), vendor).join();
        AccountFailure refused = failureOf(invoker.call(account, "orders.search", scope(Duration.ofSeconds(2)), vendor));
        for (int i = 0; i < 5; i++) {
            invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(2)), vendor).join();
        }

        assertThat(refused.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(refused.message()).contains("for orders.search");
        assertThat(upstream).as("one search, five unlimited reads").hasValue(6);
    }

    @Test
    void aRetryTakesAPermitTooAndIsNotMadeWithoutOne() {
        ConnectorAccount account = chain("retry-paced", new Profile(1, Duration.ofSeconds(30), Map.of()), roomyBulkhead(), Duration.ZERO, 3);

        AccountFailure failure = failureOf(invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(2)), context -> {
            upstream.incrementAndGet();
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE, "HTTP 503 from the vendor");
        }));

        assertThat(failure.category()).as("the vendor's own failure is reported").isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(upstream).as("the only permit went to the first attempt").hasValue(1);
        assertThat(meters.counter("omnigate.connector.retries", "account", "retry-paced", "outcome", "rate_limited").count()).isEqualTo(1);
        assertThat(meters.counter("omnigate.connector.retries", "account", "retry-paced", "outcome", "retried").count()).isZero();
    }

    @Test
    void aFullBulkheadFailsFastWithARetryableUnavailableWithoutCallingTheVendor() throws Exception {
        ResilienceProperties.Bulkhead one = new ResilienceProperties.Bulkhead(true, 1, Duration.ZERO);
        ConnectorAccount account = chain("narrow", new Profile(1000, Duration.ofSeconds(1), Map.of()), one, Duration.ZERO, 1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holding = invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(5)), context -> {
            inside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        AccountFailure rejected = failureOf(invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(5)), vendor));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        release.countDown();

        assertThat(rejected.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(rejected.retryable()).isTrue();
        assertThat(rejected.message()).contains("bulkhead full");
        assertThat(took).as("fails fast, not at the deadline").isLessThan(Duration.ofSeconds(2));
        assertThat(upstream).hasValue(0);
        assertThat(holding.join()).isEqualTo("first");
        assertThat(meters.counter("omnigate.bulkhead.rejections", "account", "narrow").count()).isEqualTo(1);
        assertThat(invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(5)), vendor).join())
                .as("the slot is free again").isEqualTo("ok");
    }

    @Test
    void oneRequestTakesAtMostItsShareOfWhatIsLeftAndTheRestStaysForOthers() {
        ConnectorAccount account = chain("shared", new Profile(20, Duration.ofMinutes(10), Map.of()), roomyBulkhead(), Duration.ZERO, 1, 0.5);

        Run greedy = callUntilRefused(account, scopeOf("greedy"), 20);

        assertThat(greedy.served()).as("half of the 20 permits").isEqualTo(10);
        assertThat(greedy.refused().category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(greedy.refused().message()).contains("this request already made 10 of the 20 calls", "vendor-share");
        assertThat(callUntilRefused(account, scopeOf("other"), 20).served()).as("another client's request: half of what is left")
                .isEqualTo(5);
        assertThat(upstream).hasValue(15);
    }

    @Test
    void whileClientsCompeteForALimiterThatRunsLowAClientThatTookItsShareIsRefusedAndOthersStillGetTheRest() {
        ConnectorAccount account = chain("contended", new Profile(10, Duration.ofMinutes(10), Map.of()), roomyBulkhead(), Duration.ZERO, 1, 0.5);
        assertThat(invoker.call(account, "orders.getByIds", scopeOf("neighbour"), vendor).join()).isEqualTo("ok");

        int burst = 0;
        AccountFailure refused = null;
        for (int request = 0; request < 10 && refused == null; request++) {
            Run one = callUntilRefused(account, scopeOf("burst"), 1); // many small requests
            burst += one.served();
            refused = one.refused();
        }

        assertThat(burst).as("the bursting client's calls").isEqualTo(5);
        assertThat(refused.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(refused.message()).contains("client burst already made 5 of the 10 calls", "left to other clients");
        for (int request = 0; request < 4; request++) {
            assertThat(invoker.call(account, "orders.getByIds", scopeOf("neighbour"), vendor).join()).isEqualTo("ok");
        }
        assertThat(upstream).hasValue(10);
    }

    @Test
    void aClientOverItsShareWaitsForTheNextWindowWhenItComesWithinTheWaitAllowed() {
        // a window long enough that the first six calls surely share it, short enough to wait for
        ConnectorAccount account = chain("short-window", new Profile(10, Duration.ofMillis(1500), Map.of()), roomyBulkhead(),
                Duration.ofSeconds(2), 1, 0.5);
        assertThat(invoker.call(account, "orders.getByIds", scopeOf("neighbour"), vendor).join()).isEqualTo("ok");
        for (int request = 0; request < 5; request++) {
            assertThat(invoker.call(account, "orders.getByIds", scopeOf("burst"), vendor).join()).isEqualTo("ok");
        }

        // its share taken and 4 of 10 left: the burst's next call yields the rest of this window and runs in the next
        String next = invoker.call(account, "orders.getByIds", scopeOf("burst"), vendor).join();

        assertThat(next).isEqualTo("ok");
        assertThat(upstream).hasValue(7);
        assertThat(meters.counter("omnigate.ratelimiter.refusals", "account", "short-window", "operation", "orders.getByIds").count())
                .isZero();
    }

    @Test
    void aClientAloneOnAnAccountMayFillItsBulkhead() throws Exception {
        ResilienceProperties.Bulkhead four = new ResilienceProperties.Bulkhead(true, 4, Duration.ZERO);
        ConnectorAccount account = chain("slots-alone", new Profile(1000, Duration.ofSeconds(1), Map.of()), four, Duration.ZERO, 1, 0.5);
        CountDownLatch inside = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(invoker.call(account, "orders.getByIds", scopeOf("alone"), context -> {
                inside.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "ok";
            }));
        }

        assertThat(inside.await(5, TimeUnit.SECONDS)).as("all 4 slots in use by the one client").isTrue();
        release.countDown();
        calls.forEach(call -> assertThat(call.join()).isEqualTo("ok"));
    }

    @Test
    void aClientAloneOnAnAccountMayUseAllOfIt() {
        ConnectorAccount account = chain("alone", new Profile(10, Duration.ofMinutes(10), Map.of()), roomyBulkhead(), Duration.ZERO, 1, 0.5);

        for (int request = 0; request < 10; request++) {
            assertThat(invoker.call(account, "orders.getByIds", scopeOf("alone"), vendor).join()).as("call %d", request + 1).isEqualTo("ok");
        }
        assertThat(failureOf(invoker.call(account, "orders.getByIds", scopeOf("alone"), vendor)).message())
                .as("the account's own limit still holds").contains("client-side rate limit of 10 calls");
    }

    @Test
    void oneClientHoldsAtMostItsShareOfAnAccountsSlotsItsOtherCallsWaitForItsOwn() throws Exception {
        ResilienceProperties.Bulkhead four = new ResilienceProperties.Bulkhead(true, 4, Duration.ZERO);
        ConnectorAccount account = chain("slots", new Profile(1000, Duration.ofSeconds(1), Map.of()), four, Duration.ZERO, 1, 0.5);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger entered = new AtomicInteger();
        Function<CallContext, String> slow = context -> {
            entered.incrementAndGet();
            inside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slow";
        };
        assertThat(invoker.call(account, "orders.getByIds", scopeOf("neighbour"), vendor).join()).as("another client uses the account")
                .isEqualTo("ok");
        List<CompletableFuture<String>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(invoker.call(account, "orders.getByIds", scopeOf("burst"), slow));
        }
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        String neighbour = invoker.call(account, "orders.getByIds", scopeOf("neighbour"), vendor).join();

        assertThat(neighbour).as("a free slot was left for another client").isEqualTo("ok");
        assertThat(entered).as("the bursting client holds its share, 2 of 4 slots").hasValue(2);
        release.countDown();
        for (CompletableFuture<String> call : burst) {
            assertThat(call.join()).as("the burst's other calls waited for its own and ran").isEqualTo("slow");
        }
        assertThat(entered).hasValue(6);
    }
}

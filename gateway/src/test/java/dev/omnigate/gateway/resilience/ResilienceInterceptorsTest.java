package dev.omnigate.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorCallException;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker and retry interceptors inside the real invoker (real Resilience4j, real virtual threads). */
final class ResilienceInterceptorsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ResilienceProperties.Breaker breakerSettings = new ResilienceProperties.Breaker(true, 50, 4, 4, Duration.ofMillis(300), 1);
    private final CircuitBreakerInterceptor breaker = new CircuitBreakerInterceptor(breakerSettings);
    private ConnectorInvoker invoker = invoker(new ResilienceProperties.Retry(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), 0.1, 1));

    private ConnectorInvoker invoker(ResilienceProperties.Retry retry) {
        return new ConnectorInvoker(List.of(breaker, new RetryInterceptor(retry, meters, Clock.systemUTC())), meters);
    }

    @AfterEach
    void close() {
        invoker.close();
    }

    private static ConnectorAccount account(String id) {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("fake", Channel.SHOPIFY).build();
        Connector connector = factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of(id));
        return new ConnectorAccount("store", id, factory.descriptor(), connector);
    }

    private static RequestScope scope(Duration budget) {
        return RequestScope.start("req-1", budget, Clock.systemUTC());
    }

    /** A vendor that answers with the scripted failures first, then "ok"; counts every call it receives. */
    private static final class ScriptedVendor implements Function<dev.omnigate.connector.api.CallContext, String> {
        final AtomicInteger calls = new AtomicInteger();
        private final ArrayDeque<ConnectorException> script;

        ScriptedVendor(ConnectorException... failures) {
            this.script = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public synchronized String apply(dev.omnigate.connector.api.CallContext context) {
            calls.incrementAndGet();
            ConnectorException next = script.poll();
            if (next != null) {
                throw next;
            }
            return "ok";
        }
    }

    private static ConnectorException unavailable() {
        return ConnectorException.of(ErrorCategory.UNAVAILABLE, "HTTP 503 from the vendor");
    }

    @Test
    void aRateLimitedReadIsRetriedNoSoonerThanTheVendorsHint() {
        ScriptedVendor vendor = new ScriptedVendor(ConnectorException.rateLimited("429", Duration.ofMillis(150)));
        long start = System.nanoTime();

        String answer = invoker.call(account("a"), "orders.getByIds", scope(Duration.ofSeconds(3)), vendor).join();

        assertThat(answer).isEqualTo("ok");
        assertThat(vendor.calls).hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(meters.counter("omnigate.connector.retries", "account", "a", "outcome", "retried").count()).isEqualTo(1);
    }

    @Test
    void answersTheVendorGaveOnPurposeAreNeverRetried() {
        ScriptedVendor vendor = new ScriptedVendor(ConnectorException.of(ErrorCategory.NOT_FOUND, "404"));

        assertThatThrownBy(() -> invoker.call(account("a"), "orders.getByIds", scope(Duration.ofSeconds(3)), vendor).join())
                .hasCauseInstanceOf(ConnectorCallException.class);
        assertThat(vendor.calls).hasValue(1);
    }

    @Test
    void aRetryWhoseWaitWouldPassTheDeadlineIsNotMade() {
        ScriptedVendor vendor = new ScriptedVendor(ConnectorException.rateLimited("429", Duration.ofSeconds(30)));

        assertThatThrownBy(() -> invoker.call(account("a"), "orders.getByIds", scope(Duration.ofSeconds(1)), vendor).join())
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(((ConnectorCallException) e.getCause()).failure().category()).isEqualTo(ErrorCategory.RATE_LIMITED));
        assertThat(vendor.calls).hasValue(1);
        assertThat(meters.counter("omnigate.connector.retries", "account", "a", "outcome", "no_time_left").count()).isEqualTo(1);
    }

    @Test
    void theRetryBudgetKeepsRetriesToAFractionOfTheLoadDuringAnOutage() {
        invoker.close();
        invoker = invoker(new ResilienceProperties.Retry(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0.1, 0));
        ConnectorAccount account = account("budget");
        CircuitBreaker accountBreaker = breaker.breaker("budget");
        AtomicInteger upstream = new AtomicInteger();
        int requests = 200;

        for (int i = 0; i < requests; i++) {
            accountBreaker.reset(); // this test is about the budget alone: keep the breaker out of the way
            invoker.call(account, "orders.getByIds", scope(Duration.ofSeconds(2)), context -> {
                upstream.incrementAndGet();
                throw unavailable();
            }).exceptionally(failure -> null).join();
        }

        // without a budget 200 failing reads would make 600 calls; with 10 % at most 220
        assertThat(upstream.get()).isBetween(requests, requests + requests / 10);
        assertThat(meters.counter("omnigate.connector.retries", "account", "budget", "outcome", "budget_exhausted").count()).isPositive();
    }

    @Test
    void repeatedOutagesOpenTheBreakerWhichThenSkipsTheAccountAtOnceAndClosesAfterASuccessfulProbe() {
        invoker.close();
        invoker = invoker(new ResilienceProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0.1, 0));
        ConnectorAccount account = account("down");
        AtomicInteger upstream = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            invoker.call(account, "customers.search", scope(Duration.ofSeconds(2)), context -> {
                upstream.incrementAndGet();
                throw unavailable();
            }).exceptionally(failure -> null).join();
        }
        assertThat(breaker.breaker("down").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> invoker.call(account, "customers.search", scope(Duration.ofSeconds(2)), context -> {
            upstream.incrementAndGet();
            return "never";
        }).join()).satisfies(e -> {
            ConnectorCallException failure = (ConnectorCallException) e.getCause();
            assertThat(failure.failure().category()).isEqualTo(ErrorCategory.UNAVAILABLE);
            assertThat(failure.failure().message()).contains("circuit breaker is open");
        });
        assertThat(upstream).as("an open breaker does not call the vendor").hasValue(4);

        await().atMost(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> assertThat(
                invoker.call(account, "customers.search", scope(Duration.ofSeconds(2)), context -> "probe answered").join())
                .isEqualTo("probe answered"));
        assertThat(breaker.breaker("down").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void notFoundAndRateLimitedAnswersDoNotOpenTheBreaker() {
        ConnectorAccount account = account("busy");
        for (int i = 0; i < 10; i++) {
            ErrorCategory category = i % 2 == 0 ? ErrorCategory.NOT_FOUND : ErrorCategory.BAD_REQUEST;
            invoker.call(account, "customers.search", scope(Duration.ofSeconds(2)), context -> {
                throw ConnectorException.of(category, "answer");
            }).exceptionally(failure -> null).join();
        }
        assertThat(breaker.breaker("busy").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void invalidSettingsNameTheKeyAndTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ResilienceProperties.Retry(0, Duration.ofMillis(5), 2, Duration.ofSeconds(1), 0.1, 1))
                .withMessage("omnigate.resilience.retry.max-attempts must be between 1 and 10, but was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new ResilienceProperties.Breaker(true, 0, 20, 10, Duration.ofSeconds(1), 3))
                .withMessageContaining("omnigate.resilience.breaker.failure-rate-threshold").withMessageContaining("0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> new ResilienceProperties.Retry(3, Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 0.1, 1))
                .withMessageContaining("omnigate.resilience.retry.max-backoff must be at least retry.initial-backoff");
    }
}

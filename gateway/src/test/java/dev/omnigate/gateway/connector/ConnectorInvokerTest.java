package dev.omnigate.gateway.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The invoker: virtual threads, deadlines, chunking, error translation, isolation of accounts, interceptors, metrics. */
final class ConnectorInvokerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    private final ConnectorInvoker invoker = new ConnectorInvoker(List.of(tracing("outer"), tracing("inner")), meters);
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void close() {
        never.countDown();
        invoker.close();
    }

    private ConnectorCallInterceptor tracing(String name) {
        return new ConnectorCallInterceptor() {
            @Override
            public <T> T intercept(ConnectorCall call, Supplier<T> next) {
                trace.add(name + ">" + call.operation());
                T result = next.get();
                trace.add(name + "<");
                return result;
            }
        };
    }

    private static ConnectorAccount account(String id) {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("fake", Channel.SHOPIFY).build();
        Connector connector = factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of(id));
        return new ConnectorAccount("store", id, factory.descriptor(), connector);
    }

    private static RequestScope scope(Duration budget) {
        return RequestScope.start("req-1", budget, Clock.systemUTC());
    }

    @Test
    void runsEachCallOnAVirtualThreadWithTheRequestsContextInsideTheInterceptors() {
        AtomicBoolean virtual = new AtomicBoolean();
        RequestScope scope = scope(Duration.ofSeconds(5));

        CallContext seen = invoker.call(account("a"), "probe", scope, context -> {
            virtual.set(Thread.currentThread().isVirtual());
            trace.add("connector");
            return context;
        }).join();

        assertThat(virtual).isTrue();
        assertThat(seen.requestId()).isEqualTo("req-1");
        assertThat(seen.accountId()).isEqualTo("a");
        assertThat(seen.deadline()).isEqualTo(scope.deadline());
        assertThat(trace).containsExactly("outer>probe", "inner>probe", "connector", "inner<", "outer<");
    }

    @Test
    void splitsKeysIntoChunksOfMaxBatchSizeAndMergesTheAnswers() {
        List<Set<String>> chunks = Collections.synchronizedList(new ArrayList<>());

        Map<String, String> answer = invoker.callInChunks(account("a"), "get", scope(Duration.ofSeconds(5)),
                List.of("1", "2", "3", "4", "5", "3"), 2, (context, chunk) -> {
                    chunks.add(chunk);
                    Map<String, String> found = new LinkedHashMap<>();
                    chunk.forEach(key -> found.put(key, "v" + key));
                    return found;
                }).join();

        assertThat(chunks).extracting(Set::size).containsExactlyInAnyOrder(2, 2, 1);
        assertThat(answer).containsOnlyKeys("1", "2", "3", "4", "5").containsEntry("4", "v4");
        assertThat(ConnectorInvoker.chunks(List.of("a", "b", "c"), 0)).hasSize(3);
    }

    @Test
    void translatesConnectorExceptionsIntoTypedFailures() {
        CompletableFuture<Object> call = invoker.call(account("a"), "search", scope(Duration.ofSeconds(5)), context -> {
            throw ConnectorException.builder(ErrorCategory.RATE_LIMITED, "Throttled: 0 of 2000 points left")
                    .retryAfter(Duration.ofSeconds(3)).vendorCode("THROTTLED").build();
        });

        AccountFailure failure = failureOf(call);
        assertThat(failure.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(failure.message()).isEqualTo("Throttled: 0 of 2000 points left");
        assertThat(failure.accountId()).isEqualTo("a");
        assertThat(failure.operation()).isEqualTo("search");
        assertThat(failure.requestId()).isEqualTo("req-1");
    }

    @Test
    void unexpectedExceptionsBecomeInternalWithAGenericMessage() {
        CompletableFuture<Object> call = invoker.call(account("a"), "search", scope(Duration.ofSeconds(5)), context -> {
            throw new IllegalStateException("NPE near token=abc123 for jane@example.com");
        });

        AccountFailure failure = failureOf(call);
        assertThat(failure.category()).isEqualTo(ErrorCategory.INTERNAL);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.message()).contains("account a failed unexpectedly").doesNotContain("abc123", "jane@");
    }

    @Test
    void abandonsAConnectorThatIgnoresTheDeadline() {
        CompletableFuture<Object> call = invoker.call(account("slow"), "search", scope(Duration.ofMillis(200)), context -> {
            try {
                never.await(); // a connector that does not honour context.remaining()
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "too late";
        });

        assertThat(failureOf(call).category()).isEqualTo(ErrorCategory.TIMEOUT);
    }

    @Test
    void makesNoCallOnceTheBudgetIsSpent() {
        AtomicInteger calls = new AtomicInteger();
        RequestScope spent = RequestScope.start("req-2", Duration.ofMillis(-1), Clock.systemUTC());

        CompletableFuture<Integer> call = invoker.call(account("a"), "search", spent, context -> calls.incrementAndGet());

        assertThat(failureOf(call).category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(calls).hasValue(0);
    }

    @Test
    void oneFailingAccountNeverFailsTheOthers() {
        RequestScope scope = scope(Duration.ofSeconds(5));

        AccountResults<String> results = invoker.fanOut(List.of(account("good"), account("bad"), account("also-good")), account ->
                invoker.call(account, "probe", scope, context -> {
                    if (account.accountId().equals("bad")) {
                        throw ConnectorException.of(ErrorCategory.UNAVAILABLE, "503 from vendor");
                    }
                    return account.accountId() + " ok";
                })).join();

        assertThat(results.values()).containsExactly(Map.entry("good", "good ok"), Map.entry("also-good", "also-good ok"));
        assertThat(results.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.accountId()).isEqualTo("bad");
            assertThat(failure.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
        });
    }

    @Test
    void interceptorsMayRefuseCallsLikeAnOpenCircuitWould() {
        ConnectorInvoker guarded = new ConnectorInvoker(List.of(new ConnectorCallInterceptor() {
            @Override
            public <T> T intercept(ConnectorCall call, Supplier<T> next) {
                throw ConnectorException.of(ErrorCategory.UNAVAILABLE, "circuit open for " + call.account().accountId());
            }
        }), null);
        AtomicInteger calls = new AtomicInteger();
        try {
            AccountFailure failure = failureOf(guarded.call(account("a"), "search", scope(Duration.ofSeconds(5)),
                    context -> calls.incrementAndGet()));
            assertThat(failure.message()).isEqualTo("circuit open for a");
            assertThat(calls).hasValue(0);
        } finally {
            guarded.close();
        }
    }

    @Test
    void recordsATimerPerAccountOperationAndOutcome() {
        RequestScope scope = scope(Duration.ofSeconds(5));
        invoker.call(account("a"), "orders.search", scope, context -> "ok").join();
        assertThatThrownBy(() -> invoker.call(account("a"), "orders.search", scope, context -> {
            throw ConnectorException.of(ErrorCategory.UNAUTHENTICATED, "401");
        }).join()).isInstanceOf(CompletionException.class);

        assertThat(meters.get("omnigate.connector.calls").tags("account", "a", "operation", "orders.search", "outcome", "SUCCESS")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get("omnigate.connector.calls").tags("outcome", "UNAUTHENTICATED", "connector", "fake").timer().count())
                .isEqualTo(1);
    }

    @Test
    void capabilityGuardOfTheFakeStillReachesTheInvokerAsUnsupported() {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("no-by-customer", Channel.POS).without(Capability.ORDERS_BY_CUSTOMER).build();
        Connector connector = factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of("p"));
        ConnectorAccount account = new ConnectorAccount("store", "p", factory.descriptor(), connector);

        AccountFailure failure = failureOf(invoker.call(account, "orders.getByCustomerIds", scope(Duration.ofSeconds(5)),
                context -> connector.orders().orElseThrow().getByCustomerIds(context, Set.of("1"))));

        assertThat(failure.category()).isEqualTo(ErrorCategory.UNSUPPORTED);
        assertThat(failure.message()).isEqualTo("this connector does not support ORDERS_BY_CUSTOMER");
    }

    private static AccountFailure failureOf(CompletableFuture<?> call) {
        try {
            call.join();
        } catch (CompletionException e) {
            return ConnectorInvoker.failureOf(e);
        }
        throw new AssertionError("the call succeeded");
    }
}

package dev.omnigate.gateway.connector;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.error.ClientMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The single path for every connector call.
 *
 * <p>Each call runs on its own virtual thread (connectors are synchronous and may block on I/O), gets a
 * {@link CallContext} carrying the request's id and deadline, passes through the
 * {@linkplain ConnectorCallInterceptor interceptor chain}, and is abandoned with {@code TIMEOUT} when the
 * deadline passes even if the connector ignores it. Failures come back as {@link ConnectorCallException}s
 * carrying a typed, client-safe {@link AccountFailure}; a failure of one account never fails another
 * ({@link #fanOut}). Batch methods are split into chunks of the reader's {@code maxBatchSize()}.
 *
 * <p>Metrics: timer {@code omnigate.connector.calls} tagged {@code account}, {@code connector},
 * {@code operation} and {@code outcome} ({@code SUCCESS} or the error category). Logging: the scope's
 * {@link FailureLog} gets every failure, so the log holds one line per account and error category of a request
 * however many of its calls fail.
 */
public final class ConnectorInvoker implements AutoCloseable {

    /** The MDC key of the request id; the logging pattern prints it. */
    public static final String MDC_REQUEST_ID = "requestId";

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<ConnectorCallInterceptor> interceptors;
    private final MeterRegistry meters;

    /**
     * @param interceptors outermost first
     * @param meters where call timers go; null for none
     */
    public ConnectorInvoker(List<ConnectorCallInterceptor> interceptors, MeterRegistry meters) {
        this.interceptors = List.copyOf(interceptors);
        this.meters = meters;
    }

    /**
     * Calls one account once.
     *
     * @param operation a low-cardinality name such as {@code customers.search}
     * @param work the connector call, given the call's context
     * @return completes with the result, or exceptionally with a {@link ConnectorCallException}
     */
    public <T> CompletableFuture<T> call(ConnectorAccount account, String operation, RequestScope scope,
            Function<CallContext, T> work) {
        requireNonNull(account, "account is null");
        requireNonNull(scope, "scope is null");
        CallContext context = scope.callContext(account.accountId());
        Duration remaining = context.remaining();
        if (remaining.isZero()) {
            // the budget is spent: calling would only add load to a vendor whose answer nobody waits for
            return CompletableFuture.failedFuture(new ConnectorCallException(failure(account, operation, context,
                    ErrorCategory.TIMEOUT, "the request deadline passed before account " + account.accountId() + " was called", null)));
        }
        ConnectorCall call = new ConnectorCall(account, operation, true, context, scope);
        Timer.Sample sample = meters == null ? null : Timer.start(meters);
        CompletableFuture<T> running = CompletableFuture.supplyAsync(() -> runChain(call, work), executor);
        return running
                .orTimeout(remaining.toNanos(), TimeUnit.NANOSECONDS)
                .handle((result, error) -> {
                    if (error == null) {
                        record(sample, call, "SUCCESS");
                        return result;
                    }
                    AccountFailure failure = translate(call, unwrap(error), scope.failureLog());
                    record(sample, call, failure.category().name());
                    throw new CompletionException(new ConnectorCallException(failure));
                });
    }

    /**
     * Calls one account's batch method once per chunk of at most {@code maxBatchSize} keys (chunks run in
     * parallel) and merges the answers. Fails when any chunk fails.
     */
    public <K, V> CompletableFuture<Map<K, V>> callInChunks(ConnectorAccount account, String operation, RequestScope scope,
            Collection<K> keys, int maxBatchSize, BiFunction<CallContext, Set<K>, Map<K, V>> work) {
        List<Set<K>> chunks = chunks(keys, maxBatchSize);
        List<CompletableFuture<Map<K, V>>> calls = new ArrayList<>();
        for (Set<K> chunk : chunks) {
            calls.add(call(account, operation, scope, context -> work.apply(context, chunk)));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<K, V> merged = new LinkedHashMap<>();
            calls.forEach(chunk -> merged.putAll(chunk.join()));
            return merged;
        });
    }

    /** {@code keys} split into insertion-ordered chunks of at most {@code maxBatchSize} (at least 1). */
    public static <K> List<Set<K>> chunks(Collection<K> keys, int maxBatchSize) {
        int size = Math.max(1, maxBatchSize);
        List<Set<K>> chunks = new ArrayList<>();
        Set<K> current = new LinkedHashSet<>();
        for (K key : new LinkedHashSet<>(keys)) {
            current.add(key);
            if (current.size() == size) {
                chunks.add(current);
                current = new LinkedHashSet<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /**
     * Asks every account the same thing in parallel. Never completes exceptionally: each account's answer or
     * failure is in the result, in the order of {@code accounts}.
     */
    public <T> CompletableFuture<AccountResults<T>> fanOut(List<ConnectorAccount> accounts,
            Function<ConnectorAccount, CompletableFuture<T>> ask) {
        Map<ConnectorAccount, CompletableFuture<T>> calls = new LinkedHashMap<>();
        for (ConnectorAccount account : accounts) {
            CompletableFuture<T> answer;
            try {
                answer = ask.apply(account);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            calls.put(account, answer);
        }
        return CompletableFuture.allOf(calls.values().stream().map(future -> future.exceptionally(error -> null))
                        .toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    Map<String, T> values = new LinkedHashMap<>();
                    List<AccountFailure> failures = new ArrayList<>();
                    calls.forEach((account, future) -> {
                        try {
                            values.put(account.accountId(), future.join());
                        } catch (CompletionException e) {
                            failures.add(failureOf(e));
                        }
                    });
                    return new AccountResults<>(values, failures);
                });
    }

    /** The {@link AccountFailure} inside an exception from one of this invoker's futures. */
    public static AccountFailure failureOf(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ConnectorCallException callException) {
            return callException.failure();
        }
        throw new IllegalStateException("not a connector call failure: " + cause.getClass().getName(), cause);
    }

    /**
     * The {@link AccountFailure} of one record a connector reported as failed inside a successful batch answer
     * ({@link RequestScope#itemFailures()}), for the key it belongs to.
     */
    public static AccountFailure itemFailure(ConnectorAccount account, String operation, RequestScope scope, ConnectorException failure) {
        return new AccountFailure(account.accountId(), account.connectorId(), account.channel(), operation, failure.category(),
                ClientMessages.plain(failure.getMessage(),
                        "a record of account " + account.accountId() + " failed (" + failure.category() + ")"),
                failure.retryAfter().orElse(null), scope.requestId());
    }

    /**
     * Runs host-side orchestration (merging pages, resolving a customer profile) on a virtual thread, with
     * the request id in the MDC. It may block on this invoker's futures.
     */
    public <T> CompletableFuture<T> orchestrate(RequestScope scope, Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            MDC.put(MDC_REQUEST_ID, scope.requestId());
            try {
                return work.get();
            } finally {
                MDC.remove(MDC_REQUEST_ID);
            }
        }, executor);
    }

    private <T> T runChain(ConnectorCall call, Function<CallContext, T> work) {
        MDC.put(MDC_REQUEST_ID, call.context().requestId());
        try {
            Supplier<T> chain = () -> work.apply(call.context());
            for (int i = interceptors.size() - 1; i >= 0; i--) {
                ConnectorCallInterceptor interceptor = interceptors.get(i);
                Supplier<T> next = chain;
                chain = () -> interceptor.intercept(call, next);
            }
            return chain.get();
        } finally {
            MDC.remove(MDC_REQUEST_ID);
        }
    }

    /** The client-safe failure; the log gets one line per account and category of the request ({@link FailureLog}). */
    private AccountFailure translate(ConnectorCall call, Throwable error, FailureLog log) {
        ConnectorAccount account = call.account();
        AccountFailure failure = switch (error) {
            case ConnectorCallException known -> known.failure();
            case ConnectorException connector -> failure(account, call.operation(), call.context(), connector.category(),
                    ClientMessages.plain(connector.getMessage(),
                            "account " + account.accountId() + " failed (" + connector.category() + ")"),
                    connector.retryAfter().orElse(null));
            case TimeoutException timeout -> failure(account, call.operation(), call.context(), ErrorCategory.TIMEOUT,
                    "account " + account.accountId() + " gave no answer before the request deadline", null);
            // a connector bug: details only in the log, a generic sentence for the client
            default -> failure(account, call.operation(), call.context(), ErrorCategory.INTERNAL,
                    "account " + account.accountId() + " failed unexpectedly; the gateway log has the details", null);
        };
        if (error instanceof ConnectorException connector) {
            // the operator's line keeps the connector's own words and what caused them
            log.connectorCall(account, call.operation(), failure.category(), connector.getMessage()
                    + (connector.getCause() == null ? "" : " [cause: " + connector.getCause().getClass().getName() + "]"), null);
        } else if (!(error instanceof ConnectorCallException)) {
            log.connectorCall(account, call.operation(), failure.category(), failure.message(),
                    error instanceof TimeoutException ? null : error);
        }
        return failure;
    }

    private static AccountFailure failure(ConnectorAccount account, String operation, CallContext context, ErrorCategory category,
            String message, Duration retryAfter) {
        return new AccountFailure(account.accountId(), account.connectorId(), account.channel(), operation, category, message,
                retryAfter, context.requestId());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private void record(Timer.Sample sample, ConnectorCall call, String outcome) {
        if (sample == null) {
            return;
        }
        sample.stop(Timer.builder("omnigate.connector.calls")
                .description("Connector calls by account, operation and outcome")
                .tag("account", call.account().accountId())
                .tag("connector", call.account().connectorId())
                .tag("operation", call.operation())
                .tag("outcome", outcome)
                .register(meters));
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

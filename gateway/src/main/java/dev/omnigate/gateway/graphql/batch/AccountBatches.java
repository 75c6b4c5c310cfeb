package dev.omnigate.gateway.graphql.batch;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.gateway.connector.AccountFailure;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.graphql.error.Fetched;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The batch function shared by the per-entity loaders: group the batch's keys by account, call each account's
 * reader through the entity cache once (per {@code maxBatchSize} chunk of what the cache lacks) in parallel, and answer every key with its value or its
 * account's failure. Keys of unknown accounts, of accounts without the reader, and ids the vendor does not
 * know are simply absent (the field resolves to null); a record the vendor failed inside an otherwise good answer
 * ({@link dev.omnigate.connector.api.CallContext#reportItemFailure}) resolves to null with its own typed error.
 */
public final class AccountBatches {

    private AccountBatches() {
    }

    /** How one account's reader answers a set of native ids. */
    @FunctionalInterface
    public interface BatchCall<R, V> {
        Map<String, V> load(R reader, CallContext context, Set<String> nativeIds);
    }

    public static <R, V> CompletableFuture<Map<AccountScopedKey, Fetched<V>>> load(Set<AccountScopedKey> keys, GraphQlSupport support,
            RequestScope scope, String operation, Function<ConnectorAccount, Optional<R>> readerOf, ToIntFunction<R> maxBatchSize,
            BatchCall<R, V> call) {
        Map<String, Set<String>> idsByAccount = new LinkedHashMap<>();
        for (AccountScopedKey key : keys) {
            idsByAccount.computeIfAbsent(key.account(), account -> new LinkedHashSet<>()).add(key.nativeId());
        }
        Map<String, CompletableFuture<Map<String, V>>> calls = new LinkedHashMap<>();
        idsByAccount.forEach((accountId, ids) -> support.accounts().find(accountId).ifPresent(account ->
                readerOf.apply(account).ifPresent(reader -> calls.put(accountId, support.cache().load(account, operation, scope, ids,
                        maxBatchSize.applyAsInt(reader), (context, chunk) -> call.load(reader, context, chunk))))));
        List<CompletableFuture<?>> all = new ArrayList<>(calls.values());
        return CompletableFuture.allOf(all.stream().map(future -> future.exceptionally(error -> null)).toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    Map<AccountScopedKey, Fetched<V>> answers = new LinkedHashMap<>();
                    calls.forEach((accountId, future) -> {
                        Set<String> ids = idsByAccount.get(accountId);
                        try {
                            Map<String, V> found = future.join();
                            ConnectorAccount account = support.accounts().find(accountId).orElseThrow();
                            ids.forEach(id -> {
                                V value = found.get(id);
                                if (value != null) {
                                    answers.put(new AccountScopedKey(accountId, id), Fetched.of(value));
                                } else {
                                    // a record the vendor failed inside a good answer: its key alone gets the error
                                    scope.itemFailures().of(accountId, id).ifPresent(failure -> answers.put(new AccountScopedKey(accountId, id),
                                            Fetched.failed(ConnectorInvoker.itemFailure(account, operation, scope, failure))));
                                }
                            });
                        } catch (CompletionException e) {
                            AccountFailure failure = ConnectorInvoker.failureOf(e);
                            ids.forEach(id -> answers.put(new AccountScopedKey(accountId, id), Fetched.failed(failure)));
                        }
                    });
                    return answers;
                });
    }
}

package dev.omnigate.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entity cache in front of every batched connector read (by ids or SKUs), one entry per account, operation and
 * id — absent ids included, so that a SKU an account does not list is not asked for again and again.
 *
 * <ul>
 *   <li><b>fresh</b> entries are served without a vendor call;</li>
 *   <li><b>stale-while-revalidate:</b> past {@code fresh}, an entry is still served at once and one background call
 *       refreshes it;</li>
 *   <li><b>single-flight:</b> concurrent misses for the same id (in this instance) make one vendor call; the others
 *       wait for its answer;</li>
 *   <li><b>stale-if-error:</b> when the vendor call fails (breaker open, vendor down, rate limited) and every missing
 *       id still has an entry within its {@code stale-if-error} window, those entries are served and the response
 *       says so ({@code extensions.stale}, reason {@code upstreamFailed}).</li>
 * </ul>
 * Searches are never cached. Metrics: counter {@code omnigate.cache.lookups} tagged {@code kind} and {@code outcome}
 * ({@code hit}, {@code stale}, {@code miss}, {@code stale_on_error}).
 */
public final class EntityCache {

    private static final Logger LOG = LoggerFactory.getLogger(EntityCache.class);

    private record Key(String account, String operation, CacheKind kind, String id) {
    }

    /** A stored answer; {@code value} null means the vendor said the id does not exist. */
    private record Entry(Object value, Instant storedAt) {
    }

    private final CacheProperties properties;
    private final Map<CacheKind, CacheProperties.Policy> policies;
    private final ConnectorInvoker invoker;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration revalidationBudget;
    private final Cache<Key, Entry> entries;
    private final Map<Key, CompletableFuture<Optional<Object>>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param revalidationBudget the deadline of a background refresh (the request timeout)
     */
    public EntityCache(CacheProperties properties, ConnectorInvoker invoker, MeterRegistry meters, Clock clock,
            Duration revalidationBudget) {
        this.properties = properties;
        this.policies = properties.policies();
        this.invoker = invoker;
        this.meters = meters;
        this.clock = clock;
        this.revalidationBudget = revalidationBudget;
        this.entries = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())) // ages and expiry read the same clock
                .expireAfter(new Expiry<Key, Entry>() {
                    @Override
                    public long expireAfterCreate(Key key, Entry entry, long currentTime) {
                        return policies.get(key.kind()).lifetime().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry entry, long currentTime, long currentDuration) {
                        return policies.get(key.kind()).lifetime().toNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /**
     * The values of {@code ids} for one account, from the cache where possible; otherwise like
     * {@link ConnectorInvoker#callInChunks} (same failures, same chunking of the ids that are asked for).
     *
     * @param work the reader call for a chunk of ids; absent ids are absent from its answer
     */
    public <V> CompletableFuture<Map<String, V>> load(ConnectorAccount account, String operation, RequestScope scope,
            Collection<String> ids, int maxBatchSize, BiFunction<CallContext, Set<String>, Map<String, V>> work) {
        Optional<CacheKind> kind = CacheKind.ofOperation(operation);
        if (!properties.enabled() || kind.isEmpty()) {
            return invoker.callInChunks(account, operation, scope, ids, maxBatchSize, work);
        }
        CacheProperties.Policy policy = policies.get(kind.get());
        Instant now = clock.instant();
        Map<String, V> answers = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        List<String> revalidate = new ArrayList<>();
        Map<String, Entry> fallbacks = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Key key = new Key(account.accountId(), operation, kind.get(), id);
            Entry entry = entries.getIfPresent(key);
            Duration age = entry == null ? null : Duration.between(entry.storedAt(), now);
            if (entry == null) {
                misses.add(id);
                count(kind.get(), "miss");
            } else if (age.compareTo(policy.fresh()) <= 0) {
                put(answers, id, entry);
                count(kind.get(), "hit");
            } else if (age.compareTo(policy.fresh().plus(policy.staleWhileRevalidate())) <= 0) {
                put(answers, id, entry);
                revalidate.add(id);
                scope.staleServes().add(account.accountId(), operation, age, "revalidating");
                count(kind.get(), "stale");
            } else {
                misses.add(id);
                if (age.compareTo(policy.lifetime()) <= 0) {
                    fallbacks.put(id, entry);
                }
                count(kind.get(), "miss");
            }
        }
        if (!revalidate.isEmpty()) {
            RequestScope background = RequestScope.start("revalidate-" + scope.requestId(), revalidationBudget, clock);
            fetch(account, operation, kind.get(), background, revalidate, maxBatchSize, work).exceptionally(failure -> {
                LOG.debug("background refresh of {} for account {} failed; the stale entries stay", operation, account.accountId());
                return Map.of();
            });
        }
        if (misses.isEmpty()) {
            return CompletableFuture.completedFuture(answers);
        }
        return fetch(account, operation, kind.get(), scope, misses, maxBatchSize, work).handle((fetched, failure) -> {
            if (failure == null) {
                fetched.forEach((id, value) -> value.ifPresent(v -> answers.put(id, v)));
                return answers;
            }
            if (!fallbacks.keySet().containsAll(misses)) {
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            Instant at = clock.instant();
            fallbacks.forEach((id, entry) -> {
                put(answers, id, entry);
                scope.staleServes().add(account.accountId(), operation, Duration.between(entry.storedAt(), at), "upstreamFailed");
                count(kind.get(), "stale_on_error");
            });
            return answers;
        });
    }

    /** Asks the vendor for {@code ids}, joining calls already in flight for any of them; stores every answer. */
    private <V> CompletableFuture<Map<String, Optional<V>>> fetch(ConnectorAccount account, String operation, CacheKind kind,
            RequestScope scope, List<String> ids, int maxBatchSize, BiFunction<CallContext, Set<String>, Map<String, V>> work) {
        Map<String, CompletableFuture<Optional<Object>>> waits = new LinkedHashMap<>();
        Map<String, CompletableFuture<Optional<Object>>> owned = new LinkedHashMap<>();
        for (String id : ids) {
            Key key = new Key(account.accountId(), operation, kind, id);
            CompletableFuture<Optional<Object>> mine = new CompletableFuture<>();
            CompletableFuture<Optional<Object>> running = inFlight.putIfAbsent(key, mine);
            if (running == null) {
                owned.put(id, mine);
                waits.put(id, mine);
            } else {
                waits.put(id, running);
            }
        }
        if (!owned.isEmpty()) {
            invoker.callInChunks(account, operation, scope, owned.keySet(), maxBatchSize, work).whenComplete((values, failure) -> {
                Instant storedAt = clock.instant();
                owned.forEach((id, future) -> {
                    Key key = new Key(account.accountId(), operation, kind, id);
                    if (failure == null) {
                        Object value = values.get(id);
                        if (value != null || scope.itemFailures().of(account.accountId(), id).isEmpty()) {
                            entries.put(key, new Entry(value, storedAt)); // a record that failed is not "absent"
                        }
                        inFlight.remove(key, future);
                        future.complete(Optional.ofNullable(value));
                    } else {
                        inFlight.remove(key, future);
                        future.completeExceptionally(failure);
                    }
                });
            });
        }
        return CompletableFuture.allOf(waits.values().toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<String, Optional<V>> result = new LinkedHashMap<>();
            waits.forEach((id, future) -> result.put(id, cast(future.join())));
            return result;
        });
    }

    /** Drops every entry of one id of one kind in an account (all operations of that kind), e.g. after a webhook. */
    public void invalidate(String accountId, CacheKind kind, String id) {
        entries.asMap().keySet().removeIf(key -> key.account().equals(accountId) && key.kind() == kind && key.id().equals(id));
    }

    /** Drops every entry of one kind in an account (an event that cannot name the id, e.g. an order change). */
    public void invalidateKind(String accountId, CacheKind kind) {
        entries.asMap().keySet().removeIf(key -> key.account().equals(accountId) && key.kind() == kind);
    }

    /** Drops every entry of an account. */
    public void invalidateAccount(String accountId) {
        entries.asMap().keySet().removeIf(key -> key.account().equals(accountId));
    }

    /** Drops every entry (operators after a bulk change upstream; tests that need a cold cache). */
    public void invalidateAll() {
        entries.invalidateAll();
    }

    /** How many entries the in-process cache holds (approximately). */
    public long size() {
        return entries.estimatedSize();
    }

    @SuppressWarnings("unchecked")
    private static <V> Optional<V> cast(Optional<Object> value) {
        return (Optional<V>) value;
    }

    @SuppressWarnings("unchecked")
    private static <V> void put(Map<String, V> answers, String id, Entry entry) {
        if (entry.value() != null) {
            answers.put(id, (V) entry.value());
        }
    }

    private void count(CacheKind kind, String outcome) {
        if (meters != null) {
            meters.counter("omnigate.cache.lookups", "kind", kind.key(), "outcome", outcome).increment();
        }
    }
}

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
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
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
 * ({@code hit}, {@code stale}, {@code miss}, {@code stale_on_error}) counts each id once, whichever layer answered.
 *
 * <p><b>L2</b> (optional, {@link RedisL2}, {@code omnigate.redis.url}): ids missing from L1, or no longer fresh there,
 * are looked up in Redis in one round trip; an L2 entry newer than the L1 one replaces it (another instance may have
 * refreshed it) and keeps its stored-at time, so every freshness window is measured from when the vendor answered.
 * Every vendor answer is written to L1 and L2. Kinds holding personal data ({@link CacheKind#personalData()}) use L2 only
 * with {@code omnigate.cache.pii-in-l2=true}. L2 never fails a request: unreachable, slow or unreadable means "not in
 * L2". {@link #invalidate} and friends also delete the L2 entries and broadcast to the other instances, which drop their
 * L1 entries on receipt.
 */
public final class EntityCache {

    private static final Logger LOG = LoggerFactory.getLogger(EntityCache.class);

    private record Key(String account, String operation, CacheKind kind, String id) {
    }

    /** A stored answer; {@code value} null means the vendor said the id does not exist. */
    private record Entry(Object value, Instant storedAt) {
    }

    private final CacheProperties properties;
    private final RedisL2 l2;
    private final Executor continuation = Executors.newVirtualThreadPerTaskExecutor();
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
        this(properties, null, invoker, meters, clock, revalidationBudget);
    }

    /**
     * @param l2 the shared Redis L2 and invalidation broadcast, or null for L1 only
     * @param revalidationBudget the deadline of a background refresh (the request timeout)
     */
    public EntityCache(CacheProperties properties, RedisL2 l2, ConnectorInvoker invoker, MeterRegistry meters, Clock clock,
            Duration revalidationBudget) {
        this.properties = properties;
        this.l2 = l2;
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
                        return remaining(key, entry, currentTime);
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry entry, long currentTime, long currentDuration) {
                        return remaining(key, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
        if (l2 != null) {
            l2.onInvalidation(this::applyBroadcast);
            l2.onResync(() -> {
                LOG.info("entity cache: the invalidation broadcast was interrupted; in-process entries dropped (L2 refills them)");
                entries.invalidateAll();
            });
        }
    }

    /** An entry from L2 may be older than now: it lives its kind's lifetime from when it was stored, not from now. */
    private long remaining(Key key, Entry entry, long currentTimeNanos) {
        long age = currentTimeNanos - TimeUnit.MILLISECONDS.toNanos(entry.storedAt().toEpochMilli());
        return Math.max(0, policies.get(key.kind()).lifetime().toNanos() - Math.max(0, age));
    }

    /** Whether entries of {@code kind} go to the shared L2 (personal data only when configured so). */
    private boolean sharedInL2(CacheKind kind) {
        return l2 != null && (!kind.personalData() || properties.piiInL2());
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
        Instant now = clock.instant();
        CacheProperties.Policy policy = policies.get(kind.get());
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<String, Entry> known = new LinkedHashMap<>();
        List<String> askL2 = new ArrayList<>();
        for (String id : distinct) {
            Entry entry = entries.getIfPresent(new Key(account.accountId(), operation, kind.get(), id));
            if (entry != null) {
                known.put(id, entry);
            }
            // a missing or no longer fresh entry may have been refreshed by another instance: ask L2 in the same round trip
            if (sharedInL2(kind.get()) && (entry == null || Duration.between(entry.storedAt(), now).compareTo(policy.fresh()) > 0)) {
                askL2.add(id);
            }
        }
        if (askL2.isEmpty()) {
            return serve(account, operation, kind.get(), scope, distinct, known, maxBatchSize, work);
        }
        CompletableFuture<Map<String, L2Codec.Stored>> shared = l2.getAll(account.accountId(), operation, kind.get(), askL2);
        Function<Map<String, L2Codec.Stored>, CompletableFuture<Map<String, V>>> then = found -> {
            found.forEach((id, stored) -> {
                Entry fromL2 = new Entry(stored.value(), stored.storedAt());
                Entry mine = known.get(id);
                if (mine == null || fromL2.storedAt().isAfter(mine.storedAt())) {
                    known.put(id, fromL2);
                    // the newer of the two wins, also against a write that raced this read
                    entries.asMap().merge(new Key(account.accountId(), operation, kind.get(), id), fromL2,
                            (old, candidate) -> candidate.storedAt().isAfter(old.storedAt()) ? candidate : old);
                }
            });
            return serve(account, operation, kind.get(), scope, distinct, known, maxBatchSize, work);
        };
        // Redis answers on its I/O thread: continue elsewhere so that vendor calls and callers never run on it
        return shared.isDone() ? then.apply(shared.join()) : shared.thenComposeAsync(then, continuation);
    }

    /** Serves what {@code known} holds (by freshness) and asks the vendor for the rest, as described on the class. */
    private <V> CompletableFuture<Map<String, V>> serve(ConnectorAccount account, String operation, CacheKind kind, RequestScope scope,
            List<String> ids, Map<String, Entry> known, int maxBatchSize, BiFunction<CallContext, Set<String>, Map<String, V>> work) {
        CacheProperties.Policy policy = policies.get(kind);
        Instant now = clock.instant();
        Map<String, V> answers = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        List<String> revalidate = new ArrayList<>();
        Map<String, Entry> fallbacks = new LinkedHashMap<>();
        for (String id : ids) {
            Entry entry = known.get(id);
            Duration age = entry == null ? null : Duration.between(entry.storedAt(), now);
            if (entry == null) {
                misses.add(id);
                count(kind, "miss");
            } else if (age.compareTo(policy.fresh()) <= 0) {
                put(answers, id, entry);
                count(kind, "hit");
            } else if (age.compareTo(policy.fresh().plus(policy.staleWhileRevalidate())) <= 0) {
                put(answers, id, entry);
                revalidate.add(id);
                scope.staleServes().add(account.accountId(), operation, age, "revalidating");
                count(kind, "stale");
            } else {
                misses.add(id);
                if (age.compareTo(policy.lifetime()) <= 0) {
                    fallbacks.put(id, entry);
                }
                count(kind, "miss");
            }
        }
        if (!revalidate.isEmpty()) {
            RequestScope background = RequestScope.start("revalidate-" + scope.requestId(), revalidationBudget, clock);
            fetch(account, operation, kind, background, revalidate, maxBatchSize, work).exceptionally(failure -> {
                LOG.debug("background refresh of {} for account {} failed; the stale entries stay", operation, account.accountId());
                return Map.of();
            });
        }
        if (misses.isEmpty()) {
            return CompletableFuture.completedFuture(answers);
        }
        return fetch(account, operation, kind, scope, misses, maxBatchSize, work).handle((fetched, failure) -> {
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
                count(kind, "stale_on_error");
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
                Map<String, L2Codec.Stored> toShare = new LinkedHashMap<>();
                owned.forEach((id, future) -> {
                    Key key = new Key(account.accountId(), operation, kind, id);
                    if (failure == null) {
                        Object value = values.get(id);
                        if (value != null || scope.itemFailures().of(account.accountId(), id).isEmpty()) {
                            entries.put(key, new Entry(value, storedAt)); // a record that failed is not "absent"
                            toShare.put(id, new L2Codec.Stored(value, storedAt));
                        }
                        inFlight.remove(key, future);
                        future.complete(Optional.ofNullable(value));
                    } else {
                        inFlight.remove(key, future);
                        future.completeExceptionally(failure);
                    }
                });
                if (!toShare.isEmpty() && sharedInL2(kind)) {
                    l2.putAll(account.accountId(), operation, kind, toShare, policies.get(kind).lifetime(), storedAt);
                }
            });
        }
        return CompletableFuture.allOf(waits.values().toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<String, Optional<V>> result = new LinkedHashMap<>();
            waits.forEach((id, future) -> result.put(id, cast(future.join())));
            return result;
        });
    }

    /**
     * Drops every entry of one id of one kind in an account (all operations of that kind), e.g. after a webhook: here,
     * in L2 and — over the Redis broadcast — in every other instance's L1.
     */
    public void invalidate(String accountId, CacheKind kind, String id) {
        dropLocally(accountId, kind, id);
        if (l2 != null) {
            l2.invalidate(accountId, kind, id);
        }
    }

    /**
     * Drops every entry of one kind in an account (an event that cannot name the id, e.g. an order change cached by
     * customer too): here, in L2 and in the other instances.
     */
    public void invalidateKind(String accountId, CacheKind kind) {
        entries.asMap().keySet().removeIf(key -> key.account().equals(accountId) && key.kind() == kind);
        if (l2 != null) {
            l2.invalidateKind(accountId, kind);
        }
    }

    /** Drops every entry of an account, here, in L2 and in the other instances. */
    public void invalidateAccount(String accountId) {
        entries.asMap().keySet().removeIf(key -> key.account().equals(accountId));
        if (l2 != null) {
            l2.invalidateMatching(accountId);
        }
    }

    /** Drops every entry, here, in L2 and in the other instances (operators after a bulk change upstream). */
    public void invalidateAll() {
        entries.invalidateAll();
        if (l2 != null) {
            l2.invalidateMatching(null);
        }
    }

    /** Drops this instance's in-process entries only (L2 and other instances keep theirs), e.g. to test a cold L1. */
    public void dropLocalEntries() {
        entries.invalidateAll();
    }

    private void dropLocally(String accountId, CacheKind kind, String id) {
        kind.operations().forEach(operation -> entries.invalidate(new Key(accountId, operation, kind, id)));
    }

    /** Applies another instance's invalidation to this instance's L1 only (L2 was already cleared by the sender). */
    private void applyBroadcast(RedisL2.Invalidation invalidation) {
        if (invalidation.account() == null) {
            entries.invalidateAll();
        } else if (invalidation.kind() == null) {
            entries.asMap().keySet().removeIf(key -> key.account().equals(invalidation.account()));
        } else {
            CacheKind kind = CacheKind.valueOf(invalidation.kind().toUpperCase(java.util.Locale.ROOT));
            if (invalidation.id() == null) {
                entries.asMap().keySet().removeIf(key -> key.account().equals(invalidation.account()) && key.kind() == kind);
            } else {
                dropLocally(invalidation.account(), kind, invalidation.id());
            }
        }
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

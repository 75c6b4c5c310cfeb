package dev.omnigate.simulator.shopify;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the Shopify simulator received, for tests that assert how many calls a client made (N+1 detection).
 * {@link #total()} counts every HTTP request to the GraphQL endpoint, whatever its outcome (faults, 401, throttled);
 * {@link #rootField} counts root fields of every request whose query parsed (by field name, not alias).
 * Thread-safe.
 */
public final class RequestCounters {

    private final AtomicLong total = new AtomicLong();
    private final Map<String, AtomicLong> rootFields = new ConcurrentHashMap<>();

    void countRequest() {
        total.incrementAndGet();
    }

    void countRootField(String name) {
        rootFields.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    /** HTTP requests received at {@code /admin/api/{version}/graphql.json}. */
    public long total() {
        return total.get();
    }

    /** How many requests selected this root field (e.g. {@code customers}, {@code nodes}). */
    public long rootField(String name) {
        AtomicLong count = rootFields.get(name);
        return count == null ? 0 : count.get();
    }

    /** A sorted snapshot of the root field counts. */
    public Map<String, Long> rootFields() {
        Map<String, Long> snapshot = new TreeMap<>();
        rootFields.forEach((name, count) -> snapshot.put(name, count.get()));
        return snapshot;
    }

    /** Sets every counter back to zero. */
    public void reset() {
        total.set(0);
        rootFields.clear();
    }
}

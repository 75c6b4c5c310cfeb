package dev.omnigate.simulator.zendesk;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the Zendesk simulator received, for tests that count a client's calls: every HTTP request by path (without
 * {@code .json}), whatever its outcome (401, 429 ...). Thread-safe.
 */
public final class ZendeskCounters {

    private final AtomicLong total = new AtomicLong();
    private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();

    void count(String path) {
        total.incrementAndGet();
        byPath.computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
    }

    public long total() {
        return total.get();
    }

    /** Requests to a path, e.g. {@code /api/v2/search/export}. */
    public long path(String path) {
        AtomicLong count = byPath.get(path);
        return count == null ? 0 : count.get();
    }

    /** A sorted snapshot. */
    public Map<String, Long> byPath() {
        Map<String, Long> snapshot = new TreeMap<>();
        byPath.forEach((path, count) -> snapshot.put(path, count.get()));
        return snapshot;
    }

    public void reset() {
        total.set(0);
        byPath.clear();
    }
}

package dev.omnigate.gateway.connector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one request actually cost upstream: the vendor calls it made (cache hits excluded, each retry included) in cost
 * points, and the rate-limit permits it took per limiter (so one request cannot take more than its share of an
 * account's window). Thread-safe: the request's calls run on many virtual threads.
 */
public final class UpstreamSpend {

    private final LongAdder calls = new LongAdder();
    private final LongAdder points = new LongAdder();
    private final Map<String, AtomicInteger> permits = new ConcurrentHashMap<>();

    /** Notes one vendor call of the given weight. */
    public void called(long weight) {
        calls.increment();
        points.add(weight);
    }

    /** Vendor calls made so far. */
    public long calls() {
        return calls.sum();
    }

    /** Cost points of the vendor calls made so far. */
    public long points() {
        return points.sum();
    }

    /**
     * Takes one permit of a limiter for this request unless it already holds as many as {@code capOfTaken} allows (given
     * the permits it holds); false when it does.
     */
    public boolean takePermit(String limiter, java.util.function.IntUnaryOperator capOfTaken) {
        AtomicInteger taken = permits.computeIfAbsent(limiter, name -> new AtomicInteger());
        while (true) {
            int current = taken.get();
            if (current >= capOfTaken.applyAsInt(current)) {
                return false;
            }
            if (taken.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** The permits of a limiter this request took so far. */
    public int permits(String limiter) {
        AtomicInteger taken = permits.get(limiter);
        return taken == null ? 0 : taken.get();
    }
}

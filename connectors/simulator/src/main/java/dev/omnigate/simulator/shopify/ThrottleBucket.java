package dev.omnigate.simulator.shopify;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Shopify's cost-based leaky bucket: {@code maximumAvailable} points, refilled at {@code restoreRate} points per
 * second; a query is admitted when its requested cost fits in what is available, is charged the requested cost, and
 * gets the difference to its actual cost back afterwards. Thread-safe.
 */
public final class ThrottleBucket {

    private final int maximumAvailable;
    private final double restoreRate;
    private final InstantSource clock;
    private double available;
    private Instant refilledAt;

    ThrottleBucket(int maximumAvailable, double restoreRate, InstantSource clock) {
        if (maximumAvailable <= 0 || restoreRate < 0) {
            throw new IllegalArgumentException("bucket size must be positive and restore rate not negative, were "
                    + maximumAvailable + " and " + restoreRate);
        }
        this.maximumAvailable = maximumAvailable;
        this.restoreRate = restoreRate;
        this.clock = clock;
        this.available = maximumAvailable;
        this.refilledAt = clock.instant();
    }

    /** What {@code throttleStatus} reports. */
    public record Status(int maximumAvailable, int currentlyAvailable, double restoreRate) {
    }

    public int maximumAvailable() {
        return maximumAvailable;
    }

    public double restoreRate() {
        return restoreRate;
    }

    /** Points available now. */
    public synchronized int currentlyAvailable() {
        refill();
        return (int) Math.floor(available);
    }

    public synchronized Status status() {
        refill();
        return new Status(maximumAvailable, (int) Math.floor(available), restoreRate);
    }

    /** Charges {@code cost} if it fits; false (and nothing charged) when the query must be throttled. */
    synchronized boolean tryConsume(int cost) {
        refill();
        if (cost > available) {
            return false;
        }
        available -= cost;
        return true;
    }

    /** Returns points charged but not used (requested minus actual cost). */
    synchronized void refund(int points) {
        refill();
        available = Math.min(maximumAvailable, available + Math.max(0, points));
    }

    /** Fills the bucket to the top, e.g. between tests. */
    public synchronized void reset() {
        available = maximumAvailable;
        refilledAt = clock.instant();
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            double seconds = (now.toEpochMilli() - refilledAt.toEpochMilli()) / 1000.0;
            available = Math.min(maximumAvailable, available + seconds * restoreRate);
            refilledAt = now;
        }
    }
}

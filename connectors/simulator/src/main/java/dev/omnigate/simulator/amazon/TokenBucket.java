package dev.omnigate.simulator.amazon;

/** A thread-safe token bucket on the monotonic clock: {@link #tryTake()} fails once the burst is spent. */
final class TokenBucket {

    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(AmazonUsagePlan plan) {
        this.rate = plan.rate().doubleValue();
        this.burst = plan.burst();
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    synchronized boolean tryTake() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}

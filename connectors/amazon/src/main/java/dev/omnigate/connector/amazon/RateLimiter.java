package dev.omnigate.connector.amazon;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SP-API's token bucket for one operation, kept on our side so we pace calls instead of collecting 429s
 * (https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits: {@code rate} tokens per second,
 * at most {@code burst}). A call takes a token; when the bucket is empty it waits for the next one if that
 * fits in its deadline, otherwise it fails {@code RATE_LIMITED} with the wait as retry hint, without a call.
 * Thread-safe.
 */
final class RateLimiter {

    private final String operation;
    private final double ratePerSecond;
    private final double burst;
    private final ReentrantLock lock = new ReentrantLock();
    private double tokens;
    private long lastNanos;

    RateLimiter(String operation, BigDecimal ratePerSecond, int burst) {
        this.operation = operation;
        // a rate is a pacing figure, not money: a double is fine here
        this.ratePerSecond = ratePerSecond.doubleValue();
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = System.nanoTime();
    }

    /** Takes one token, waiting for it within the call's deadline. */
    void acquire(CallContext context) {
        Duration wait;
        lock.lock();
        try {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            wait = Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerSecond * 1_000_000_000L));
            if (wait.compareTo(context.remaining()) >= 0) {
                throw ConnectorException.builder(ErrorCategory.RATE_LIMITED, operation
                        + ": the usage plan of " + BigDecimal.valueOf(ratePerSecond).setScale(4, RoundingMode.HALF_UP)
                                .stripTrailingZeros().toPlainString()
                        + " requests/s (burst " + (int) burst + ") is used up; next request allowed in " + wait.toMillis() + " ms")
                        .retryAfter(wait).build();
            }
            tokens -= 1; // reserve the next token now so concurrent callers queue behind this one
        } finally {
            lock.unlock();
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.builder(ErrorCategory.UNAVAILABLE, operation + ": interrupted while pacing").cause(e).build();
        }
    }

    /** Seconds until one more request is allowed, as a retry hint when the vendor gives none. */
    Duration interval() {
        return Duration.ofMillis((long) Math.ceil(1000 / ratePerSecond));
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * ratePerSecond);
        lastNanos = now;
    }
}

package dev.omnigate.simulator.zendesk;

import java.time.Clock;
import java.time.Instant;

/**
 * Zendesk's per-minute request budget (developer.zendesk.com "Rate limits"): every answer carries
 * {@code X-Rate-Limit} and {@code X-Rate-Limit-Remaining}; a request beyond the budget answers 429 with
 * {@code Retry-After} = seconds until the minute's window resets. Fixed windows aligned to the clock's minutes.
 * Thread-safe.
 */
public final class ZendeskRateLimit {

    /** A decision for one request. */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    private final long perMinute;
    private final Clock clock;
    private long windowStart = Long.MIN_VALUE;
    private long used;

    ZendeskRateLimit(long perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public long perMinute() {
        return perMinute;
    }

    synchronized Decision take() {
        roll();
        if (used >= perMinute) {
            Instant now = clock.instant();
            long secondsLeft = Math.max(1, windowStart + 60 - now.getEpochSecond());
            return new Decision(false, 0, secondsLeft);
        }
        used++;
        return new Decision(true, perMinute - used, 0);
    }

    /** Uses up the rest of this minute's budget, so the next request is throttled (for tests). */
    public synchronized void exhaust() {
        roll();
        used = perMinute;
    }

    /** Requests left in the current window. */
    public synchronized long remaining() {
        roll();
        return perMinute - used;
    }

    private void roll() {
        long minute = clock.instant().getEpochSecond() / 60 * 60;
        if (minute != windowStart) {
            windowStart = minute;
            used = 0;
        }
    }
}

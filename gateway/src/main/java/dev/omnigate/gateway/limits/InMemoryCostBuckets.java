package dev.omnigate.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/** One instance's buckets (Caffeine, bounded; an idle client's bucket is forgotten, and would be full again anyway). */
public final class InMemoryCostBuckets implements CostBuckets {

    private static final class Bucket {
        double available;
        long updatedMillis;
    }

    private final Cache<String, Bucket> buckets;
    private final Clock clock;

    public InMemoryCostBuckets(Clock clock, Duration expiry) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(expiry).build();
    }

    @Override
    public Take take(String client, long points, long capacity, double restoreRate) {
        Bucket bucket = buckets.get(client, key -> full(capacity));
        synchronized (bucket) {
            refill(bucket, capacity, restoreRate);
            if (bucket.available >= points) {
                bucket.available -= points;
                return new Take(true, bucket.available, 0);
            }
            long wait = (long) Math.ceil((points - bucket.available) / restoreRate * 1000);
            return new Take(false, bucket.available, wait);
        }
    }

    @Override
    public void adjust(String client, long points, long capacity, double restoreRate) {
        if (points == 0) {
            return;
        }
        Bucket bucket = buckets.get(client, key -> full(capacity));
        synchronized (bucket) {
            refill(bucket, capacity, restoreRate);
            bucket.available = Math.max(-capacity, Math.min(capacity, bucket.available + points));
        }
    }

    private Bucket full(long capacity) {
        Bucket bucket = new Bucket();
        bucket.available = capacity;
        bucket.updatedMillis = clock.millis();
        return bucket;
    }

    private void refill(Bucket bucket, long capacity, double restoreRate) {
        long now = clock.millis();
        bucket.available = Math.min(capacity, bucket.available + (now - bucket.updatedMillis) / 1000.0 * restoreRate);
        bucket.updatedMillis = now;
    }

    @Override
    public String describe() {
        return "in memory (per instance)";
    }
}

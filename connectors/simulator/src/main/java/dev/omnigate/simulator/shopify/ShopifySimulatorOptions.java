package dev.omnigate.simulator.shopify;

import static java.util.Objects.requireNonNull;

import java.time.InstantSource;

/**
 * Tunables of the Shopify simulator.
 *
 * @param bucketSize the leaky bucket's {@code maximumAvailable} points (Shopify standard plan: 2000)
 * @param restoreRate points restored per second (standard plan: 100)
 * @param maxQueryCost the most a single query may request (Shopify: 1000) before {@code MAX_COST_EXCEEDED}
 * @param maxPageSize the largest {@code first}/{@code last} a connection accepts (Shopify: 250)
 * @param maxRequestBytes the largest request body accepted; larger bodies get HTTP 413
 * @param clock the time source of the bucket (tests pass a controllable one)
 */
public record ShopifySimulatorOptions(int bucketSize, double restoreRate, int maxQueryCost, int maxPageSize,
        int maxRequestBytes, InstantSource clock) {

    public ShopifySimulatorOptions {
        requireNonNull(clock, "clock is null");
        if (bucketSize <= 0 || restoreRate < 0 || maxQueryCost <= 0 || maxPageSize <= 0 || maxRequestBytes <= 0) {
            throw new IllegalArgumentException("simulator limits must be positive: bucketSize=" + bucketSize
                    + ", restoreRate=" + restoreRate + ", maxQueryCost=" + maxQueryCost + ", maxPageSize=" + maxPageSize
                    + ", maxRequestBytes=" + maxRequestBytes);
        }
    }

    /** Shopify's standard plan: 2000 points, 100 points/s, 1000 per query, pages of up to 250, 1 MiB bodies. */
    public static ShopifySimulatorOptions defaults() {
        return new ShopifySimulatorOptions(2000, 100, 1000, 250, 1 << 20, InstantSource.system());
    }

    public ShopifySimulatorOptions withBucket(int size, double restorePerSecond) {
        return new ShopifySimulatorOptions(size, restorePerSecond, maxQueryCost, maxPageSize, maxRequestBytes, clock);
    }

    public ShopifySimulatorOptions withMaxRequestBytes(int bytes) {
        return new ShopifySimulatorOptions(bucketSize, restoreRate, maxQueryCost, maxPageSize, bytes, clock);
    }

    public ShopifySimulatorOptions withClock(InstantSource source) {
        return new ShopifySimulatorOptions(bucketSize, restoreRate, maxQueryCost, maxPageSize, maxRequestBytes, source);
    }
}

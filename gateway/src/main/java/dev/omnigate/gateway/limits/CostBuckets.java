package dev.omnigate.gateway.limits;

/**
 * Per-client leaky buckets of cost points, like Shopify's: a bucket holds up to {@code capacity} points and refills at
 * {@code restoreRate} points per second; a request takes its estimated cost up front and is settled with what it
 * actually spent (unspent points go back; spending beyond the estimate is charged, down to one bucket in debt). In memory by default; in Redis when configured, so every gateway instance draws on one bucket per client.
 */
public interface CostBuckets {

    /** The state after an attempt: whether the points were taken, what is left, and when enough will be back. */
    record Take(boolean allowed, double available, long retryAfterMillis) {
    }

    /**
     * Takes {@code points} from the client's bucket if it holds them; never waits.
     *
     * @param capacity the bucket's size for this client
     * @param restoreRate points per second for this client
     */
    Take take(String client, long points, long capacity, double restoreRate);

    /**
     * Settles a request: gives back {@code points} it reserved and did not spend, or charges {@code -points} it spent
     * beyond its estimate. The bucket stays between {@code -capacity} and {@code capacity}.
     */
    void adjust(String client, long points, long capacity, double restoreRate);

    /** Where the buckets live, for the startup log. */
    String describe();
}

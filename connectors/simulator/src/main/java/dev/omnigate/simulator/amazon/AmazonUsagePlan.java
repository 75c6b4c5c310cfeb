package dev.omnigate.simulator.amazon;

import java.math.BigDecimal;

/**
 * One SP-API operation's usage plan as the simulator enforces it: {@code rate} requests per second restored to a
 * bucket of {@code burst} (https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits).
 *
 * @param rate requests per second
 * @param burst bucket size
 */
public record AmazonUsagePlan(BigDecimal rate, int burst) {

    /** Amazon's SP-API sandbox plan for every operation: 5 requests per second, burst 15 (PROTOCOLS.md §2). */
    public static final AmazonUsagePlan SANDBOX = new AmazonUsagePlan(new BigDecimal("5"), 15);

    public AmazonUsagePlan {
        if (rate == null || rate.signum() <= 0 || burst < 1) {
            throw new IllegalArgumentException("a usage plan needs a positive rate and a burst of at least 1");
        }
    }
}

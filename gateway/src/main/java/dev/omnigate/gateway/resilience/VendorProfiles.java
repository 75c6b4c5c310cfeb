package dev.omnigate.gateway.resilience;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in rate-limit profiles, keyed by connector id, with the source of each number
 * ({@code shared/vendor-specs/PROTOCOLS.md}). A limit is {@code limit} calls per {@code period} (Resilience4j's
 * fixed-window limiter: the permits of a period are refilled at its start, so up to twice the limit can pass around a
 * period boundary). Permits count <em>connector calls</em> (one batch, one search page), not single vendor requests;
 * connectors that pace their vendor's requests themselves (Amazon) keep doing so underneath.
 *
 * <ul>
 *   <li>{@code shopify}: the Admin GraphQL API limits by calculated query cost, a leaky bucket of 2,000 points
 *       restoring 100 points/s on Standard plans (§1 Rate limiting). The gateway has no cost per call before the
 *       answer, so this is an <b>approximation in calls</b>: the connector's documents cost about 20 points, so 5
 *       calls/s with a bucket of 50 (50 calls per 10 s).</li>
 *   <li>{@code amazon}: SP-API limits each operation (token bucket, rate/s and burst) and has no account-wide limit
 *       (§2). The per-operation limits are the models' default usage plans, as in the Amazon connector's config
 *       defaults ({@code AmazonOperation}), written as burst per burst/rate: getOrder 0.5/s burst 30 →
 *       {@code orders.getByIds} 30 per 60 s; searchOrders 0.0056/s burst 20 → {@code orders.search} 20 per hour;
 *       getInventorySummaries 2/s burst 2 → {@code inventory.getBySkus} 2 per 1 s; searchListingsItems 5/s burst 5 →
 *       {@code prices.getBySkus} 5 per 1 s.</li>
 *   <li>{@code amazon-sandbox}: Amazon's sandbox plan, 5/s burst 15 for every operation (§2), which the simulator
 *       enforces; used for {@code amazon} accounts while {@code omnigate.sandbox.enabled} is true.</li>
 *   <li>{@code tiktok-shop}: TikTok publishes no numbers (§3: QPS per app and shop, unpublished); a <b>conservative
 *       pick</b> of 5 calls per second.</li>
 *   <li>{@code square}: Square does not document its limits (§4); a <b>conservative pick</b> of 10 calls per
 *       second.</li>
 *   <li>{@code zendesk}: per-minute limits by plan (§5: {@code X-Rate-Limit: 700} on Enterprise; 200/min is the
 *       smallest plan in third-party summaries); 200 calls per minute.</li>
 *   <li>{@code default}: connectors without a profile; 10 calls per second.</li>
 * </ul>
 */
public final class VendorProfiles {

    /** The name of the profile for connectors without one. */
    public static final String DEFAULT = "default";
    /** Profiles named {@code <connector id>}{@value} are used for that connector in sandbox mode. */
    public static final String SANDBOX_SUFFIX = "-sandbox";

    /**
     * A usable limit.
     *
     * @param limit calls per period, at least 1
     * @param period positive
     */
    public record RateLimit(int limit, Duration period) {

        public RateLimit {
            requireNonNull(period, "period is null");
            if (limit < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs a limit of at least 1 and a positive period");
            }
        }

        @Override
        public String toString() {
            return limit + " per " + period;
        }
    }

    /**
     * A resolved profile.
     *
     * @param account the limit of all the account's calls together; empty for none
     * @param operations limits of single operations, by operation name
     */
    public record VendorProfile(Optional<RateLimit> account, Map<String, RateLimit> operations) {

        public VendorProfile {
            requireNonNull(account, "account is null");
            operations = Map.copyOf(operations);
        }
    }

    private static final Map<String, VendorProfile> BUILT_IN = build();

    private VendorProfiles() {
    }

    /** The built-in profiles by name. */
    public static Map<String, VendorProfile> builtIn() {
        return BUILT_IN;
    }

    private static Map<String, VendorProfile> build() {
        Map<String, VendorProfile> profiles = new LinkedHashMap<>();
        profiles.put("shopify", account(50, Duration.ofSeconds(10)));
        profiles.put("amazon", new VendorProfile(Optional.empty(), Map.of(
                "orders.getByIds", new RateLimit(30, Duration.ofSeconds(60)),
                "orders.search", new RateLimit(20, Duration.ofHours(1)),
                "inventory.getBySkus", new RateLimit(2, Duration.ofSeconds(1)),
                "prices.getBySkus", new RateLimit(5, Duration.ofSeconds(1)))));
        RateLimit sandboxPlan = new RateLimit(15, Duration.ofSeconds(3));
        profiles.put("amazon" + SANDBOX_SUFFIX, new VendorProfile(Optional.empty(), Map.of(
                "orders.getByIds", sandboxPlan, "orders.search", sandboxPlan, "inventory.getBySkus", sandboxPlan,
                "prices.getBySkus", sandboxPlan)));
        profiles.put("tiktok-shop", account(5, Duration.ofSeconds(1)));
        profiles.put("square", account(10, Duration.ofSeconds(1)));
        profiles.put("zendesk", account(200, Duration.ofMinutes(1)));
        profiles.put(DEFAULT, account(10, Duration.ofSeconds(1)));
        return Map.copyOf(profiles);
    }

    private static VendorProfile account(int limit, Duration period) {
        return new VendorProfile(Optional.of(new RateLimit(limit, period)), Map.of());
    }
}

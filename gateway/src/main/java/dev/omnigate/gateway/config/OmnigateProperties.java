package dev.omnigate.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own settings ({@code omnigate.*}); every property is documented in {@code config/README.md}.
 *
 * @param requestTimeout how long one GraphQL request may wait for connectors, measured from the request's
 *     start; every connector call gets the remaining time as its deadline
 * @param storesDir the folder whose {@code *.yml} and {@code *.yaml} files define stores and accounts,
 *     relative to the working directory (the repository root)
 * @param graphql GraphQL limits
 * @param identity customer-360 matching rules
 * @param inventory how stock of several accounts is summed
 * @param health connector health checks
 * @param sandbox the embedded simulators
 */
@ConfigurationProperties(prefix = "omnigate")
public record OmnigateProperties(
        @DefaultValue("2500ms") Duration requestTimeout,
        @DefaultValue("config/stores") Path storesDir,
        @DefaultValue GraphQl graphql,
        @DefaultValue Identity identity,
        @DefaultValue Inventory inventory,
        @DefaultValue Health health,
        @DefaultValue Sandbox sandbox) {

    public OmnigateProperties {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("omnigate.request-timeout must be positive, but was " + requestTimeout);
        }
    }

    /**
     * @param maxPageSize the largest {@code first} (and {@code products(skus:)} length) a client may ask for
     * @param maxRequestSize the largest GraphQL request body accepted over HTTP; larger ones get a 413
     */
    public record GraphQl(@DefaultValue("100") int maxPageSize, @DefaultValue("256KB") DataSize maxRequestSize) {
        public GraphQl {
            if (maxPageSize < 1) {
                throw new IllegalArgumentException("omnigate.graphql.max-page-size must be at least 1, but was " + maxPageSize);
            }
            if (maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("omnigate.graphql.max-request-size must be between 1B and 2GB, but was " + maxRequestSize);
            }
        }
    }

    /**
     * @param defaultRegion ISO 3166-1 alpha-2 region for phone numbers written without a country code
     * @param expansionRounds how many times customer360 searches again with the keys (emails, phones) of the
     *     records it found; 0 searches only with the request's key
     * @param searchLimit the most customer records one account may contribute per key searched
     * @param roleLocalParts local parts (before the {@code @}) of shared role addresses such as {@code info@} or
     *     {@code noreply@}: such an address never merges records and cannot be looked up
     * @param blockedEmails addresses that never merge records (placeholders a channel fills in, a shop's own
     *     address on guest orders ...), compared trimmed and lower-cased
     * @param blockedPhones phone numbers that never merge records (placeholders such as +10000000000), in E.164 or
     *     a national number of the default region
     */
    public record Identity(@DefaultValue("US") String defaultRegion, @DefaultValue("1") int expansionRounds,
            @DefaultValue("10") int searchLimit,
            @DefaultValue({"info", "support", "noreply", "no-reply", "donotreply", "do-not-reply", "sales", "admin", "contact",
                "help", "hello", "orders", "service", "customerservice", "team", "office", "billing", "webmaster", "postmaster",
                "marketing", "newsletter"}) List<String> roleLocalParts,
            @DefaultValue({}) List<String> blockedEmails,
            @DefaultValue({}) List<String> blockedPhones) {
        public Identity {
            if (!defaultRegion.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("omnigate.identity.default-region must be an upper-case ISO 3166-1 alpha-2 code, but was '"
                        + defaultRegion + "'");
            }
            if (expansionRounds < 0 || expansionRounds > 3) {
                throw new IllegalArgumentException("omnigate.identity.expansion-rounds must be between 0 and 3, but was " + expansionRounds);
            }
            if (searchLimit < 1 || searchLimit > 100) {
                throw new IllegalArgumentException("omnigate.identity.search-limit must be between 1 and 100, but was " + searchLimit);
            }
            roleLocalParts = List.copyOf(roleLocalParts);
            blockedEmails = List.copyOf(blockedEmails);
            blockedPhones = List.copyOf(blockedPhones);
        }
    }

    /**
     * @param samePlaceRadius how close (in meters) two accounts' locations of the same kind must be to count as one
     *     physical place, whose stock is then counted once; 0 never merges
     */
    public record Inventory(@DefaultValue("100") double samePlaceRadius) {
        public Inventory {
            if (samePlaceRadius < 0 || samePlaceRadius > 10_000) {
                throw new IllegalArgumentException("omnigate.inventory.same-place-radius must be between 0 and 10000 (meters), but was "
                        + samePlaceRadius);
            }
        }
    }

    /**
     * @param timeout how long one account's health check may take
     * @param cacheTtl how long a health result is reused (by the actuator and the {@code channels} query)
     */
    public record Health(@DefaultValue("2s") Duration timeout, @DefaultValue("10s") Duration cacheTtl) {
    }

    /**
     * @param enabled whether to start the vendor simulators and register their accounts as store {@code demo}
     * @param host the loopback address the simulators bind
     * @param seed the demo data set's seed (the documented data set uses the default)
     * @param ports fixed port per simulator, by connector id ({@code shopify: 8701}); 0 or absent picks a free port
     * @param store the store id the sandbox's accounts belong to
     * @param shopify the Shopify simulator's cost-based rate limit
     * @param faults the faults each simulator starts with, by connector id ({@code shopify}, {@code amazon},
     *     {@code tiktok-shop}, {@code square}, {@code zendesk}); changeable at run time over {@code /sandbox/faults}
     * @param vendorRateLimits whether the Amazon and Zendesk simulators enforce the vendors' published limits; false
     *     lifts them for load tests of the gateway (with {@code shopify.*} raised too)
     * @param stockChangesEvery how often the Shopify simulator changes a level of stock by itself and sends its webhook
     *     (a live feed for {@code inventoryChanged} demos); 0 (the default) only on demand ({@code POST /sandbox/stock})
     */
    public record Sandbox(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host,
            @DefaultValue("20261127") long seed, Map<String, Integer> ports, @DefaultValue("demo") String store,
            @DefaultValue SandboxShopify shopify, Map<String, SandboxFault> faults,
            @DefaultValue("true") boolean vendorRateLimits, @DefaultValue("0s") Duration stockChangesEvery) {
        public Sandbox {
            if (stockChangesEvery.isNegative()) {
                throw new IllegalArgumentException("omnigate.sandbox.stock-changes-every must not be negative, but was "
                        + stockChangesEvery);
            }
            ports = ports == null ? Map.of() : Map.copyOf(ports);
            faults = faults == null ? Map.of() : Map.copyOf(faults);
        }
    }

    /**
     * One simulator's start-up faults ({@code omnigate.sandbox.faults.<vendor>.*}); the sandbox checks the vendor and
     * the ranges at start and names the offending key.
     *
     * @param latencyMs fixed delay added to every answer, ms
     * @param jitterMs up to this many further ms, uniformly random
     * @param errorRate share of requests (0..1) answered with {@code status}
     * @param status 429 or 500..599
     * @param retryAfterSeconds {@code Retry-After} of 429 answers (vendors that send one)
     * @param resetRate share of requests (0..1) whose connection is closed without an answer
     * @param malformedRate share of requests (0..1) answered 200 with a truncated JSON body
     * @param down every request answers 503
     */
    public record SandboxFault(@DefaultValue("0") long latencyMs, @DefaultValue("0") long jitterMs,
            @DefaultValue("0") double errorRate, @DefaultValue("503") int status, @DefaultValue("1") long retryAfterSeconds,
            @DefaultValue("0") double resetRate, @DefaultValue("0") double malformedRate, @DefaultValue("false") boolean down) {
    }

    /**
     * The simulated shop's leaky bucket (Shopify's standard plan by default; raise both for load tests of the
     * gateway itself, which would otherwise measure Shopify's throttling).
     *
     * @param bucketSize query cost points the bucket holds
     * @param restoreRate points restored per second
     */
    public record SandboxShopify(@DefaultValue("2000") int bucketSize, @DefaultValue("100") double restoreRate) {
        public SandboxShopify {
            if (bucketSize < 1 || restoreRate <= 0) {
                throw new IllegalArgumentException("omnigate.sandbox.shopify.bucket-size and restore-rate must be positive, but were "
                        + bucketSize + " and " + restoreRate);
            }
        }
    }
}

package dev.omnigate.gateway.cache;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * The entity cache between the schema and the connectors ({@code omnigate.cache.*}); documented in
 * {@code config/README.md}. Invalid values stop startup with a message naming the key and the value.
 *
 * @param enabled whether connector answers are cached at all
 * @param maxEntries the most entries the in-process cache holds (least recently used go first)
 * @param inventory stock levels per SKU
 * @param prices prices per SKU
 * @param locations stores and warehouses
 * @param customers customer records by id
 * @param orders orders by id and by customer
 * @param tickets tickets by id and by requester
 * @param piiInL2 whether entries of personal-data kinds (customers, orders, tickets) are also stored in the shared Redis
 *     L2; by default they stay in each instance's memory only
 */
@ConfigurationProperties(prefix = "omnigate.cache")
public record CacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100000") long maxEntries, Policy inventory,
        Policy prices, Policy locations, Policy customers, Policy orders, Policy tickets, @DefaultValue("false") boolean piiInL2) {

    @ConstructorBinding
    public CacheProperties {
        // each kind has its own defaults; a setting given only in part keeps the defaults of the rest
        inventory = Policy.withDefaults(inventory, "5s", "30s", "10m");
        prices = Policy.withDefaults(prices, "1m", "10m", "1h");
        locations = Policy.withDefaults(locations, "5m", "1h", "24h");
        customers = Policy.withDefaults(customers, "30s", "2m", "15m");
        orders = Policy.withDefaults(orders, "30s", "2m", "15m");
        tickets = Policy.withDefaults(tickets, "30s", "2m", "15m");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("omnigate.cache.max-entries must be at least 1, but was " + maxEntries);
        }
        Map<String, Policy> byName = Map.of("inventory", inventory, "prices", prices, "locations", locations, "customers", customers,
                "orders", orders, "tickets", tickets);
        byName.forEach((name, policy) -> policy.validate("omnigate.cache." + name));
    }

    /** Settings without personal data in L2 (the default). */
    public CacheProperties(boolean enabled, long maxEntries, Policy inventory, Policy prices, Policy locations, Policy customers,
            Policy orders, Policy tickets) {
        this(enabled, maxEntries, inventory, prices, locations, customers, orders, tickets, false);
    }

    /**
     * How long an entry is used.
     *
     * @param fresh served without asking the vendor
     * @param staleWhileRevalidate after {@code fresh}, for this long the entry is still served at once while one
     *     background call refreshes it
     * @param staleIfError after that, for this long the entry is served only when the vendor call fails (breaker open,
     *     vendor down), marked stale in the response
     */
    public record Policy(Duration fresh, Duration staleWhileRevalidate, Duration staleIfError) {

        static Policy withDefaults(Policy given, String fresh, String staleWhileRevalidate, String staleIfError) {
            Policy policy = given == null ? new Policy(null, null, null) : given;
            return new Policy(policy.fresh() == null ? DurationStyle.detectAndParse(fresh) : policy.fresh(),
                    policy.staleWhileRevalidate() == null ? DurationStyle.detectAndParse(staleWhileRevalidate) : policy.staleWhileRevalidate(),
                    policy.staleIfError() == null ? DurationStyle.detectAndParse(staleIfError) : policy.staleIfError());
        }

        void validate(String prefix) {
            check(fresh, prefix + ".fresh");
            check(staleWhileRevalidate, prefix + ".stale-while-revalidate");
            check(staleIfError, prefix + ".stale-if-error");
        }

        private static void check(Duration value, String key) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(key + " must be zero or positive, but was " + value);
            }
        }

        /** How long after storing an entry can be of any use. */
        public Duration lifetime() {
            return fresh.plus(staleWhileRevalidate).plus(staleIfError);
        }
    }

    /** The policy of each kind. */
    public Map<CacheKind, Policy> policies() {
        Map<CacheKind, Policy> policies = new EnumMap<>(CacheKind.class);
        policies.put(CacheKind.INVENTORY, inventory);
        policies.put(CacheKind.PRICES, prices);
        policies.put(CacheKind.LOCATIONS, locations);
        policies.put(CacheKind.CUSTOMERS, customers);
        policies.put(CacheKind.ORDERS, orders);
        policies.put(CacheKind.TICKETS, tickets);
        return policies;
    }
}

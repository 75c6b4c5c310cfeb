package dev.omnigate.gateway.cache;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an entity cache entry holds; each kind has its own freshness policy. */
public enum CacheKind {
    /** Stock levels per SKU: change often, so fresh for seconds. */
    INVENTORY(false),
    /** Prices per SKU: change rarely. */
    PRICES(false),
    /** Stores and warehouses. */
    LOCATIONS(false),
    /** Customer records by id (personal data). */
    CUSTOMERS(true),
    /** Orders by id and by customer (personal data). */
    ORDERS(true),
    /** Tickets by id and by requester (personal data). */
    TICKETS(true);

    private final boolean personalData;

    CacheKind(boolean personalData) {
        this.personalData = personalData;
    }

    /** Whether entries hold personal data (kept out of the shared L2 unless configured otherwise). */
    public boolean personalData() {
        return personalData;
    }

    /** The configuration name, e.g. {@code inventory}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every cached operation, in a stable order. */
    static final List<String> OPERATIONS = List.of("inventory.getBySkus", "prices.getBySkus", "locations.getByIds", "customers.getByIds",
            "orders.getByIds", "orders.getByCustomerIds", "tickets.getByIds", "tickets.getByRequesterIds");

    /** The cached operations whose entries are of this kind (an invalidation of an id drops the entries of each). */
    public List<String> operations() {
        return OPERATIONS.stream().filter(operation -> ofOperation(operation).orElseThrow() == this).toList();
    }

    /**
     * The kind of a batch operation's entries, e.g. {@code inventory.getBySkus} → INVENTORY; empty for operations that
     * are not cached (searches: their answers depend on the query, not on ids).
     */
    public static Optional<CacheKind> ofOperation(String operation) {
        return switch (operation) {
            case "inventory.getBySkus" -> Optional.of(INVENTORY);
            case "prices.getBySkus" -> Optional.of(PRICES);
            case "locations.getByIds" -> Optional.of(LOCATIONS);
            case "customers.getByIds" -> Optional.of(CUSTOMERS);
            case "orders.getByIds", "orders.getByCustomerIds" -> Optional.of(ORDERS);
            case "tickets.getByIds", "tickets.getByRequesterIds" -> Optional.of(TICKETS);
            default -> Optional.empty();
        };
    }
}

package dev.omnigate.connector.testkit;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.OrderQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The data a vendor's stubs serve and the records the connector must turn it into. One part per
 * capability; a declared capability without its part fails the contract test with a message saying
 * which part to add.
 *
 * <p>Expected records are written out literally in the vendor's contract test (never produced by the
 * connector's own mappers, which would make the comparison circular).
 */
public final class ContractFixtures {

    /**
     * Customers by id, and searches.
     *
     * @param expected native id to the exact record the connector must return
     * @param missingIds well-formed ids the stubs do not know
     * @param syntheticMissingId makes the n-th extra well-formed missing id, for request-count checks
     * @param searches searches spanning at least two pages
     */
    public record Customers(Map<String, Customer> expected, Set<String> missingIds, IntFunction<String> syntheticMissingId,
            List<SearchCase<CustomerQuery>> searches) {
        public Customers {
            expected = Map.copyOf(expected);
            missingIds = Set.copyOf(missingIds);
            requireNonNull(syntheticMissingId, "syntheticMissingId is null");
            searches = List.copyOf(searches);
            requireNonEmpty(expected, missingIds, "customers");
        }
    }

    /**
     * Orders by id, searches, and (when {@code ORDERS_BY_CUSTOMER} is declared) orders per customer.
     *
     * @param expected native id to the exact record
     * @param missingIds well-formed ids the stubs do not know
     * @param syntheticMissingId makes extra well-formed missing order ids
     * @param searches searches spanning at least two pages
     * @param ordersByCustomer customer id to the ids of their orders in the reader's order (newest
     *     first); a customer without orders maps to an empty list
     * @param missingCustomerIds customer ids the stubs do not know
     * @param syntheticMissingCustomerId makes extra well-formed unknown customer ids
     */
    public record Orders(Map<String, Order> expected, Set<String> missingIds, IntFunction<String> syntheticMissingId,
            List<SearchCase<OrderQuery>> searches, Map<String, List<String>> ordersByCustomer,
            Set<String> missingCustomerIds, IntFunction<String> syntheticMissingCustomerId) {
        public Orders {
            expected = Map.copyOf(expected);
            missingIds = Set.copyOf(missingIds);
            requireNonNull(syntheticMissingId, "syntheticMissingId is null");
            searches = List.copyOf(searches);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            ordersByCustomer.forEach((customer, orders) -> copy.put(customer, List.copyOf(orders)));
            ordersByCustomer = java.util.Collections.unmodifiableMap(copy);
            missingCustomerIds = Set.copyOf(missingCustomerIds);
            requireNonEmpty(expected, missingIds, "orders");
        }
    }

    /**
     * Per-SKU lookups (inventory levels or prices).
     *
     * @param expected SKU to the exact records, in any order
     * @param missingSkus SKUs the stubs do not know
     * @param syntheticMissingSku makes extra unknown SKUs
     */
    public record BySku<T>(Map<String, List<T>> expected, Set<String> missingSkus, IntFunction<String> syntheticMissingSku) {
        public BySku {
            Map<String, List<T>> copy = new LinkedHashMap<>();
            expected.forEach((sku, records) -> copy.put(sku, List.copyOf(records)));
            expected = java.util.Collections.unmodifiableMap(copy);
            missingSkus = Set.copyOf(missingSkus);
            requireNonNull(syntheticMissingSku, "syntheticMissingSku is null");
            requireNonEmpty(expected, missingSkus, "SKUs");
        }
    }

    /**
     * Locations.
     *
     * @param expected every location {@code listAll} must return, in any order
     * @param missingIds well-formed ids the stubs do not know
     */
    public record Locations(List<Location> expected, Set<String> missingIds) {
        public Locations {
            expected = List.copyOf(expected);
            missingIds = Set.copyOf(missingIds);
            if (expected.isEmpty() || missingIds.isEmpty()) {
                throw new IllegalArgumentException("locations fixtures need expected locations and missing ids");
            }
        }
    }

    /**
     * Tickets by id and by requester.
     *
     * @param expected native id to the exact record
     * @param missingIds well-formed ids the stubs do not know
     * @param syntheticMissingId makes extra missing ticket ids
     * @param ticketsByRequester requester id to their ticket ids, newest first
     * @param missingRequesterIds requester ids the stubs do not know
     */
    public record Tickets(Map<String, Ticket> expected, Set<String> missingIds, IntFunction<String> syntheticMissingId,
            Map<String, List<String>> ticketsByRequester, Set<String> missingRequesterIds) {
        public Tickets {
            expected = Map.copyOf(expected);
            missingIds = Set.copyOf(missingIds);
            requireNonNull(syntheticMissingId, "syntheticMissingId is null");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            ticketsByRequester.forEach((requester, tickets) -> copy.put(requester, List.copyOf(tickets)));
            ticketsByRequester = java.util.Collections.unmodifiableMap(copy);
            missingRequesterIds = Set.copyOf(missingRequesterIds);
            requireNonEmpty(expected, missingIds, "tickets");
        }
    }

    private final Customers customers;
    private final Orders orders;
    private final BySku<InventoryLevel> inventory;
    private final BySku<Price> prices;
    private final Locations locations;
    private final Tickets tickets;
    private final WebhookFixtures webhooks;

    private ContractFixtures(Builder builder) {
        this.customers = builder.customers;
        this.orders = builder.orders;
        this.inventory = builder.inventory;
        this.prices = builder.prices;
        this.locations = builder.locations;
        this.tickets = builder.tickets;
        this.webhooks = builder.webhooks;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Customers> customers() {
        return Optional.ofNullable(customers);
    }

    public Optional<Orders> orders() {
        return Optional.ofNullable(orders);
    }

    public Optional<BySku<InventoryLevel>> inventory() {
        return Optional.ofNullable(inventory);
    }

    public Optional<BySku<Price>> prices() {
        return Optional.ofNullable(prices);
    }

    public Optional<Locations> locations() {
        return Optional.ofNullable(locations);
    }

    public Optional<Tickets> tickets() {
        return Optional.ofNullable(tickets);
    }

    public Optional<WebhookFixtures> webhooks() {
        return Optional.ofNullable(webhooks);
    }

    private static void requireNonEmpty(Map<?, ?> expected, Set<?> missing, String what) {
        if (expected.isEmpty() || missing.isEmpty()) {
            throw new IllegalArgumentException(what + " fixtures need at least one existing and one missing entry");
        }
    }

    /** Collects the parts of a vendor's fixtures. */
    public static final class Builder {
        private Customers customers;
        private Orders orders;
        private BySku<InventoryLevel> inventory;
        private BySku<Price> prices;
        private Locations locations;
        private Tickets tickets;
        private WebhookFixtures webhooks;

        private Builder() {
        }

        public Builder customers(Customers value) {
            this.customers = requireNonNull(value, "customers is null");
            return this;
        }

        public Builder orders(Orders value) {
            this.orders = requireNonNull(value, "orders is null");
            return this;
        }

        public Builder inventory(BySku<InventoryLevel> value) {
            this.inventory = requireNonNull(value, "inventory is null");
            return this;
        }

        public Builder prices(BySku<Price> value) {
            this.prices = requireNonNull(value, "prices is null");
            return this;
        }

        public Builder locations(Locations value) {
            this.locations = requireNonNull(value, "locations is null");
            return this;
        }

        public Builder tickets(Tickets value) {
            this.tickets = requireNonNull(value, "tickets is null");
            return this;
        }

        public Builder webhooks(WebhookFixtures value) {
            this.webhooks = requireNonNull(value, "webhooks is null");
            return this;
        }

        public ContractFixtures build() {
            return new ContractFixtures(this);
        }
    }
}

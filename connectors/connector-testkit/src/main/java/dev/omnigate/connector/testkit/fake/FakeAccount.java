package dev.omnigate.connector.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.Ticket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One fake account's data and test controls, shared by every connector instance the factory creates for
 * that account id. Thread-safe: the host calls readers from many virtual threads while a test changes
 * failures or reads counters.
 *
 * <p>Data is fixed when the factory is built; failures, hangs and the health answer can change at any
 * time (for example between two GraphQL requests).
 */
public final class FakeAccount {

    private final String accountId;
    private final List<Customer> customers;
    private final List<Order> orders;
    private final List<InventoryLevel> inventory;
    private final List<String> stockedWithoutLevels;
    private final List<Price> prices;
    private final List<Location> locations;
    private final List<Ticket> tickets;
    private final int maxBatchSize;

    private final Map<Capability, Supplier<ConnectorException>> failures = new ConcurrentHashMap<>();
    private final Map<Capability, Boolean> hangs = new ConcurrentHashMap<>();
    private final Set<String> failingItems = ConcurrentHashMap.newKeySet();
    private final AtomicReference<ChangePoller> poller = new AtomicReference<>();
    private final AtomicReference<HealthReport> health = new AtomicReference<>(HealthReport.up("fake account answers"));
    private final Map<FakeOperation, AtomicInteger> calls = Collections.synchronizedMap(new EnumMap<>(FakeOperation.class));
    private final Map<FakeOperation, List<Integer>> batchSizes = new ConcurrentHashMap<>();
    private final Map<FakeOperation, AtomicReference<CallContext>> lastContexts = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    FakeAccount(String accountId, List<Customer> customers, List<Order> orders, List<InventoryLevel> inventory,
            List<String> stockedWithoutLevels, List<Price> prices, List<Location> locations, List<Ticket> tickets, int maxBatchSize) {
        this.accountId = requireNonNull(accountId, "accountId is null");
        this.customers = List.copyOf(customers);
        this.orders = List.copyOf(orders);
        this.inventory = List.copyOf(inventory);
        this.stockedWithoutLevels = List.copyOf(stockedWithoutLevels);
        this.prices = List.copyOf(prices);
        this.locations = List.copyOf(locations);
        this.tickets = List.copyOf(tickets);
        this.maxBatchSize = maxBatchSize;
        for (FakeOperation operation : FakeOperation.values()) {
            calls.put(operation, new AtomicInteger());
            batchSizes.put(operation, new CopyOnWriteArrayList<>());
            lastContexts.put(operation, new AtomicReference<>());
        }
    }

    public String accountId() {
        return accountId;
    }

    // ---- test controls -------------------------------------------------------------------------

    /** From now on every call of the capability's readers throws a {@link ConnectorException} of this category. */
    public FakeAccount fail(Capability capability, ErrorCategory category) {
        return fail(capability, () -> category == ErrorCategory.RATE_LIMITED
                ? ConnectorException.rateLimited("fake " + accountId + ": injected RATE_LIMITED", Duration.ofSeconds(2))
                : ConnectorException.builder(category, "fake " + accountId + ": injected " + category).vendorCode("FAKE_" + category).build());
    }

    /** From now on every call of the capability's readers throws what {@code failure} supplies. */
    public FakeAccount fail(Capability capability, Supplier<ConnectorException> failure) {
        failures.put(requireNonNull(capability, "capability is null"), requireNonNull(failure, "failure is null"));
        return this;
    }

    /**
     * From now on every call of the capability's readers blocks until its deadline passes and then throws
     * {@code TIMEOUT}, as a connector that honours the deadline does when the vendor never answers.
     */
    public FakeAccount hang(Capability capability) {
        hangs.put(requireNonNull(capability, "capability is null"), Boolean.TRUE);
        return this;
    }

    /** Removes every injected failure and hang. */
    public FakeAccount heal() {
        failures.clear();
        hangs.clear();
        failingItems.clear();
        return this;
    }

    /**
     * Makes the batch readers (customers and orders by id, prices and inventory by SKU) answer these keys as a vendor
     * answers a record it failed inside a good answer: absent, reported through
     * {@link CallContext#reportItemFailure} as {@code BAD_RESPONSE}. Cleared by {@link #heal()}.
     */
    public FakeAccount failItems(String... keys) {
        failingItems.addAll(List.of(keys));
        return this;
    }

    Set<String> failingItems() {
        return Set.copyOf(failingItems);
    }

    /**
     * The change poller the account's connectors offer (when the factory declares {@code CHANGES_POLLING}); set it
     * before the host creates the account.
     */
    public FakeAccount poller(ChangePoller changePoller) {
        poller.set(changePoller);
        return this;
    }

    Optional<ChangePoller> poller() {
        return Optional.ofNullable(poller.get());
    }

    /** What {@code checkHealth} answers from now on. */
    public FakeAccount health(HealthReport report) {
        health.set(requireNonNull(report, "report is null"));
        return this;
    }

    /** Forgets every counted call. */
    public FakeAccount resetCounters() {
        calls.values().forEach(counter -> counter.set(0));
        batchSizes.values().forEach(List::clear);
        return this;
    }

    // ---- observations ---------------------------------------------------------------------------

    /** How many times the operation was called (failed calls included). */
    public int calls(FakeOperation operation) {
        return calls.get(operation).get();
    }

    /** How many reader calls were made in total, health probes excluded. */
    public int totalReaderCalls() {
        int total = 0;
        for (FakeOperation operation : FakeOperation.values()) {
            if (operation != FakeOperation.HEALTH) {
                total += calls(operation);
            }
        }
        return total;
    }

    /** The number of ids (or SKUs) of each call of a batch operation, in call order. */
    public List<Integer> batchSizes(FakeOperation operation) {
        return List.copyOf(batchSizes.get(operation));
    }

    /** The context of the last call of the operation. */
    public Optional<CallContext> lastContext(FakeOperation operation) {
        return Optional.ofNullable(lastContexts.get(operation).get());
    }

    /** How many connector instances were created for this account. */
    public int createdInstances() {
        return created.get();
    }

    /** How many times a connector instance of this account was closed. */
    public int closedInstances() {
        return closed.get();
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    // ---- data ----------------------------------------------------------------------------------

    public List<Customer> customers() {
        return customers;
    }

    public List<Order> orders() {
        return orders;
    }

    public List<InventoryLevel> inventory() {
        return inventory;
    }

    List<String> stockedWithoutLevels() {
        return stockedWithoutLevels;
    }

    public List<Price> prices() {
        return prices;
    }

    public List<Location> locations() {
        return locations;
    }

    public List<Ticket> tickets() {
        return tickets;
    }

    // ---- used by FakeConnector ------------------------------------------------------------------

    void instanceCreated() {
        created.incrementAndGet();
    }

    void instanceClosed() {
        closed.incrementAndGet();
    }

    HealthReport currentHealth() {
        return health.get();
    }

    /** Counts the call, then fails, hangs or checks the batch size as the test arranged. */
    void enter(FakeOperation operation, CallContext context, int batchSize) {
        calls.get(operation).incrementAndGet();
        lastContexts.get(operation).set(context);
        if (batchSize >= 0) {
            batchSizes.get(operation).add(batchSize);
        }
        Capability capability = operation.capability();
        if (capability == null) {
            return;
        }
        if (hangs.containsKey(capability)) {
            awaitDeadline(context);
        }
        Supplier<ConnectorException> failure = failures.get(capability);
        if (failure != null) {
            throw failure.get();
        }
        if (batchSize > maxBatchSize) {
            // a host bug, reported like a connector would: loudly and with the numbers
            throw ConnectorException.of(ErrorCategory.INTERNAL,
                    "host sent " + batchSize + " keys, more than maxBatchSize " + maxBatchSize);
        }
        if (context.isExpired()) {
            throw ConnectorException.of(ErrorCategory.TIMEOUT, "fake " + accountId + ": deadline passed before the call");
        }
    }

    private void awaitDeadline(CallContext context) {
        try {
            // waits for the deadline like a real connector's HTTP timeout; released early only by close()
            released.await(context.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw ConnectorException.of(ErrorCategory.TIMEOUT, "fake " + accountId + ": no answer before the deadline");
    }

    void releaseHangs() {
        released.countDown();
    }

    List<Order> ordersNewestFirst() {
        List<Order> sorted = new ArrayList<>(orders);
        sorted.sort(FakeConnector.NEWEST_FIRST);
        return sorted;
    }
}

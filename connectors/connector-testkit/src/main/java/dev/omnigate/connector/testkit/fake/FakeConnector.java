package dev.omnigate.connector.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.change.ChangePoller;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.api.read.TicketReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * An in-memory connector over one {@link FakeAccount}. Behaves like a well-written real connector: batch
 * lookups return only existing ids, searches page with opaque cursors, email search is case-insensitive,
 * phone search compares digits (as vendors do after their own normalisation), masked phones and relay
 * emails are stored but never match a search, and calls after {@link #close()} fail with UNAVAILABLE.
 */
final class FakeConnector implements Connector {

    static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt).reversed()
            .thenComparing(order -> order.source().nativeId(), Comparator.reverseOrder());

    private final FakeAccount account;
    private final Set<Capability> capabilities;
    private final int maxBatchSize;
    private final int pageSizeCap;
    private final boolean searchIgnoresQuery;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final CustomerReader customerReader = new Customers();
    private final OrderReader orderReader = new Orders();
    private final InventoryReader inventoryReader = new Inventory();
    private final PriceReader priceReader = new Prices();
    private final LocationReader locationReader = new Locations();
    private final TicketReader ticketReader = new Tickets();

    FakeConnector(FakeAccount account, Set<Capability> capabilities, int maxBatchSize, int pageSizeCap, boolean searchIgnoresQuery) {
        this.account = requireNonNull(account, "account is null");
        this.searchIgnoresQuery = searchIgnoresQuery;
        this.capabilities = Set.copyOf(capabilities);
        this.maxBatchSize = maxBatchSize;
        this.pageSizeCap = pageSizeCap;
        account.instanceCreated();
    }

    @Override
    public Optional<CustomerReader> customers() {
        return when(Capability.CUSTOMERS_READ, customerReader);
    }

    @Override
    public Optional<OrderReader> orders() {
        return when(Capability.ORDERS_READ, orderReader);
    }

    @Override
    public Optional<InventoryReader> inventory() {
        return when(Capability.INVENTORY_READ, inventoryReader);
    }

    @Override
    public Optional<PriceReader> prices() {
        return when(Capability.PRICES_READ, priceReader);
    }

    @Override
    public Optional<LocationReader> locations() {
        return when(Capability.LOCATIONS_READ, locationReader);
    }

    @Override
    public Optional<TicketReader> tickets() {
        return when(Capability.TICKETS_READ, ticketReader);
    }

    @Override
    public Optional<ChangePoller> changePoller() {
        return capabilities.contains(Capability.CHANGES_POLLING) ? account.poller() : Optional.empty();
    }

    private <T> Optional<T> when(Capability capability, T reader) {
        return capabilities.contains(capability) ? Optional.of(reader) : Optional.empty();
    }

    @Override
    public HealthReport checkHealth(CallContext context) {
        try {
            account.enter(FakeOperation.HEALTH, context, -1);
            if (closed.get()) {
                return HealthReport.down("fake " + account.accountId() + " is closed");
            }
            return account.currentHealth();
        } catch (RuntimeException e) {
            return HealthReport.down(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            account.instanceClosed();
            account.releaseHangs();
        }
    }

    /** Drops the keys the account was told to fail and reports each through the context, as a vendor would. */
    private <V> Map<String, V> withItemFailures(CallContext context, Set<String> asked, Map<String, V> found) {
        for (String key : account.failingItems()) {
            if (asked.contains(key)) {
                found.remove(key);
                context.reportItemFailure(key, ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                        "the record " + key + " could not be mapped (fake item failure)"));
            }
        }
        return found;
    }

    private void enter(FakeOperation operation, CallContext context, int batchSize) {
        requireNonNull(context, "context is null");
        if (closed.get()) {
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE, "fake " + account.accountId() + " is closed");
        }
        account.enter(operation, context, batchSize);
    }

    private <T> Page<T> page(List<T> all, PageRequest request) {
        int offset = request.cursor() == null ? 0 : parseCursor(request.cursor());
        int size = Math.min(request.size(), pageSizeCap);
        int end = Math.min(all.size(), offset + size);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        return new Page<>(items, end < all.size() ? "fake-" + end : null);
    }

    private static int parseCursor(String cursor) {
        if (!cursor.matches("fake-\\d{1,9}")) {
            throw ConnectorException.of(ErrorCategory.BAD_REQUEST, "not a cursor of this fake: '" + cursor + "'");
        }
        return Integer.parseInt(cursor.substring("fake-".length()));
    }

    static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    static boolean samePhone(PhoneNumber stored, String e164) {
        if (stored.masked()) {
            return false;
        }
        String left = digits(stored.number());
        String right = digits(e164);
        if (left.length() < 7 || right.length() < 7) {
            return false;
        }
        // national formats lack the country code: compare the shorter number with the other's tail
        return left.length() >= right.length() ? left.endsWith(right) : right.endsWith(left);
    }

    private final class Customers implements CustomerReader {
        @Override
        public int maxBatchSize() {
            return maxBatchSize;
        }

        @Override
        public Map<String, Customer> getByIds(CallContext context, Set<String> ids) {
            enter(FakeOperation.CUSTOMERS_BY_IDS, context, ids.size());
            Map<String, Customer> found = new LinkedHashMap<>();
            for (Customer customer : account.customers()) {
                if (ids.contains(customer.source().nativeId())) {
                    found.put(customer.source().nativeId(), customer);
                }
            }
            return withItemFailures(context, ids, found);
        }

        @Override
        public Page<Customer> search(CallContext context, CustomerQuery query, PageRequest page) {
            enter(FakeOperation.CUSTOMERS_SEARCH, context, -1);
            Predicate<Customer> matches;
            if (searchIgnoresQuery) {
                matches = customer -> true;
            } else if (query.email() != null) {
                String wanted = query.email().trim().toLowerCase(Locale.ROOT);
                matches = customer -> customer.emails().stream()
                        .filter(email -> !email.isRelay())
                        .anyMatch(email -> email.address().trim().toLowerCase(Locale.ROOT).equals(wanted));
            } else if (query.phone() != null) {
                matches = customer -> customer.phones().stream().anyMatch(phone -> samePhone(phone, query.phone()));
            } else {
                String text = query.text().trim().toLowerCase(Locale.ROOT);
                matches = customer -> (customer.displayName() != null && customer.displayName().toLowerCase(Locale.ROOT).contains(text))
                        || customer.emails().stream().map(EmailAddress::address)
                                .anyMatch(address -> address.toLowerCase(Locale.ROOT).contains(text));
            }
            List<Customer> all = account.customers().stream()
                    .filter(matches)
                    .sorted(Comparator.comparing(customer -> customer.source().nativeId()))
                    .toList();
            return page(all, page);
        }
    }

    private final class Orders implements OrderReader {
        @Override
        public int maxBatchSize() {
            return maxBatchSize;
        }

        @Override
        public Map<String, Order> getByIds(CallContext context, Set<String> ids) {
            enter(FakeOperation.ORDERS_BY_IDS, context, ids.size());
            Map<String, Order> found = new LinkedHashMap<>();
            for (Order order : account.orders()) {
                if (ids.contains(order.source().nativeId())) {
                    found.put(order.source().nativeId(), order);
                }
            }
            return withItemFailures(context, ids, found);
        }

        @Override
        public Page<Order> search(CallContext context, OrderQuery query, PageRequest page) {
            enter(FakeOperation.ORDERS_SEARCH, context, -1);
            List<Order> all = account.ordersNewestFirst().stream()
                    .filter(order -> query.createdAfter() == null || !order.createdAt().isBefore(query.createdAfter()))
                    .filter(order -> query.createdBefore() == null || order.createdAt().isBefore(query.createdBefore()))
                    .filter(order -> query.updatedAfter() == null
                            || (order.updatedAt() != null && !order.updatedAt().isBefore(query.updatedAfter())))
                    .filter(order -> query.customerId() == null || query.customerId().equals(order.customerId()))
                    .filter(order -> query.buyerEmail() == null || (order.buyerEmail() != null
                            && order.buyerEmail().address().equalsIgnoreCase(query.buyerEmail())))
                    .toList();
            return page(all, page);
        }

        @Override
        public Map<String, List<Order>> getByCustomerIds(CallContext context, Set<String> customerIds) {
            if (!capabilities.contains(Capability.ORDERS_BY_CUSTOMER)) {
                throw ConnectorException.unsupported(Capability.ORDERS_BY_CUSTOMER);
            }
            enter(FakeOperation.ORDERS_BY_CUSTOMER, context, customerIds.size());
            Map<String, List<Order>> found = new LinkedHashMap<>();
            for (Customer customer : account.customers()) {
                String id = customer.source().nativeId();
                if (customerIds.contains(id)) {
                    found.put(id, account.ordersNewestFirst().stream().filter(order -> id.equals(order.customerId())).toList());
                }
            }
            return found;
        }
    }

    private final class Inventory implements InventoryReader {
        @Override
        public int maxBatchSize() {
            return maxBatchSize;
        }

        @Override
        public Map<String, List<InventoryLevel>> getBySkus(CallContext context, Set<String> skus) {
            enter(FakeOperation.INVENTORY_BY_SKUS, context, skus.size());
            Map<String, List<InventoryLevel>> found = new LinkedHashMap<>();
            for (String sku : account.stockedWithoutLevels()) {
                if (skus.contains(sku)) {
                    found.put(sku, new ArrayList<>());
                }
            }
            for (InventoryLevel level : account.inventory()) {
                if (skus.contains(level.sku())) {
                    found.computeIfAbsent(level.sku(), sku -> new ArrayList<>()).add(level);
                }
            }
            found.replaceAll((sku, levels) -> List.copyOf(levels));
            return withItemFailures(context, skus, found);
        }
    }

    private final class Prices implements PriceReader {
        @Override
        public int maxBatchSize() {
            return maxBatchSize;
        }

        @Override
        public Map<String, List<Price>> getBySkus(CallContext context, Set<String> skus) {
            enter(FakeOperation.PRICES_BY_SKUS, context, skus.size());
            Map<String, List<Price>> found = new LinkedHashMap<>();
            for (Price price : account.prices()) {
                if (skus.contains(price.sku())) {
                    found.computeIfAbsent(price.sku(), sku -> new ArrayList<>()).add(price);
                }
            }
            found.replaceAll((sku, list) -> List.copyOf(list));
            return withItemFailures(context, skus, found);
        }
    }

    private final class Locations implements LocationReader {
        @Override
        public List<Location> listAll(CallContext context) {
            enter(FakeOperation.LOCATIONS_LIST, context, -1);
            return account.locations();
        }
    }

    private final class Tickets implements TicketReader {
        @Override
        public int maxBatchSize() {
            return maxBatchSize;
        }

        @Override
        public Map<String, Ticket> getByIds(CallContext context, Set<String> ids) {
            enter(FakeOperation.TICKETS_BY_IDS, context, ids.size());
            Map<String, Ticket> found = new LinkedHashMap<>();
            for (Ticket ticket : account.tickets()) {
                if (ids.contains(ticket.source().nativeId())) {
                    found.put(ticket.source().nativeId(), ticket);
                }
            }
            return found;
        }

        @Override
        public Map<String, List<Ticket>> getByRequesterIds(CallContext context, Set<String> requesterIds) {
            enter(FakeOperation.TICKETS_BY_REQUESTER, context, requesterIds.size());
            Map<String, List<Ticket>> found = new LinkedHashMap<>();
            for (Customer customer : account.customers()) {
                String id = customer.source().nativeId();
                if (requesterIds.contains(id)) {
                    found.put(id, account.tickets().stream()
                            .filter(ticket -> id.equals(ticket.requesterId()))
                            .sorted(Comparator.comparing(Ticket::createdAt).reversed())
                            .toList());
                }
            }
            return found;
        }
    }
}

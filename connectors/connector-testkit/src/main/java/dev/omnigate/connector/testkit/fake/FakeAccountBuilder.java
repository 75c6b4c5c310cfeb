package dev.omnigate.connector.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.model.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one fake account's data. Convenience methods build SPI records whose {@link SourceRef} points at
 * this account; the raw-record overloads take anything (for odd cases such as masked phones).
 */
public final class FakeAccountBuilder {

    /** Default {@code maxBatchSize} of every fake reader. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 50;

    private final Channel channel;
    private final String connectorId;
    private final String accountId;
    private final List<Customer> customers = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<InventoryLevel> inventory = new ArrayList<>();
    private final List<String> stockedWithoutLevels = new ArrayList<>();
    private final List<Price> prices = new ArrayList<>();
    private final List<Location> locations = new ArrayList<>();
    private final List<Ticket> tickets = new ArrayList<>();
    private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;

    FakeAccountBuilder(Channel channel, String connectorId, String accountId) {
        this.channel = requireNonNull(channel, "channel is null");
        this.connectorId = requireNonNull(connectorId, "connectorId is null");
        this.accountId = requireNonNull(accountId, "accountId is null");
    }

    /** A source reference of this account. */
    public SourceRef ref(String nativeId) {
        return new SourceRef(channel, connectorId, accountId, nativeId);
    }

    /** The most ids each batch reader accepts per call (the store config key {@code max-batch-size} overrides it). */
    public FakeAccountBuilder maxBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, but was " + size);
        }
        this.maxBatchSize = size;
        return this;
    }

    /** A customer with one personal email and one phone (either may be null). */
    public FakeAccountBuilder customer(String id, String displayName, String email, String phone) {
        List<EmailAddress> emails = email == null ? List.of() : List.of(EmailAddress.personal(email));
        List<PhoneNumber> phones = phone == null ? List.of() : List.of(PhoneNumber.of(phone));
        return customer(new Customer(ref(id), displayName, firstName(displayName), lastName(displayName), emails, phones,
                null, Instant.parse("2024-01-01T00:00:00Z"), null));
    }

    /** A marketplace customer known only by a relay email (never an identity key) and an optional phone. */
    public FakeAccountBuilder relayCustomer(String id, String displayName, String relayEmail, String phone) {
        List<PhoneNumber> phones = phone == null ? List.of() : List.of(PhoneNumber.of(phone));
        return customer(new Customer(ref(id), displayName, firstName(displayName), lastName(displayName),
                List.of(EmailAddress.relay(relayEmail)), phones, null, null, null));
    }

    /** A customer whose only phone is masked (TikTok Shop style), with an optional personal email. */
    public FakeAccountBuilder maskedPhoneCustomer(String id, String displayName, String email, String maskedPhone) {
        List<EmailAddress> emails = email == null ? List.of() : List.of(EmailAddress.personal(email));
        return customer(new Customer(ref(id), displayName, firstName(displayName), lastName(displayName), emails,
                List.of(new PhoneNumber(maskedPhone, true)), null, null, null));
    }

    public FakeAccountBuilder customer(Customer customer) {
        customers.add(requireNonNull(customer, "customer is null"));
        return this;
    }

    /** An order paid and waiting for shipping, with the given lines; the total is given explicitly. */
    public FakeAccountBuilder order(String id, String customerId, String createdAt, String total, String currency, OrderLine... lines) {
        return order(new Order(ref(id), "#" + id, customerId, null, Instant.parse(createdAt), null, OrderStatus.OPEN,
                "PAID/UNFULFILLED", FulfillmentMethod.SHIPPING, Money.of(total, currency), List.of(lines), null));
    }

    /** Like {@link #order(String, String, String, String, String, OrderLine...)} with another status. */
    public FakeAccountBuilder order(String id, String customerId, String createdAt, String total, String currency,
            OrderStatus status, OrderLine... lines) {
        return order(new Order(ref(id), "#" + id, customerId, null, Instant.parse(createdAt), null, status,
                status.name(), FulfillmentMethod.SHIPPING, Money.of(total, currency), List.of(lines), null));
    }

    public FakeAccountBuilder order(Order order) {
        orders.add(requireNonNull(order, "order is null"));
        return this;
    }

    /** A line for {@link #order}: {@code quantity} units of {@code sku} at {@code unitPrice}. */
    public static OrderLine line(String sku, String title, int quantity, String unitPrice, String currency) {
        return new OrderLine(null, sku, title, quantity, Money.of(unitPrice, currency));
    }

    public FakeAccountBuilder price(String sku, String title, String amount, String currency) {
        return price(new Price(ref("variant-" + sku), sku, title, Money.of(amount, currency), null));
    }

    public FakeAccountBuilder price(Price price) {
        prices.add(requireNonNull(price, "price is null"));
        return this;
    }

    /** Stock of a SKU at one of this account's locations (nothing incoming). */
    public FakeAccountBuilder stock(String sku, String locationId, long onHand, long committed, long available) {
        return stock(new InventoryLevel(ref(sku + "@" + locationId), sku, locationId, onHand, committed, available, 0,
                Instant.parse("2025-06-01T00:00:00Z")));
    }

    public FakeAccountBuilder stock(InventoryLevel level) {
        inventory.add(requireNonNull(level, "level is null"));
        return this;
    }

    /** A SKU the account stocks but holds no level for anywhere (maps to an empty list). */
    public FakeAccountBuilder stockedWithoutLevels(String sku) {
        stockedWithoutLevels.add(requireNonNull(sku, "sku is null"));
        return this;
    }

    /** An active location; {@code latitude}/{@code longitude} may be null together. */
    public FakeAccountBuilder location(String id, String name, LocationKind kind, Double latitude, Double longitude) {
        GeoPoint geo = latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude);
        return location(new Location(ref(id), name, kind, new Address(null, null, name, null, null, "US"), geo, true));
    }

    public FakeAccountBuilder location(Location location) {
        locations.add(requireNonNull(location, "location is null"));
        return this;
    }

    /** An open ticket of a requester (a customer id of this account). */
    public FakeAccountBuilder ticket(String id, String requesterId, String subject, String createdAt) {
        return ticket(new Ticket(ref(id), requesterId, null, subject, TicketStatus.OPEN, "open", Instant.parse(createdAt), null));
    }

    public FakeAccountBuilder ticket(Ticket ticket) {
        tickets.add(requireNonNull(ticket, "ticket is null"));
        return this;
    }

    FakeAccount build() {
        return new FakeAccount(accountId, customers, orders, inventory, stockedWithoutLevels, prices, locations, tickets, maxBatchSize);
    }

    private static String firstName(String displayName) {
        return displayName == null ? null : displayName.split(" ", 2)[0];
    }

    private static String lastName(String displayName) {
        if (displayName == null) {
            return null;
        }
        String[] parts = displayName.split(" ", 2);
        return parts.length > 1 ? parts[1] : null;
    }
}

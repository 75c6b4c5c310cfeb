package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo data set: one brand, its locations, catalogue, stock, customers on every channel, two years of
 * orders and the helpdesk's tickets. Immutable and vendor-neutral; each simulator renders its vendor's view
 * of it. Built by {@link WorldGenerator}; two worlds from the same seed are {@link #equals equal}.
 */
public final class DemoWorld {

    /** First day of the order calendar (inclusive, UTC). */
    public static final Instant CALENDAR_START = Instant.parse("2024-11-01T00:00:00Z");
    /** End of the order calendar (exclusive, UTC): the last orders are on 2026-10-31. */
    public static final Instant CALENDAR_END = Instant.parse("2026-11-01T00:00:00Z");
    /** The world's key of the demo customer Ava Chen. */
    public static final String AVA_KEY = "P0001";

    private final long seed;
    private final Brand brand;
    private final List<Location> locations;
    private final List<Product> products;
    private final List<Sku> skus;
    private final List<StockLevel> stock;
    private final List<Person> people;
    private final List<Order> orders;
    private final List<Ticket> tickets;

    private final Map<String, Location> locationsByKey;
    private final Map<String, Product> productsByKey;
    private final Map<String, Sku> skusByCode;
    private final Map<String, Person> peopleByKey;
    private final Map<String, Order> ordersByKey;
    private final Map<String, List<Order>> ordersByPerson;

    public DemoWorld(long seed, Brand brand, List<Location> locations, List<Product> products, List<Sku> skus,
            List<StockLevel> stock, List<Person> people, List<Order> orders, List<Ticket> tickets) {
        this.seed = seed;
        this.brand = requireNonNull(brand, "brand is null");
        this.locations = List.copyOf(locations);
        this.products = List.copyOf(products);
        this.skus = List.copyOf(skus);
        this.stock = List.copyOf(stock);
        this.people = List.copyOf(people);
        this.orders = List.copyOf(orders);
        this.tickets = List.copyOf(tickets);
        this.locationsByKey = index(this.locations, Location::key);
        this.productsByKey = index(this.products, Product::key);
        this.skusByCode = index(this.skus, Sku::sku);
        this.peopleByKey = index(this.people, Person::key);
        this.ordersByKey = index(this.orders, Order::key);
        this.ordersByPerson = Collections.unmodifiableMap(this.orders.stream()
                .collect(Collectors.groupingBy(Order::personKey, LinkedHashMap::new, Collectors.toUnmodifiableList())));
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T value : values) {
            if (map.put(key.apply(value), value) != null) {
                throw new IllegalArgumentException("duplicate key " + key.apply(value));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    public long seed() {
        return seed;
    }

    public Brand brand() {
        return brand;
    }

    public List<Location> locations() {
        return locations;
    }

    /** The locations a channel's back office knows, in world order. */
    public List<Location> locationsOn(Channel channel) {
        return locations.stream().filter(l -> l.channels().contains(channel)).toList();
    }

    public List<Product> products() {
        return products;
    }

    public List<Sku> skus() {
        return skus;
    }

    public List<StockLevel> stock() {
        return stock;
    }

    public List<Person> people() {
        return people;
    }

    /** Every order on every channel, oldest first. */
    public List<Order> orders() {
        return orders;
    }

    public List<Ticket> tickets() {
        return tickets;
    }

    public Location location(String key) {
        return require(locationsByKey, key, "location");
    }

    public Product product(String key) {
        return require(productsByKey, key, "product");
    }

    public Sku sku(String sku) {
        return require(skusByCode, sku, "SKU");
    }

    public Optional<Sku> findSku(String sku) {
        return Optional.ofNullable(skusByCode.get(sku));
    }

    public Person person(String key) {
        return require(peopleByKey, key, "person");
    }

    public Order order(String key) {
        return require(ordersByKey, key, "order");
    }

    /** The demo customer Ava Chen. */
    public Person ava() {
        return person(AVA_KEY);
    }

    /** A person's orders on every channel, oldest first. */
    public List<Order> ordersOf(String personKey) {
        return ordersByPerson.getOrDefault(personKey, List.of());
    }

    /** The orders placed on one channel, oldest first. */
    public List<Order> ordersOn(Channel channel) {
        return orders.stream().filter(o -> o.channel() == channel).toList();
    }

    /** The stock of a SKU at a location, if the location carries it. */
    public Optional<StockLevel> stockOf(String sku, String locationKey) {
        return stock.stream().filter(s -> s.sku().equals(sku) && s.locationKey().equals(locationKey)).findFirst();
    }

    /** The tickets a person opened, oldest first. */
    public List<Ticket> ticketsOf(String personKey) {
        return tickets.stream().filter(t -> t.personKey().equals(personKey)).toList();
    }

    private static <T> T require(Map<String, T> map, String key, String what) {
        T value = map.get(key);
        if (value == null) {
            throw new NoSuchElementException("no " + what + " with key '" + key + "' in the demo world");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemoWorld w && seed == w.seed && brand.equals(w.brand) && locations.equals(w.locations)
                && products.equals(w.products) && skus.equals(w.skus) && stock.equals(w.stock)
                && people.equals(w.people) && orders.equals(w.orders) && tickets.equals(w.tickets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, brand, locations, products, skus, stock, people, orders, tickets);
    }

    @Override
    public String toString() {
        return "DemoWorld[seed=" + seed + ", " + people.size() + " people, " + skus.size() + " SKUs, "
                + locations.size() + " locations, " + orders.size() + " orders, " + tickets.size() + " tickets]";
    }
}

package dev.omnigate.simulator.shopify;

import static java.util.Objects.requireNonNull;

import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.ChannelPresence;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.FulfillmentMethod;
import dev.omnigate.simulator.world.FulfillmentStatus;
import dev.omnigate.simulator.world.OrderLine;
import dev.omnigate.simulator.world.Person;
import dev.omnigate.simulator.world.PickupSettings;
import dev.omnigate.simulator.world.PostalAddress;
import dev.omnigate.simulator.world.Sku;
import dev.omnigate.simulator.world.StockLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Shopify shop's view of the demo world: customers (people with a Shopify presence), Shopify orders,
 * products and variants, the Shopify locations and their inventory levels, with Shopify ids. Built once per
 * world; everything is immutable except inventory, which {@link #setAvailable} changes (webhook scenarios).
 * Thread-safe. Emails are stored trimmed and lower case, phones in E.164, as Shopify does.
 */
public final class ShopifyStore {

    // id bases chosen to look like real Shopify ids; consecutive ids are 32768 apart as in the captures
    private static final long STEP = 32_768L;
    private static final long PRODUCT_BASE = 8_915_117_301_810L;
    private static final long VARIANT_BASE = 45_210_338_410_546L;
    private static final long INVENTORY_ITEM_BASE = 47_318_820_028_466L;
    private static final long LOCATION_BASE = 71_654_408_242L;
    private static final long LINE_ITEM_BASE = 15_402_911_334_450L;
    private static final long FULFILLMENT_ORDER_BASE = 6_981_204_148_274L;
    private static final long ADDRESS_BASE = 9_714_530_025_522L;

    private final DemoWorld world;
    private final ShopifyModel.Shop shop;
    private final List<ShopifyModel.Customer> customers = new ArrayList<>();
    private final Map<Long, ShopifyModel.Customer> customersById = new HashMap<>();
    private final Map<String, ShopifyModel.Customer> customersByPerson = new HashMap<>();
    private final List<ShopifyModel.Order> orders = new ArrayList<>();
    private final Map<Long, ShopifyModel.Order> ordersById = new HashMap<>();
    private final Map<String, ShopifyModel.Order> ordersByWorldKey = new HashMap<>();
    private final Map<Long, List<ShopifyModel.Order>> ordersByCustomer = new HashMap<>();
    private final Map<Long, ShopifyModel.LineItem> lineItemsById = new HashMap<>();
    private final Map<Long, ShopifyModel.FulfillmentOrder> fulfillmentOrdersById = new HashMap<>();
    private final List<ShopifyModel.Product> products = new ArrayList<>();
    private final Map<Long, ShopifyModel.Product> productsById = new HashMap<>();
    private final List<ShopifyModel.ProductVariant> variants = new ArrayList<>();
    private final Map<Long, ShopifyModel.ProductVariant> variantsById = new HashMap<>();
    private final Map<String, ShopifyModel.ProductVariant> variantsBySku = new HashMap<>();
    private final List<ShopifyModel.InventoryItem> inventoryItems = new ArrayList<>();
    private final Map<Long, ShopifyModel.InventoryItem> inventoryItemsById = new HashMap<>();
    private final List<ShopifyModel.Location> locations = new ArrayList<>();
    private final Map<Long, ShopifyModel.Location> locationsById = new HashMap<>();
    private final Map<String, ShopifyModel.Location> locationsByKey = new HashMap<>();
    private final Map<String, StockLevel> stock = new ConcurrentHashMap<>();

    /**
     * @param world the demo world
     * @param shopDomain the {@code myshopify.com} domain the shop answers as
     */
    public ShopifyStore(DemoWorld world, String shopDomain) {
        this.world = requireNonNull(world, "world is null");
        requireNonNull(shopDomain, "shopDomain is null");
        this.shop = new ShopifyModel.Shop(ShopifyIds.gid("Shop", 68_817_436_722L), world.brand().name(),
                world.brand().contactEmail(), world.brand().contactEmail(), world.brand().currency(), shopDomain,
                world.brand().timeZone());
        buildLocations();
        buildCatalogue();
        buildCustomersAndOrders();
        world.stock().stream().filter(s -> locationsByKey.containsKey(s.locationKey()))
                .forEach(s -> stock.put(stockKey(s.sku(), s.locationKey()), s));
    }

    public DemoWorld world() {
        return world;
    }

    public ShopifyModel.Shop shop() {
        return shop;
    }

    // ---------------------------------------------------------------- lookups

    /** Customers in id order. */
    public List<ShopifyModel.Customer> customers() {
        return Collections.unmodifiableList(customers);
    }

    public Optional<ShopifyModel.Customer> customer(long legacyId) {
        return Optional.ofNullable(customersById.get(legacyId));
    }

    /** The Shopify customer of a world person, if the person shops on Shopify. */
    public Optional<ShopifyModel.Customer> customerOfPerson(String personKey) {
        return Optional.ofNullable(customersByPerson.get(personKey));
    }

    /** Orders in id (= creation) order. */
    public List<ShopifyModel.Order> orders() {
        return Collections.unmodifiableList(orders);
    }

    public Optional<ShopifyModel.Order> order(long legacyId) {
        return Optional.ofNullable(ordersById.get(legacyId));
    }

    /** The Shopify order for a world order key. */
    public ShopifyModel.Order orderOfWorld(String orderKey) {
        ShopifyModel.Order order = ordersByWorldKey.get(orderKey);
        if (order == null) {
            throw new NoSuchElementException("world order '" + orderKey + "' is not a Shopify order");
        }
        return order;
    }

    public List<ShopifyModel.Order> ordersOfCustomer(long customerLegacyId) {
        return ordersByCustomer.getOrDefault(customerLegacyId, List.of());
    }

    public Optional<ShopifyModel.LineItem> lineItem(long legacyId) {
        return Optional.ofNullable(lineItemsById.get(legacyId));
    }

    public Optional<ShopifyModel.FulfillmentOrder> fulfillmentOrder(long legacyId) {
        return Optional.ofNullable(fulfillmentOrdersById.get(legacyId));
    }

    public List<ShopifyModel.Product> products() {
        return Collections.unmodifiableList(products);
    }

    public Optional<ShopifyModel.Product> product(long legacyId) {
        return Optional.ofNullable(productsById.get(legacyId));
    }

    public List<ShopifyModel.ProductVariant> variants() {
        return Collections.unmodifiableList(variants);
    }

    public Optional<ShopifyModel.ProductVariant> variant(long legacyId) {
        return Optional.ofNullable(variantsById.get(legacyId));
    }

    public ShopifyModel.ProductVariant variantOfSku(String sku) {
        ShopifyModel.ProductVariant variant = variantsBySku.get(sku);
        if (variant == null) {
            throw new NoSuchElementException("no Shopify variant with SKU '" + sku + "'");
        }
        return variant;
    }

    public List<ShopifyModel.InventoryItem> inventoryItems() {
        return Collections.unmodifiableList(inventoryItems);
    }

    public Optional<ShopifyModel.InventoryItem> inventoryItem(long legacyId) {
        return Optional.ofNullable(inventoryItemsById.get(legacyId));
    }

    /** Shopify locations in id order. */
    public List<ShopifyModel.Location> locations() {
        return Collections.unmodifiableList(locations);
    }

    public Optional<ShopifyModel.Location> location(long legacyId) {
        return Optional.ofNullable(locationsById.get(legacyId));
    }

    public ShopifyModel.Location locationOfWorld(String locationKey) {
        ShopifyModel.Location location = locationsByKey.get(locationKey);
        if (location == null) {
            throw new NoSuchElementException("world location '" + locationKey + "' is not a Shopify location");
        }
        return location;
    }

    // ---------------------------------------------------------------- inventory

    /** The inventory levels of an item, one per Shopify location stocking it, in location order. */
    public List<ShopifyModel.InventoryLevel> levelsOfItem(long inventoryItemLegacyId) {
        ShopifyModel.InventoryItem item = inventoryItemsById.get(inventoryItemLegacyId);
        if (item == null) {
            return List.of();
        }
        List<ShopifyModel.InventoryLevel> levels = new ArrayList<>();
        for (ShopifyModel.Location location : locations) {
            level(item, location).ifPresent(levels::add);
        }
        return levels;
    }

    /** The inventory levels at a location, in item order. */
    public List<ShopifyModel.InventoryLevel> levelsAtLocation(long locationLegacyId) {
        ShopifyModel.Location location = locationsById.get(locationLegacyId);
        if (location == null) {
            return List.of();
        }
        List<ShopifyModel.InventoryLevel> levels = new ArrayList<>();
        for (ShopifyModel.InventoryItem item : inventoryItems) {
            level(item, location).ifPresent(levels::add);
        }
        return levels;
    }

    public Optional<ShopifyModel.InventoryLevel> level(long inventoryItemLegacyId, long locationLegacyId) {
        ShopifyModel.InventoryItem item = inventoryItemsById.get(inventoryItemLegacyId);
        ShopifyModel.Location location = locationsById.get(locationLegacyId);
        return item == null || location == null ? Optional.empty() : level(item, location);
    }

    private Optional<ShopifyModel.InventoryLevel> level(ShopifyModel.InventoryItem item, ShopifyModel.Location location) {
        StockLevel level = stock.get(stockKey(item.sku(), location.worldKey()));
        return level == null ? Optional.empty()
                : Optional.of(new ShopifyModel.InventoryLevel(item.legacyId(), location.legacyId(), level, location.createdAt()));
    }

    /** Units available for sale of a SKU summed over all Shopify locations. */
    public int totalAvailable(String sku) {
        return locations.stream().map(l -> stock.get(stockKey(sku, l.worldKey())))
                .filter(java.util.Objects::nonNull).mapToInt(StockLevel::available).sum();
    }

    /**
     * Sets the {@code available} quantity of a SKU at a location (on hand moves with it, committed stays), as a
     * stock count or sale would; the simulator serves the new figure from then on.
     *
     * @return the level after the change
     */
    public ShopifyModel.InventoryLevel setAvailable(String sku, String locationKey, int available, Instant at) {
        if (available < 0) {
            throw new IllegalArgumentException("available must not be negative, was " + available);
        }
        ShopifyModel.ProductVariant variant = variantOfSku(sku);
        ShopifyModel.Location location = locationOfWorld(locationKey);
        StockLevel updated = stock.compute(stockKey(sku, locationKey), (key, old) -> old == null
                ? new StockLevel(sku, locationKey, available, 0, 0, at)
                : new StockLevel(sku, locationKey, old.committed() + available, old.committed(), old.incoming(), at));
        return new ShopifyModel.InventoryLevel(variant.inventoryItemLegacyId(), location.legacyId(), updated,
                location.createdAt());
    }

    private static String stockKey(String sku, String locationKey) {
        return sku + "@" + locationKey;
    }

    // ---------------------------------------------------------------- building

    private void buildLocations() {
        int index = 0;
        for (var loc : world.locationsOn(Channel.SHOPIFY)) {
            long id = LOCATION_BASE + STEP * index++;
            PostalAddress a = loc.address();
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("address1", a.address1());
            address.put("address2", a.address2());
            address.put("city", a.city());
            address.put("province", a.province());
            address.put("provinceCode", a.provinceCode());
            address.put("zip", a.zip());
            address.put("country", a.country());
            address.put("countryCode", a.countryCode());
            address.put("latitude", loc.geo().latitude());
            address.put("longitude", loc.geo().longitude());
            address.put("phone", loc.phone());
            List<String> formatted = new ArrayList<>();
            formatted.add(a.address2() == null ? a.address1() : a.address1() + ", " + a.address2());
            formatted.add(a.city() + " " + a.provinceCode() + " " + a.zip());
            formatted.add(a.country());
            address.put("formatted", formatted);
            Map<String, Object> pickup = loc.pickup() == null ? null
                    : Map.of("pickupTime", pickupTime(loc.pickup()), "instructions", loc.pickup().instructions());
            ShopifyModel.Location location = new ShopifyModel.Location(id, loc.key(), loc.name(),
                    loc.fulfillsOnlineOrders(), loc.shipsInventory(), pickup, Collections.unmodifiableMap(address),
                    loc.openedAt(), loc.openedAt().plus(Duration.ofDays(2)));
            locations.add(location);
            locationsById.put(id, location);
            locationsByKey.put(loc.key(), location);
        }
    }

    private static String pickupTime(PickupSettings pickup) {
        long hours = pickup.readyWithin().toHours();
        return hours <= 1 ? "ONE_HOUR" : hours <= 2 ? "TWO_HOURS" : hours <= 4 ? "FOUR_HOURS"
                : hours <= 24 ? "TWENTY_FOUR_HOURS" : hours <= 96 ? "TWO_TO_FOUR_DAYS" : "FIVE_OR_MORE_DAYS";
    }

    private void buildCatalogue() {
        int variantIndex = 0;
        for (int p = 0; p < world.products().size(); p++) {
            var product = world.products().get(p);
            long productId = PRODUCT_BASE + STEP * p;
            List<Long> variantIds = new ArrayList<>();
            for (String code : product.skus()) {
                Sku sku = world.sku(code);
                long variantId = VARIANT_BASE + STEP * variantIndex;
                long itemId = INVENTORY_ITEM_BASE + STEP * variantIndex;
                variantIndex++;
                List<Map<String, Object>> options = new ArrayList<>();
                if (product.optionNames().isEmpty()) {
                    options.add(Map.of("name", "Title", "value", "Default Title"));
                } else {
                    for (int i = 0; i < product.optionNames().size(); i++) {
                        options.add(Map.of("name", product.optionNames().get(i), "value", sku.optionValues().get(i)));
                    }
                }
                String fullTitle = product.title() + " - " + sku.title();
                ShopifyModel.ProductVariant variant = new ShopifyModel.ProductVariant(variantId, code, sku.title(),
                        fullTitle, fullTitle, sku.price(), sku.compareAtPrice(), sku.barcode(), sku.position(),
                        List.copyOf(options), product.createdAt(), product.createdAt().plus(Duration.ofDays(30)),
                        productId, itemId);
                ShopifyModel.InventoryItem item = new ShopifyModel.InventoryItem(itemId, code, variantId,
                        product.createdAt(), product.createdAt().plus(Duration.ofDays(30)));
                variants.add(variant);
                variantsById.put(variantId, variant);
                variantsBySku.put(code, variant);
                inventoryItems.add(item);
                inventoryItemsById.put(itemId, item);
                variantIds.add(variantId);
            }
            ShopifyModel.Product view = new ShopifyModel.Product(productId, product.key(), product.title(),
                    product.handle(), world.brand().name(), product.productType(), "ACTIVE", product.tags(),
                    product.createdAt(), product.createdAt().plus(Duration.ofDays(30)), List.copyOf(variantIds));
            products.add(view);
            productsById.put(productId, view);
        }
    }

    private void buildCustomersAndOrders() {
        Map<String, ChannelPresence> shopifyPresence = new HashMap<>();
        for (Person person : world.people()) {
            person.presenceOn(Channel.SHOPIFY).ifPresent(p -> shopifyPresence.put(person.key(), p));
        }
        long lineItemIndex = 0;
        int orderIndex = 0;
        Map<String, List<ShopifyModel.Order>> ordersByPerson = new HashMap<>();
        for (var o : world.ordersOn(Channel.SHOPIFY)) {
            long orderId = Long.parseLong(o.nativeId());
            Person person = world.person(o.personKey());
            ChannelPresence presence = shopifyPresence.get(person.key());
            Long customerId = presence == null ? null : Long.parseLong(presence.nativeId());
            List<ShopifyModel.LineItem> lines = new ArrayList<>();
            for (OrderLine line : o.lines()) {
                long lineId = LINE_ITEM_BASE + STEP * lineItemIndex++;
                ShopifyModel.ProductVariant variant = variantsBySku.get(line.sku());
                boolean defaultTitle = "Default Title".equals(line.variantTitle());
                ShopifyModel.LineItem item = new ShopifyModel.LineItem(lineId, line.sku(), line.productTitle(),
                        defaultTitle ? line.productTitle() : line.productTitle() + " - " + line.variantTitle(),
                        defaultTitle ? null : line.variantTitle(), world.brand().name(), line.quantity(),
                        line.currentQuantity(), line.unfulfilledQuantity(), ShopifyModel.moneyBag(line.unitPrice()),
                        ShopifyModel.moneyBag(line.lineTotal()), variant == null ? null : variant.legacyId(),
                        variant == null ? null : variant.productLegacyId());
                lines.add(item);
                lineItemsById.put(lineId, item);
            }
            long fulfillmentOrderId = FULFILLMENT_ORDER_BASE + STEP * orderIndex++;
            boolean pickup = o.method() == FulfillmentMethod.PICKUP;
            String foStatus = o.isCancelled() ? "CANCELLED"
                    : o.fulfillmentStatus() == FulfillmentStatus.FULFILLED ? "CLOSED"
                    : o.fulfillmentStatus() == FulfillmentStatus.PARTIALLY_FULFILLED ? "IN_PROGRESS" : "OPEN";
            ShopifyModel.FulfillmentOrder fulfillmentOrder = new ShopifyModel.FulfillmentOrder(fulfillmentOrderId,
                    orderId, foStatus, pickup ? "PICK_UP" : "SHIPPING", pickup ? "Pickup in store" : "Standard Shipping",
                    locationsByKey.get(o.locationKey()).legacyId(), o.createdAt(), o.updatedAt());
            fulfillmentOrdersById.put(fulfillmentOrderId, fulfillmentOrder);
            BigDecimal current = o.isCancelled() ? new BigDecimal("0.00") : o.total().subtract(o.refunded());
            ShopifyModel.Order order = new ShopifyModel.Order(orderId, o.key(),
                    Integer.parseInt(o.displayName().substring(1)), o.displayName(), lowerCase(o.buyerEmail()),
                    o.buyerPhone(), o.createdAt(), o.updatedAt(), o.createdAt(), o.cancelledAt(),
                    o.isCancelled() ? "CUSTOMER" : null, o.closedAt(), o.financialStatus().name(),
                    o.fulfillmentStatus().name(), customerId, person.fullName(), o.total(),
                    ShopifyModel.moneyBag(o.total()), ShopifyModel.moneyBag(current),
                    ShopifyModel.moneyBag(o.subtotal()), ShopifyModel.moneyBag(o.shipping()),
                    ShopifyModel.moneyBag(o.tax()), ShopifyModel.moneyBag(o.refunded()), "web",
                    o.shippingAddress() == null ? null : mailingAddress(o.shippingAddress(), person, orderId),
                    pickup ? List.of("local-pickup") : List.of(), List.copyOf(lines), List.of(fulfillmentOrder));
            orders.add(order);
            ordersById.put(orderId, order);
            ordersByWorldKey.put(o.key(), order);
            ordersByPerson.computeIfAbsent(person.key(), k -> new ArrayList<>()).add(order);
            if (customerId != null) {
                ordersByCustomer.computeIfAbsent(customerId, k -> new ArrayList<>()).add(order);
            }
        }
        for (Person person : world.people()) {
            ChannelPresence presence = shopifyPresence.get(person.key());
            if (presence == null) {
                continue;
            }
            long id = Long.parseLong(presence.nativeId());
            List<ShopifyModel.Order> theirs = ordersByPerson.getOrDefault(person.key(), List.of());
            BigDecimal spent = theirs.stream().filter(o -> o.cancelledAt() == null)
                    .map(o -> o.totalPrice().subtract(refunded(o)))
                    .reduce(new BigDecimal("0.00"), BigDecimal::add);
            Instant updated = theirs.stream().map(ShopifyModel.Order::updatedAt).max(Comparator.naturalOrder())
                    .filter(t -> t.isAfter(presence.createdAt())).orElse(presence.createdAt());
            ShopifyModel.Customer customer = new ShopifyModel.Customer(id, person.key(), person.firstName(),
                    person.lastName(), person.fullName(), lowerCase(presence.primaryEmail()), presence.phone(),
                    mailingAddress(person.address(), person, id), presence.createdAt(), updated, theirs.size(),
                    ShopifyModel.money(spent), spent.compareTo(new BigDecimal("750")) >= 0 ? List.of("vip") : List.of(),
                    theirs.size() > 1 ? "ENABLED" : "DISABLED", true, null);
            customers.add(customer);
            customersById.put(id, customer);
            customersByPerson.put(person.key(), customer);
        }
        customers.sort(Comparator.comparingLong(ShopifyModel.Customer::legacyId));
    }

    private static BigDecimal refunded(ShopifyModel.Order order) {
        @SuppressWarnings("unchecked")
        Map<String, Object> shopMoney = (Map<String, Object>) order.totalRefundedSet().get("shopMoney");
        return (BigDecimal) shopMoney.get("amount");
    }

    private static String lowerCase(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> mailingAddress(PostalAddress a, Person person, long ownerId) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("id", "gid://shopify/MailingAddress/" + (ADDRESS_BASE + ownerId % 100_000_000L)
                + "?model_name=CustomerAddress");
        address.put("firstName", person.firstName());
        address.put("lastName", person.lastName());
        address.put("name", person.fullName());
        address.put("address1", a.address1());
        address.put("address2", a.address2());
        address.put("city", a.city());
        address.put("province", a.province());
        address.put("provinceCode", a.provinceCode());
        address.put("zip", a.zip());
        address.put("country", a.country());
        address.put("countryCodeV2", a.countryCode());
        address.put("phone", person.phone());
        address.put("formattedArea", a.city() + " " + a.provinceCode() + ", " + a.country());
        return Collections.unmodifiableMap(address);
    }
}

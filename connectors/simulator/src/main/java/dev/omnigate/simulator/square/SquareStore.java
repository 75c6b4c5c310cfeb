package dev.omnigate.simulator.square;

import static java.util.Objects.requireNonNull;

import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.ChannelPresence;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.FulfillmentMethod;
import dev.omnigate.simulator.world.FulfillmentStatus;
import dev.omnigate.simulator.world.Location;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.OrderLine;
import dev.omnigate.simulator.world.Person;
import dev.omnigate.simulator.world.PostalAddress;
import dev.omnigate.simulator.world.Product;
import dev.omnigate.simulator.world.Sku;
import dev.omnigate.simulator.world.StockLevel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo world's point of sale as Square holds it, rendered once in Square's JSON shapes ({@code square/api.json}
 * schemas {@code Location}, {@code Customer}, {@code Order}, {@code CatalogObject}, {@code InventoryCount}).
 *
 * <ul>
 *   <li>Locations: the world's stores known to the POS ({@code Channel.POS}), with address, coordinates and phone.</li>
 *   <li>Customers: every person with a POS presence, with the POS's own id and the email and phone exactly as the
 *       clerk typed them (Ava: {@code " Ava.Chen@Example.com "}, {@code (415) 555-0142}).</li>
 *   <li>Orders: the world's POS orders: till sales without fulfillment, pickup orders with a {@code PICKUP}
 *       fulfillment whose recipient holds the buyer's email and phone as recorded; money in cents.</li>
 *   <li>Catalog: one {@code ITEM} per product, one {@code ITEM_VARIATION} per SKU with {@code sku} and
 *       {@code price_money}.</li>
 *   <li>Inventory: for each stock level at a POS store, {@code IN_STOCK} = available, {@code RESERVED_FOR_SALE} =
 *       committed, {@code IN_TRANSIT_TO} = incoming (a zero {@code IN_STOCK} count is listed, other zero counts
 *       are not).</li>
 * </ul>
 * Ids are derived deterministically from world keys in Square's style (upper-case letters and digits). Immutable.
 */
public final class SquareStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ0123456789".toCharArray();

    private final DemoWorld world;
    private final String merchantId;
    private final String currency;
    private final Map<String, String> locationIds = new LinkedHashMap<>();
    private final List<ObjectNode> locations = new ArrayList<>();
    private final List<ObjectNode> customers = new ArrayList<>();
    private final Map<String, String> customerIdByPerson = new LinkedHashMap<>();
    private final List<ObjectNode> orders = new ArrayList<>();
    private final List<ObjectNode> items = new ArrayList<>();
    private final List<ObjectNode> variations = new ArrayList<>();
    private final Map<String, String> variationIdBySku = new LinkedHashMap<>();
    private final List<ObjectNode> counts = new ArrayList<>();

    public SquareStore(DemoWorld world) {
        this.world = requireNonNull(world, "world is null");
        this.merchantId = id("merchant", world.brand().name(), 13);
        this.currency = world.brand().currency();
        for (Location location : world.locationsOn(Channel.POS)) {
            String id = id("location", location.key(), 13);
            locationIds.put(location.key(), id);
            locations.add(location(id, location));
        }
        for (Product product : world.products()) {
            ObjectNode item = JSON.createObjectNode().put("type", "ITEM").put("id", id("item", product.key(), 24))
                    .put("updated_at", product.createdAt().toString()).put("version", product.createdAt().toEpochMilli())
                    .put("is_deleted", false).put("present_at_all_locations", true);
            item.putObject("item_data").put("name", product.title()).put("product_type", "REGULAR");
            items.add(item);
        }
        for (Sku sku : world.skus()) {
            String variationId = id("variation", sku.sku(), 24);
            variationIdBySku.put(sku.sku(), variationId);
            Product product = world.product(sku.productKey());
            ObjectNode variation = JSON.createObjectNode().put("type", "ITEM_VARIATION").put("id", variationId)
                    .put("updated_at", product.createdAt().toString()).put("version", product.createdAt().toEpochMilli())
                    .put("is_deleted", false).put("present_at_all_locations", true);
            ObjectNode data = variation.putObject("item_variation_data").put("item_id", id("item", product.key(), 24))
                    .put("name", sku.title()).put("sku", sku.sku()).put("ordinal", sku.position())
                    .put("pricing_type", "FIXED_PRICING").put("track_inventory", true).put("sellable", true).put("stockable", true);
            if (sku.barcode() != null) {
                data.put("upc", sku.barcode());
            }
            money(data, "price_money", sku.price());
            variations.add(variation);
        }
        for (StockLevel level : world.stock()) {
            String location = locationIds.get(level.locationKey());
            String variation = variationIdBySku.get(level.sku());
            if (location == null || variation == null) {
                continue; // not a POS store
            }
            addCount(variation, location, "IN_STOCK", level.available(), level.updatedAt());
            addCount(variation, location, "RESERVED_FOR_SALE", level.committed(), level.updatedAt());
            addCount(variation, location, "IN_TRANSIT_TO", level.incoming(), level.updatedAt());
        }
        for (Person person : world.people()) {
            person.presenceOn(Channel.POS).ifPresent(presence -> {
                customerIdByPerson.put(person.key(), presence.nativeId());
                customers.add(customer(person, presence));
            });
        }
        for (Order order : world.ordersOn(Channel.POS)) {
            orders.add(order(order));
        }
    }

    /** A Square-style id: {@code length} upper-case letters and digits derived from {@code kind} and {@code key}. */
    static String id(String kind, String key, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                id.append(ALPHABET[(digest[i % digest.length] & 0xff) % ALPHABET.length]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private void addCount(String variation, String location, String state, int quantity, Instant at) {
        // a tracked variation always has its IN_STOCK count at a store, "0" when sold out; other states only when held
        if (quantity > 0 || state.equals("IN_STOCK")) {
            counts.add(JSON.createObjectNode().put("catalog_object_id", variation).put("catalog_object_type", "ITEM_VARIATION")
                    .put("state", state).put("location_id", location).put("quantity", Integer.toString(quantity))
                    .put("calculated_at", at.toString()));
        }
    }

    private ObjectNode location(String id, Location location) {
        ObjectNode node = JSON.createObjectNode().put("id", id).put("name", location.name());
        address(node.putObject("address"), location.address());
        node.put("timezone", "America/Los_Angeles").put("status", "ACTIVE").put("created_at", location.openedAt().toString())
                .put("merchant_id", merchantId).put("country", location.address().countryCode()).put("language_code", "en-US")
                .put("currency", currency).put("business_name", world.brand().name()).put("type", "PHYSICAL");
        if (location.phone() != null) {
            node.put("phone_number", location.phone());
        }
        node.putArray("capabilities").add("CREDIT_CARD_PROCESSING");
        node.putObject("coordinates").put("latitude", location.geo().latitude()).put("longitude", location.geo().longitude());
        return node;
    }

    private static void address(ObjectNode node, PostalAddress address) {
        node.put("address_line_1", address.address1());
        if (address.address2() != null) {
            node.put("address_line_2", address.address2());
        }
        node.put("locality", address.city()).put("administrative_district_level_1", address.provinceCode())
                .put("postal_code", address.zip()).put("country", address.countryCode());
    }

    private ObjectNode customer(Person person, ChannelPresence presence) {
        ObjectNode node = JSON.createObjectNode().put("id", presence.nativeId())
                .put("created_at", presence.createdAt().toString()).put("updated_at", presence.createdAt().toString())
                .put("given_name", person.firstName()).put("family_name", person.lastName());
        if (presence.primaryEmail() != null) {
            node.put("email_address", presence.primaryEmail());
        }
        if (presence.phone() != null) {
            node.put("phone_number", presence.phone());
        }
        node.putObject("preferences").put("email_unsubscribed", false);
        node.put("creation_source", "DIRECTORY").put("version", 1);
        return node;
    }

    private ObjectNode order(Order order) {
        ObjectNode node = JSON.createObjectNode().put("id", order.nativeId()).put("location_id", locationIds.get(order.locationKey()));
        node.putObject("source").put("name", "Square Point of Sale");
        String customer = customerIdByPerson.get(order.personKey());
        if (customer != null) {
            node.put("customer_id", customer);
        }
        node.put("ticket_name", order.displayName());
        int uid = 0;
        for (OrderLine line : order.lines()) {
            ObjectNode item = node.withArray("line_items").addObject().put("uid", order.nativeId() + "-L" + (++uid))
                    .put("name", line.productTitle()).put("quantity", Integer.toString(line.quantity()))
                    .put("catalog_object_id", variationIdBySku.get(line.sku())).put("item_type", "ITEM");
            if (!"Default Title".equals(line.variantTitle())) {
                item.put("variation_name", line.variantTitle());
            }
            money(item, "base_price_money", line.unitPrice());
            money(item, "gross_sales_money", line.lineTotal());
            money(item, "total_money", line.lineTotal());
        }
        String state = order.isCancelled() ? "CANCELED" : order.closedAt() != null ? "COMPLETED" : "OPEN";
        if (order.method() == FulfillmentMethod.PICKUP) {
            String fulfillmentState = order.isCancelled() ? "CANCELED"
                    : order.fulfillmentStatus() == FulfillmentStatus.FULFILLED ? "COMPLETED" : "RESERVED";
            ObjectNode fulfillment = node.withArray("fulfillments").addObject().put("uid", order.nativeId() + "-F1")
                    .put("type", "PICKUP").put("state", fulfillmentState);
            ObjectNode pickup = fulfillment.putObject("pickup_details").put("placed_at", order.createdAt().toString())
                    .put("schedule_type", "ASAP");
            if ("COMPLETED".equals(fulfillmentState) && order.closedAt() != null) {
                pickup.put("picked_up_at", order.closedAt().toString());
            }
            ObjectNode recipient = pickup.putObject("recipient");
            recipient.put("display_name", world.person(order.personKey()).fullName());
            if (order.buyerEmail() != null) {
                recipient.put("email_address", order.buyerEmail());
            }
            if (order.buyerPhone() != null) {
                recipient.put("phone_number", order.buyerPhone());
            }
        }
        node.put("created_at", order.createdAt().toString()).put("updated_at", order.updatedAt().toString()).put("state", state)
                .put("version", 3);
        Instant closed = order.cancelledAt() != null ? order.cancelledAt() : order.closedAt();
        if (closed != null) {
            node.put("closed_at", closed.toString());
        }
        money(node, "total_money", order.total());
        money(node, "total_tax_money", order.tax());
        money(node, "total_discount_money", BigDecimal.ZERO);
        if (order.refunded() != null && order.refunded().signum() > 0) {
            ObjectNode refund = node.withArray("refunds").addObject().put("id", id("refund", order.key(), 22))
                    .put("location_id", locationIds.get(order.locationKey())).put("status", "COMPLETED").put("reason", "Returned");
            money(refund, "amount_money", order.refunded());
        }
        return node;
    }

    /** Square's Money: the amount in the currency's smallest unit (cents for USD). */
    private void money(ObjectNode parent, String field, BigDecimal amount) {
        int digits = Math.max(java.util.Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        parent.putObject(field).put("amount", amount.movePointRight(digits).longValueExact()).put("currency", currency);
    }

    public DemoWorld world() {
        return world;
    }

    public String merchantId() {
        return merchantId;
    }

    /** The Square location id of a world location, if the POS knows it. */
    public Optional<String> locationId(String worldKey) {
        return Optional.ofNullable(locationIds.get(worldKey));
    }

    /** The Square variation id of a SKU. */
    public Optional<String> variationId(String sku) {
        return Optional.ofNullable(variationIdBySku.get(sku));
    }

    /** The POS customer id of a world person, if they are a POS customer. */
    public Optional<String> customerIdOf(String personKey) {
        return Optional.ofNullable(customerIdByPerson.get(personKey));
    }

    public List<ObjectNode> locations() {
        return Collections.unmodifiableList(locations);
    }

    public List<ObjectNode> customers() {
        return Collections.unmodifiableList(customers);
    }

    /** POS orders, oldest first. */
    public List<ObjectNode> orders() {
        return Collections.unmodifiableList(orders);
    }

    public List<ObjectNode> items() {
        return Collections.unmodifiableList(items);
    }

    public List<ObjectNode> variations() {
        return Collections.unmodifiableList(variations);
    }

    public List<ObjectNode> counts() {
        return Collections.unmodifiableList(counts);
    }
}

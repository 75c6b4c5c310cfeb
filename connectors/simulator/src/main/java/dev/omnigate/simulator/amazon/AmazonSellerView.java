package dev.omnigate.simulator.amazon;

import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.FulfillmentMethod;
import dev.omnigate.simulator.world.FulfillmentStatus;
import dev.omnigate.simulator.world.Location;
import dev.omnigate.simulator.world.LocationKind;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.OrderLine;
import dev.omnigate.simulator.world.Product;
import dev.omnigate.simulator.world.Sku;
import dev.omnigate.simulator.world.StockLevel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo world as the brand's Amazon seller account sees it, rendered in SP-API shapes (models in
 * {@code shared/vendor-specs/amazon/models/}): the world's Amazon orders (all fulfilled by Amazon), the stock of the
 * world's Amazon FBA location(s) in marketplace {@value #MARKETPLACE_ID}, the FBA SKUs' listings at the world's prices.
 *
 * <p>Following orders_2026-01-01.json, {@code buyer.buyerEmail} ("only available for merchant-fulfilled (FBM)
 * orders") is sent only on MFN orders, so the world's FBA orders carry none. Immutable; thread-safe.
 */
public final class AmazonSellerView {

    /** amazon.com. */
    public static final String MARKETPLACE_ID = "ATVPDKIKX0DER";
    /** The demo seller's selling partner id. */
    public static final String SELLER_ID = "A2OMNIGATEDEMO";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PAGE = 100;
    private static final int MAX_SKUS = 50;
    private static final int MAX_IDENTIFIERS = 20;
    private static final Set<String> INCLUDED_DATA = Set.of("BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION",
            "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX", "PAYMENT", "FULFILLMENT_ORDERS");

    /**
     * An HTTP answer.
     *
     * @param status the status
     * @param body the JSON body
     */
    record Answer(int status, ObjectNode body) {
    }

    private final DemoWorld world;
    private final List<Order> ordersNewestFirst;
    private final Map<String, Order> ordersById = new LinkedHashMap<>();
    private final List<Location> fbaLocations;
    private final Map<String, List<StockLevel>> fbaStock = new LinkedHashMap<>();

    AmazonSellerView(DemoWorld world) {
        this.world = world;
        this.ordersNewestFirst = world.ordersOn(Channel.AMAZON).stream()
                .sorted(Comparator.comparing(Order::createdAt).reversed().thenComparing(Order::nativeId)).toList();
        ordersNewestFirst.forEach(order -> ordersById.put(order.nativeId(), order));
        this.fbaLocations = world.locationsOn(Channel.AMAZON).stream()
                .filter(location -> location.kind() == LocationKind.MARKETPLACE_FULFILLMENT).toList();
        Set<String> fbaKeys = new java.util.HashSet<>();
        fbaLocations.forEach(location -> fbaKeys.add(location.key()));
        for (StockLevel level : world.stock()) {
            if (fbaKeys.contains(level.locationKey())) {
                fbaStock.computeIfAbsent(level.sku(), sku -> new ArrayList<>()).add(level);
            }
        }
    }

    /** The world's Amazon orders, newest first (the order searchOrders answers in). */
    public List<Order> orders() {
        return ordersNewestFirst;
    }

    /** SKUs stocked (and listed) at the world's FBA location(s). */
    public Set<String> fbaSkus() {
        return fbaStock.keySet();
    }

    /** The FBA stock of a SKU in marketplace {@value #MARKETPLACE_ID}, summed over the world's FBA locations. */
    public Optional<Fba> fbaStockOf(String sku) {
        List<StockLevel> levels = fbaStock.get(sku);
        if (levels == null) {
            return Optional.empty();
        }
        int onHand = 0;
        int committed = 0;
        int incoming = 0;
        Instant updated = Instant.EPOCH;
        for (StockLevel level : levels) {
            onHand += level.onHand();
            committed += level.committed();
            incoming += level.incoming();
            updated = level.updatedAt().isAfter(updated) ? level.updatedAt() : updated;
        }
        return Optional.of(new Fba(sku, onHand - committed, committed, incoming, updated));
    }

    /**
     * A SKU's FBA figures in SP-API terms.
     *
     * @param sku seller SKU
     * @param fulfillable units that can be picked, packed and shipped (world: on hand minus committed)
     * @param reserved units reserved for customer orders (world: committed)
     * @param inbound units on their way (reported as inboundShippedQuantity)
     * @param updatedAt last change
     */
    public record Fba(String sku, int fulfillable, int reserved, int inbound, Instant updatedAt) {
    }

    // ---- Orders API 2026-01-01 -------------------------------------------------------------------------

    Answer searchOrders(Map<String, String> query) {
        boolean created = query.containsKey("createdAfter");
        boolean updated = query.containsKey("lastUpdatedAfter");
        if (created == updated) {
            return invalid("You must provide exactly one of createdAfter and lastUpdatedAfter.");
        }
        if (created && (query.containsKey("lastUpdatedBefore"))) {
            return invalid("If createdAfter is provided, neither lastUpdatedAfter nor lastUpdatedBefore may be provided.");
        }
        if (updated && query.containsKey("createdBefore")) {
            return invalid("If lastUpdatedAfter is provided, neither createdAfter nor createdBefore may be provided.");
        }
        Instant after;
        Instant before;
        try {
            after = Instant.parse(created ? query.get("createdAfter") : query.get("lastUpdatedAfter"));
            String upper = created ? query.get("createdBefore") : query.get("lastUpdatedBefore");
            before = upper == null ? null : Instant.parse(upper);
        } catch (DateTimeParseException e) {
            return invalid("Dates must be in ISO 8601 format.");
        }
        int size;
        try {
            size = Integer.parseInt(query.getOrDefault("maxResultsPerPage", "100"));
        } catch (NumberFormatException e) {
            return invalid("maxResultsPerPage must be an integer.");
        }
        if (size < 1 || size > MAX_PAGE) {
            return invalid("maxResultsPerPage must be between 1 and 100.");
        }
        List<String> marketplaces = AmazonSimulator.csv(query.get("marketplaceIds"));
        Set<String> included = Set.copyOf(AmazonSimulator.csv(query.get("includedData")));
        if (!INCLUDED_DATA.containsAll(included)) {
            return invalid("includedData has an unknown value.");
        }
        Predicate<Order> window = order -> {
            Instant at = created ? order.createdAt() : order.updatedAt();
            return !at.isBefore(after) && (before == null || !at.isAfter(before));
        };
        List<Order> matching = marketplaces.isEmpty() || marketplaces.contains(MARKETPLACE_ID)
                ? ordersNewestFirst.stream().filter(window).toList() : List.of();
        int from = 0;
        if (query.containsKey("paginationToken")) {
            Optional<Integer> offset = offset(query.get("paginationToken"));
            if (offset.isEmpty() || offset.get() > matching.size()) {
                return invalid("Invalid paginationToken.");
            }
            from = offset.get();
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("orders");
        matching.subList(from, Math.min(matching.size(), from + size)).forEach(order -> list.add(order(order, included)));
        if (from + size < matching.size()) {
            body.putObject("pagination").put("nextToken", token(from + size));
        }
        return new Answer(200, body);
    }

    Answer getOrder(String orderId, Map<String, String> query) {
        Order order = ordersById.get(orderId);
        if (order == null) {
            return new Answer(404, AmazonSimulator.error("NotFound", "The order " + orderId + " does not exist.", ""));
        }
        Set<String> included = Set.copyOf(AmazonSimulator.csv(query.get("includedData")));
        if (!INCLUDED_DATA.containsAll(included)) {
            return invalid("includedData has an unknown value.");
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("order", order(order, included));
        return new Answer(200, body);
    }

    /** One order as orders_2026-01-01.json {@code Order}, with the datasets asked for. */
    ObjectNode order(Order order, Set<String> included) {
        String currency = world.brand().currency();
        boolean amazonFulfilled = order.method() == FulfillmentMethod.MARKETPLACE_FULFILLED;
        ObjectNode node = JSON.createObjectNode();
        node.put("orderId", order.nativeId());
        node.putArray("orderAliases");
        node.put("createdTime", order.createdAt().toString());
        node.put("lastUpdatedTime", order.updatedAt().toString());
        node.putArray("programs");
        node.putObject("salesChannel").put("channelName", "AMAZON").put("marketplaceId", MARKETPLACE_ID)
                .put("marketplaceName", "Amazon.com");
        if (included.contains("BUYER")) {
            ObjectNode buyer = node.putObject("buyer");
            if (!amazonFulfilled && order.buyerEmail() != null) {
                buyer.put("buyerEmail", order.buyerEmail()); // "Only available for merchant-fulfilled (FBM) orders"
            }
        }
        if (included.contains("PROCEEDS")) {
            node.putObject("proceeds").set("grandTotal", money(order.total(), currency));
        }
        if (included.contains("FULFILLMENT")) {
            node.putObject("fulfillment").put("fulfillmentStatus", status(order)).put("fulfilledBy", amazonFulfilled ? "AMAZON" : "MERCHANT")
                    .put("fulfillmentServiceLevel", "STANDARD");
        }
        ArrayNode items = node.putArray("orderItems");
        String digits = order.nativeId().replace("-", "");
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            ObjectNode item = items.addObject();
            item.put("orderItemId", digits.substring(Math.max(0, digits.length() - 12)) + String.format("%02d", i + 1));
            item.put("quantityOrdered", line.quantity());
            ObjectNode product = item.putObject("product");
            product.put("asin", asin(line.sku()));
            product.put("title", title(line.productTitle(), line.variantTitle()));
            product.put("sellerSku", line.sku());
            product.putObject("condition").put("conditionType", "NEW").put("conditionSubtype", "NEW");
            product.putObject("price").set("unitPrice", money(line.unitPrice(), currency));
            if (included.contains("FULFILLMENT")) {
                item.putObject("fulfillment").put("quantityFulfilled", line.fulfilledQuantity())
                        .put("quantityUnfulfilled", line.unfulfilledQuantity());
            }
        }
        return node;
    }

    private static String status(Order order) {
        if (order.isCancelled()) {
            return "CANCELLED";
        }
        return order.fulfillmentStatus() == FulfillmentStatus.FULFILLED ? "SHIPPED"
                : order.fulfillmentStatus() == FulfillmentStatus.PARTIALLY_FULFILLED ? "PARTIALLY_SHIPPED" : "UNSHIPPED";
    }

    // ---- FBA inventory v1 ------------------------------------------------------------------------------

    Answer inventorySummaries(Map<String, String> query) {
        if (!"Marketplace".equals(query.get("granularityType")) || query.get("granularityId") == null
                || AmazonSimulator.csv(query.get("marketplaceIds")).size() != 1) {
            return invalid("granularityType=Marketplace, granularityId and exactly one marketplaceIds value are required.");
        }
        List<String> skus = AmazonSimulator.csv(query.get("sellerSkus"));
        if (skus.size() > MAX_SKUS) {
            return invalid("You may specify up to 50 SKUs.");
        }
        Instant since = null;
        if (query.containsKey("startDateTime")) {
            try {
                since = Instant.parse(query.get("startDateTime"));
            } catch (DateTimeParseException e) {
                return invalid("startDateTime must be in ISO 8601 format.");
            }
        }
        boolean ours = MARKETPLACE_ID.equals(query.get("granularityId"));
        boolean details = "true".equals(query.get("details"));
        ObjectNode body = JSON.createObjectNode();
        ObjectNode payload = body.putObject("payload");
        payload.putObject("granularity").put("granularityType", "Marketplace").put("granularityId", query.get("granularityId"));
        ArrayNode summaries = payload.putArray("inventorySummaries");
        if (ours) {
            // startDateTime ignores sellerSkus (fbaInventory.json getInventorySummaries)
            List<String> selected = since != null || skus.isEmpty() ? List.copyOf(fbaStock.keySet()) : skus;
            for (String sku : selected) {
                Optional<Fba> fba = fbaStockOf(sku);
                if (fba.isEmpty() || (since != null && fba.get().updatedAt().isBefore(since))) {
                    continue;
                }
                summaries.add(summary(fba.get(), details));
            }
        }
        return new Answer(200, body);
    }

    private ObjectNode summary(Fba fba, boolean details) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("asin", asin(fba.sku()));
        summary.put("fnSku", "X00" + asin(fba.sku()).substring(3));
        summary.put("sellerSku", fba.sku());
        summary.put("condition", "NewItem");
        if (details) {
            ObjectNode inventory = summary.putObject("inventoryDetails");
            inventory.put("fulfillableQuantity", fba.fulfillable());
            inventory.put("inboundWorkingQuantity", 0);
            inventory.put("inboundShippedQuantity", fba.inbound());
            inventory.put("inboundReceivingQuantity", 0);
            inventory.putObject("reservedQuantity").put("totalReservedQuantity", fba.reserved())
                    .put("pendingCustomerOrderQuantity", fba.reserved()).put("pendingTransshipmentQuantity", 0)
                    .put("fcProcessingQuantity", 0);
        }
        summary.put("lastUpdatedTime", fba.updatedAt().toString());
        Sku sku = world.sku(fba.sku());
        summary.put("productName", title(world.product(sku.productKey()).title(), sku.title()));
        summary.put("totalQuantity", fba.fulfillable() + fba.reserved() + fba.inbound());
        summary.putArray("stores");
        return summary;
    }

    // ---- Listings Items 2021-08-01 ---------------------------------------------------------------------

    Answer searchListingsItems(String sellerId, Map<String, String> query) {
        if (!SELLER_ID.equals(sellerId)) {
            return new Answer(403, AmazonSimulator.error("Unauthorized", "Access to requested resource is denied.", ""));
        }
        List<String> marketplaces = AmazonSimulator.csv(query.get("marketplaceIds"));
        if (marketplaces.isEmpty()) {
            return invalid("marketplaceIds is required.");
        }
        List<String> identifiers = AmazonSimulator.csv(query.get("identifiers"));
        if (!identifiers.isEmpty() && !"SKU".equals(query.get("identifiersType"))) {
            return invalid("identifiersType is required with identifiers; the sandbox seller supports SKU.");
        }
        if (identifiers.size() > MAX_IDENTIFIERS) {
            return invalid("identifiers takes at most 20 values.");
        }
        int pageSize;
        try {
            pageSize = Integer.parseInt(query.getOrDefault("pageSize", "10"));
        } catch (NumberFormatException e) {
            return invalid("pageSize must be an integer.");
        }
        if (pageSize < 1 || pageSize > MAX_IDENTIFIERS) {
            return invalid("pageSize must be between 1 and 20.");
        }
        Set<String> included = Set.copyOf(AmazonSimulator.csv(query.getOrDefault("includedData", "summaries")));
        List<String> listed = (identifiers.isEmpty() ? List.copyOf(fbaStock.keySet()) : identifiers).stream()
                .filter(fbaStock::containsKey).toList();
        int from = 0;
        if (query.containsKey("pageToken")) {
            Optional<Integer> offset = offset(query.get("pageToken"));
            if (offset.isEmpty() || offset.get() > listed.size()) {
                return invalid("Invalid pageToken.");
            }
            from = offset.get();
        }
        boolean ours = marketplaces.contains(MARKETPLACE_ID);
        ObjectNode body = JSON.createObjectNode();
        body.put("numberOfResults", ours ? listed.size() : 0);
        ArrayNode items = body.putArray("items");
        if (ours) {
            listed.subList(from, Math.min(listed.size(), from + pageSize)).forEach(sku -> items.add(listing(sku, included)));
            if (from + pageSize < listed.size()) {
                body.putObject("pagination").put("nextToken", token(from + pageSize));
            }
        }
        return new Answer(200, body);
    }

    private ObjectNode listing(String skuCode, Set<String> included) {
        Sku sku = world.sku(skuCode);
        Product product = world.product(sku.productKey());
        ObjectNode item = JSON.createObjectNode();
        item.put("sku", skuCode);
        if (included.contains("summaries")) {
            item.putArray("summaries").addObject().put("marketplaceId", MARKETPLACE_ID).put("asin", asin(skuCode))
                    .put("productType", product.productType().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'))
                    .put("conditionType", "new_new").put("itemName", title(product.title(), sku.title()))
                    .put("createdDate", product.createdAt().toString()).put("lastUpdatedDate", product.createdAt().toString())
                    .putArray("status").add("BUYABLE").add("DISCOVERABLE");
        }
        if (included.contains("offers")) {
            ObjectNode offer = item.putArray("offers").addObject();
            offer.put("marketplaceId", MARKETPLACE_ID).put("offerType", "B2C");
            offer.set("price", money(sku.price(), world.brand().currency()));
            offer.putObject("audience").put("value", "ALL").put("displayName", "Sell on Amazon");
        }
        if (included.contains("fulfillmentAvailability")) {
            // FBA listings: Amazon's channel, whose quantity getInventorySummaries reports
            item.putArray("fulfillmentAvailability").addObject().put("fulfillmentChannelCode", "AMAZON_NA");
        }
        return item;
    }

    // ---- Sellers v1 ------------------------------------------------------------------------------------

    Answer marketplaceParticipations() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode participation = body.putArray("payload").addObject();
        participation.putObject("marketplace").put("id", MARKETPLACE_ID).put("countryCode", "US").put("name", "Amazon.com")
                .put("defaultCurrencyCode", world.brand().currency()).put("defaultLanguageCode", "en_US")
                .put("domainName", "www.amazon.com");
        participation.put("storeName", world.brand().name());
        participation.putObject("participation").put("isParticipating", !fbaLocations.isEmpty()).put("hasSuspendedListings", false);
        return new Answer(200, body);
    }

    // ------------------------------------------------------------------------------------------------

    private static Answer invalid(String details) {
        return new Answer(400, AmazonSimulator.error("InvalidInput", "Invalid Input", details));
    }

    private static ObjectNode money(BigDecimal amount, String currency) {
        // Orders 2026-01-01 / Listings Money: {amount: Decimal string, currencyCode}
        return JSON.createObjectNode().put("amount", amount.toPlainString()).put("currencyCode", currency);
    }

    private static String title(String product, String variant) {
        return variant == null || variant.equals("Default Title") ? product : product + " - " + variant;
    }

    /** A stable made-up ASIN for a SKU (B0 + 8 characters). */
    static String asin(String sku) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        long hash = 1125899906842597L;
        for (char c : sku.toCharArray()) {
            hash = 31 * hash + c;
        }
        StringBuilder asin = new StringBuilder("B0");
        for (int i = 0; i < 8; i++) {
            asin.append(alphabet.charAt((int) Math.floorMod(hash, alphabet.length())));
            hash /= alphabet.length();
            hash = hash * 7 + i;
        }
        return asin.toString();
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Integer> offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                return Optional.empty();
            }
            int offset = Integer.parseInt(text.substring("offset:".length()));
            return offset < 0 ? Optional.empty() : Optional.of(offset);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

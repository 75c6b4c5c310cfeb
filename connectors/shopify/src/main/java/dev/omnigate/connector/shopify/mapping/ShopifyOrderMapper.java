package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.ShopifyJson.string;
import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.identity.MarketplaceRelays;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Shopify {@code Order} → SPI {@link Order}. Pure; thread-safe.
 *
 * <ul>
 *   <li>Status: {@code cancelledAt} → CANCELLED; financial REFUNDED → REFUNDED; fulfilment FULFILLED →
 *       FULFILLED; PARTIALLY_FULFILLED → PARTIALLY_FULFILLED; financial PENDING or AUTHORIZED (nothing
 *       fulfilled) → PENDING; otherwise OPEN. {@code rawStatus} is
 *       {@code "<displayFinancialStatus>/<displayFulfillmentStatus>"} (an absent financial status is empty).</li>
 *   <li>Fulfilment: from the fulfilment orders' delivery method (PICK_UP → PICKUP, RETAIL → IN_STORE,
 *       SHIPPING/LOCAL/PICKUP_POINT → SHIPPING, NONE or none → UNKNOWN; when they differ, pickup wins over
 *       in-store over shipping); no fulfilment order but a {@code retailLocation} (a POS sale) → IN_STORE.</li>
 *   <li>Location: the retail location, else the assigned location of the pickup fulfilment order.</li>
 *   <li>Money: {@code totalPriceSet.shopMoney} (shop currency); line unit price
 *       {@code originalUnitPriceSet.shopMoney}.</li>
 * </ul>
 */
public final class ShopifyOrderMapper {

    private final SourceRefs refs;

    public ShopifyOrderMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /**
     * @param order an {@code Order} object as the connector selects it
     * @param lines its line items (the connector may have fetched more pages of them)
     * @throws dev.omnigate.connector.api.error.ConnectorException BAD_RESPONSE naming the missing field
     *     when the object lacks {@code id}, {@code createdAt} or {@code totalPriceSet}
     */
    public Order toOrder(JsonNode order, List<JsonNode> lines) {
        String what = ShopifyJson.label("Order", order);
        String id = ShopifyIds.legacyId(order).orElseThrow(() -> ShopifyJson.malformed(what, "lacks id"));
        Instant createdAt = ShopifyJson.instant(order, "createdAt", what);
        if (createdAt == null) {
            throw ShopifyJson.malformed(what, "lacks createdAt");
        }
        Money total = ShopifyJson.shopMoney(order.get("totalPriceSet"), what);
        if (total == null) {
            throw ShopifyJson.malformed(what, "lacks totalPriceSet");
        }
        String financial = string(order, "displayFinancialStatus");
        String fulfillment = string(order, "displayFulfillmentStatus");
        List<JsonNode> fulfillmentOrders = ShopifyJson.nodes(order.get("fulfillmentOrders"));
        JsonNode retailLocation = order.get("retailLocation");
        boolean hasRetailLocation = retailLocation != null && retailLocation.isObject();
        String email = string(order, "email");
        return new Order(
                refs.of(id),
                string(order, "name"),
                ShopifyIds.legacyId(order.get("customer")).orElse(null),
                email == null ? null : MarketplaceRelays.classify(email),
                createdAt,
                ShopifyJson.instant(order, "updatedAt", what),
                status(order.get("cancelledAt") != null && !order.get("cancelledAt").isNull(), financial, fulfillment),
                (financial == null ? "" : financial) + "/" + (fulfillment == null ? "" : fulfillment),
                fulfillmentMethod(fulfillmentOrders, hasRetailLocation),
                total,
                lines.stream().map(line -> toLine(line, what)).toList(),
                locationId(retailLocation, fulfillmentOrders));
    }

    /** The line items selected with the order itself. */
    public Order toOrder(JsonNode order) {
        return toOrder(order, ShopifyJson.nodes(order.get("lineItems")));
    }

    /** The status table of the class comment. */
    public static OrderStatus status(boolean cancelled, String financial, String fulfillment) {
        if (cancelled) {
            return OrderStatus.CANCELLED;
        }
        if ("REFUNDED".equals(financial)) {
            return OrderStatus.REFUNDED;
        }
        if ("FULFILLED".equals(fulfillment)) {
            return OrderStatus.FULFILLED;
        }
        if ("PARTIALLY_FULFILLED".equals(fulfillment)) {
            return OrderStatus.PARTIALLY_FULFILLED;
        }
        if ("PENDING".equals(financial) || "AUTHORIZED".equals(financial)) {
            return OrderStatus.PENDING;
        }
        return OrderStatus.OPEN;
    }

    /** A {@code DeliveryMethodType} → fulfilment method; null and unknown values are UNKNOWN. */
    public static FulfillmentMethod method(String deliveryMethodType) {
        if (deliveryMethodType == null) {
            return FulfillmentMethod.UNKNOWN;
        }
        return switch (deliveryMethodType) {
            case "PICK_UP" -> FulfillmentMethod.PICKUP;
            case "RETAIL" -> FulfillmentMethod.IN_STORE;
            case "SHIPPING", "LOCAL", "PICKUP_POINT" -> FulfillmentMethod.SHIPPING;
            default -> FulfillmentMethod.UNKNOWN; // NONE, and values added to the enum later
        };
    }

    static FulfillmentMethod fulfillmentMethod(List<JsonNode> fulfillmentOrders, boolean hasRetailLocation) {
        if (fulfillmentOrders.isEmpty()) {
            return hasRetailLocation ? FulfillmentMethod.IN_STORE : FulfillmentMethod.UNKNOWN;
        }
        FulfillmentMethod best = FulfillmentMethod.UNKNOWN;
        for (JsonNode fulfillmentOrder : fulfillmentOrders) {
            FulfillmentMethod method = method(string(fulfillmentOrder.path("deliveryMethod"), "methodType"));
            if (rank(method) > rank(best)) {
                best = method;
            }
        }
        return best;
    }

    private static int rank(FulfillmentMethod method) {
        return switch (method) {
            case PICKUP -> 3;
            case IN_STORE -> 2;
            case SHIPPING, MARKETPLACE_FULFILLED -> 1;
            case UNKNOWN -> 0;
        };
    }

    private static String locationId(JsonNode retailLocation, List<JsonNode> fulfillmentOrders) {
        if (retailLocation != null && retailLocation.isObject()) {
            return ShopifyIds.legacyId(retailLocation).orElse(null);
        }
        for (JsonNode fulfillmentOrder : fulfillmentOrders) {
            if ("PICK_UP".equals(string(fulfillmentOrder.path("deliveryMethod"), "methodType"))) {
                return ShopifyIds.legacyId(fulfillmentOrder.path("assignedLocation").get("location")).orElse(null);
            }
        }
        return null;
    }

    /** A {@code LineItem}; its title falls back to {@code name}. */
    public OrderLine toLine(JsonNode line, String orderLabel) {
        String what = orderLabel + " line " + (Json.text(line.get("id")) == null ? "(no id)" : Json.text(line.get("id")));
        String title = string(line, "title") != null ? string(line, "title") : string(line, "name");
        if (title == null) {
            throw ShopifyJson.malformed(what, "lacks title and name");
        }
        long quantity = ShopifyJson.number(line, "quantity", -1);
        if (quantity < 0 || quantity > Integer.MAX_VALUE) {
            throw ShopifyJson.malformed(what, "lacks a valid quantity");
        }
        return new OrderLine(ShopifyIds.tail(Json.text(line.get("id"))).orElse(null), string(line, "sku"), title,
                (int) quantity, ShopifyJson.shopMoney(line.get("originalUnitPriceSet"), what));
    }

    /** Convenience for tests and callers holding a list. */
    public List<Order> toOrders(List<JsonNode> orders) {
        List<Order> result = new ArrayList<>();
        orders.forEach(order -> result.add(toOrder(order)));
        return result;
    }
}

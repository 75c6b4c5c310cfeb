package dev.omnigate.connector.amazon.mapping;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Orders API 2026-01-01 {@code Order} (orders_2026-01-01.json) → {@link Order}.
 *
 * <ul>
 *   <li>status from {@code fulfillment.fulfillmentStatus}: PENDING_AVAILABILITY/PENDING → PENDING, UNSHIPPED → OPEN,
 *       PARTIALLY_SHIPPED → PARTIALLY_FULFILLED, SHIPPED → FULFILLED, CANCELLED → CANCELLED, anything else (also
 *       UNFULFILLABLE) → UNKNOWN; the raw value is kept as {@code rawStatus}</li>
 *   <li>{@code fulfillment.fulfilledBy} AMAZON (AFN) → MARKETPLACE_FULFILLED with the marketplace's FBA location;
 *       MERCHANT (MFN) → SHIPPING</li>
 *   <li>{@code buyer.buyerEmail} is Amazon's anonymised relay: always {@link EmailAddress#relay(String, Channel)}</li>
 *   <li>total = {@code proceeds.grandTotal}; without it, the sum of the lines' unit price × quantity</li>
 *   <li>the name is the order id (what Amazon shows the buyer); there is no customer id</li>
 * </ul>
 */
public final class AmazonOrderMapper {

    private final SourceRefs refs;

    public AmazonOrderMapper(SourceRefs refs) {
        this.refs = refs;
    }

    /** The FBA location id of a marketplace, e.g. {@code FBA:ATVPDKIKX0DER}. */
    public static String fbaLocationId(String marketplaceId) {
        return "FBA:" + marketplaceId;
    }

    public Order map(JsonNode order) {
        if (order == null || !order.isObject()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon: an order is not a JSON object");
        }
        String id = AmazonJson.requireText(order, "orderId", "an order");
        String what = "order " + id;
        Instant created = AmazonJson.instant(order, "createdTime", what);
        if (created == null) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon: " + what + " lacks createdTime");
        }
        Instant updated = AmazonJson.instant(order, "lastUpdatedTime", what);
        JsonNode fulfillment = order.path("fulfillment");
        String rawStatus = Json.text(fulfillment.path("fulfillmentStatus"));
        String fulfilledBy = Json.text(fulfillment.path("fulfilledBy"));
        String marketplaceId = Json.text(order.path("salesChannel").path("marketplaceId"));
        FulfillmentMethod method = method(fulfilledBy);
        String email = Json.text(order.path("buyer").path("buyerEmail"));
        List<OrderLine> lines = lines(order.path("orderItems"), what);
        Money total = AmazonMoney.parse(order.path("proceeds").path("grandTotal"), what + " proceeds.grandTotal");
        if (total == null) {
            total = sumOfLines(lines, what);
        }
        String locationId = method == FulfillmentMethod.MARKETPLACE_FULFILLED && marketplaceId != null
                ? fbaLocationId(marketplaceId) : null;
        return new Order(refs.of(id), id, null,
                email == null || email.isBlank() ? null : EmailAddress.relay(email, Channel.AMAZON),
                created, updated, status(rawStatus), rawStatus == null ? "" : rawStatus, method, total, lines, locationId);
    }

    /** The normalised status of a raw {@code FulfillmentStatus}; unknown values map to UNKNOWN. */
    public static OrderStatus status(String raw) {
        if (raw == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "PENDING_AVAILABILITY", "PENDING" -> OrderStatus.PENDING;
            case "UNSHIPPED" -> OrderStatus.OPEN;
            case "PARTIALLY_SHIPPED" -> OrderStatus.PARTIALLY_FULFILLED;
            case "SHIPPED" -> OrderStatus.FULFILLED;
            case "CANCELLED", "CANCELED" -> OrderStatus.CANCELLED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    /** AMAZON/AFN → MARKETPLACE_FULFILLED, MERCHANT/MFN → SHIPPING, else UNKNOWN. */
    public static FulfillmentMethod method(String fulfilledBy) {
        if (fulfilledBy == null) {
            return FulfillmentMethod.UNKNOWN;
        }
        return switch (fulfilledBy.trim().toUpperCase(Locale.ROOT)) {
            case "AMAZON", "AFN" -> FulfillmentMethod.MARKETPLACE_FULFILLED;
            case "MERCHANT", "MFN" -> FulfillmentMethod.SHIPPING;
            default -> FulfillmentMethod.UNKNOWN;
        };
    }

    private static List<OrderLine> lines(JsonNode items, String what) {
        if (!items.isArray()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon: " + what + " lacks orderItems");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            String itemId = Json.text(item.path("orderItemId"));
            JsonNode product = item.path("product");
            String sku = Json.text(product.path("sellerSku"));
            String title = Json.text(product.path("title"));
            if (title == null) {
                title = sku != null ? sku : Json.text(product.path("asin"));
            }
            JsonNode quantity = item.path("quantityOrdered");
            if (!quantity.isIntegralNumber() || quantity.asLong() < 0 || quantity.asLong() > Integer.MAX_VALUE) {
                throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                        "amazon: " + what + " item " + itemId + " has no valid quantityOrdered");
            }
            Money unitPrice = AmazonMoney.parse(product.path("price").path("unitPrice"),
                    what + " item " + itemId + " price.unitPrice");
            lines.add(new OrderLine(itemId, sku, title == null ? "" : title, quantity.asInt(), unitPrice));
        }
        return lines;
    }

    private static Money sumOfLines(List<OrderLine> lines, String what) {
        Money sum = null;
        for (OrderLine line : lines) {
            if (line.unitPrice() == null) {
                continue;
            }
            Money lineTotal = line.unitPrice().times(line.quantity());
            try {
                sum = sum == null ? lineTotal : sum.plus(lineTotal);
            } catch (IllegalArgumentException e) {
                throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon: " + what + " mixes currencies in its lines");
            }
        }
        if (sum == null) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    "amazon: " + what + " has neither proceeds.grandTotal nor priced lines (request includedData=PROCEEDS)");
        }
        return sum;
    }
}

package dev.omnigate.connector.square.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.identity.MarketplaceRelays;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Square {@code Order} → {@link Order}.
 *
 * <ul>
 *   <li>Fulfilment: any {@code PICKUP} fulfillment → {@code PICKUP} (the pickup happens at the order's
 *       {@code location_id}, which becomes {@code locationId}); otherwise {@code SHIPMENT} or {@code DELIVERY} →
 *       {@code SHIPPING}; an order without fulfillments is a sale at the till → {@code IN_STORE}.</li>
 *   <li>Status: {@code DRAFT} → PENDING; {@code CANCELED} → CANCELLED; {@code COMPLETED} → FULFILLED, or REFUNDED
 *       when its refunds cover the total; {@code OPEN} → PARTIALLY_FULFILLED when some but not all fulfillments are
 *       {@code COMPLETED}, else OPEN. {@code rawStatus} keeps the order state and each fulfillment's
 *       {@code TYPE:STATE}, e.g. {@code COMPLETED PICKUP:COMPLETED}.</li>
 *   <li>Money: {@code total_money} and each line's {@code base_price_money}, minor units with the currency's real
 *       decimals. An unknown currency fails this order only ({@code BAD_RESPONSE}).</li>
 *   <li>Lines: Square lines name a catalog variation id ({@code catalog_object_id}), not a SKU, so {@code sku} is
 *       null; the title is {@code name} plus {@code (variation_name)}. A measured quantity ({@code "2.25"}) is
 *       rounded up to whole units.</li>
 *   <li>Name: {@code ticket_name}, else {@code reference_id}, else null. Buyer email: the first fulfillment
 *       recipient's {@code email_address}, classified (a relay address stays a relay).</li>
 * </ul>
 */
public final class SquareOrderMapper {

    private final SourceRefs refs;

    public SquareOrderMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    public Order toOrder(JsonNode order) {
        String id = SquareJson.required(order, "id", "square order");
        String what = "square order " + id;
        Instant createdAt = SquareJson.instant(order, "created_at", what);
        if (createdAt == null) {
            throw SquareJson.bad(what + " has no created_at");
        }
        Money total = SquareJson.money(order, "total_money", what);
        if (total == null) {
            throw SquareJson.bad(what + " has no total_money");
        }
        String state = SquareJson.string(order, "state");
        List<JsonNode> fulfillments = new ArrayList<>();
        order.path("fulfillments").forEach(fulfillments::add);
        StringBuilder raw = new StringBuilder(state == null ? "UNKNOWN" : state);
        Set<String> types = new LinkedHashSet<>();
        int completed = 0;
        int active = 0;
        String recipientEmail = null;
        for (JsonNode fulfillment : fulfillments) {
            String type = SquareJson.string(fulfillment, "type");
            String fulfillmentState = SquareJson.string(fulfillment, "state");
            raw.append(' ').append(type == null ? "UNKNOWN" : type).append(':').append(fulfillmentState == null ? "UNKNOWN" : fulfillmentState);
            if (type != null) {
                types.add(type);
            }
            if ("COMPLETED".equals(fulfillmentState)) {
                completed++;
            }
            if (!"CANCELED".equals(fulfillmentState) && !"FAILED".equals(fulfillmentState)) {
                active++;
            }
            if (recipientEmail == null) {
                recipientEmail = recipientEmail(fulfillment);
            }
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : order.path("line_items")) {
            lines.add(toLine(line, what));
        }
        EmailAddress buyerEmail = recipientEmail == null ? null : MarketplaceRelays.classify(recipientEmail);
        String name = SquareJson.string(order, "ticket_name");
        if (name == null) {
            name = SquareJson.string(order, "reference_id");
        }
        return new Order(refs.of(id), name, SquareJson.string(order, "customer_id"), buyerEmail, createdAt,
                SquareJson.instant(order, "updated_at", what), status(state, completed, active, refunded(order, total, what)),
                raw.toString(), method(types), total, lines, SquareJson.string(order, "location_id"));
    }

    private static String recipientEmail(JsonNode fulfillment) {
        for (String details : List.of("pickup_details", "shipment_details", "delivery_details")) {
            String email = SquareJson.string(fulfillment.path(details).path("recipient"), "email_address");
            if (email != null) {
                return email;
            }
        }
        return null;
    }

    static FulfillmentMethod method(Set<String> types) {
        if (types.contains("PICKUP")) {
            return FulfillmentMethod.PICKUP;
        }
        if (types.contains("SHIPMENT") || types.contains("DELIVERY")) {
            return FulfillmentMethod.SHIPPING;
        }
        return types.isEmpty() ? FulfillmentMethod.IN_STORE : FulfillmentMethod.UNKNOWN;
    }

    static OrderStatus status(String state, int completedFulfillments, int activeFulfillments, boolean refunded) {
        if (state == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (state) {
            case "DRAFT" -> OrderStatus.PENDING;
            case "CANCELED" -> OrderStatus.CANCELLED;
            case "COMPLETED" -> refunded ? OrderStatus.REFUNDED : OrderStatus.FULFILLED;
            case "OPEN" -> completedFulfillments > 0 && completedFulfillments < activeFulfillments
                    ? OrderStatus.PARTIALLY_FULFILLED : OrderStatus.OPEN;
            default -> OrderStatus.UNKNOWN;
        };
    }

    /** Whether the order's refunds add up to at least its total (a full refund). */
    private static boolean refunded(JsonNode order, Money total, String what) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (JsonNode refund : order.path("refunds")) {
            Money amount = SquareJson.money(refund, "amount_money", what + " refund");
            if (amount != null && amount.currency().equals(total.currency())) {
                sum = sum.add(amount.amount());
                any = true;
            }
        }
        return any && total.amount().signum() > 0 && sum.compareTo(total.amount()) >= 0;
    }

    private static OrderLine toLine(JsonNode line, String what) {
        String uid = SquareJson.string(line, "uid");
        String lineWhat = what + " line " + (uid == null ? "?" : uid);
        String name = SquareJson.string(line, "name");
        String variation = SquareJson.string(line, "variation_name");
        String title = name == null ? (variation == null ? "Custom amount" : variation)
                : variation == null ? name : name + " (" + variation + ")";
        BigDecimal quantity = SquareJson.quantity(line, "quantity", lineWhat);
        int units;
        try {
            units = quantity == null ? 0 : Math.max(0, quantity.setScale(0, RoundingMode.UP).intValueExact());
        } catch (ArithmeticException e) {
            throw SquareJson.bad(lineWhat + ": quantity is out of range");
        }
        return new OrderLine(uid, null, title, units, SquareJson.money(line, "base_price_money", lineWhat));
    }
}

package dev.omnigate.connector.tiktok.mapping;

import static java.util.Objects.requireNonNull;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps a 202309 order ({@code OrderBatchGetOrderDetailResponse.json}, {@code OrderSearchOrdersResponse.json}) to an
 * {@link Order}.
 *
 * <ul>
 *   <li>{@code customerId} is the buyer {@code user_id}; {@code buyer_email} is always a TikTok relay address
 *       ({@code EmailAddress.relay(address, TIKTOK_SHOP)}), never an identity key. The masked
 *       {@code recipient_address.phone_number} is not mapped at all.</li>
 *   <li>TikTok lists one line item per unit (there is no quantity field): items with the same SKU id and sale price
 *       become one {@link OrderLine} whose quantity is their count and whose native id is the first item's id.</li>
 *   <li>Money: decimal strings with the currency ({@code payment.total_amount}, {@code line_items[].sale_price});
 *       the total is required.</li>
 *   <li>Status: {@code UNPAID} → PENDING; {@code ON_HOLD}, {@code AWAITING_SHIPMENT}, {@code AWAITING_COLLECTION} →
 *       OPEN; {@code PARTIALLY_SHIPPING} → PARTIALLY_FULFILLED; {@code IN_TRANSIT}, {@code DELIVERED},
 *       {@code COMPLETED} → FULFILLED; {@code CANCELLED} → CANCELLED; else UNKNOWN. The raw status is kept.</li>
 *   <li>Fulfilment: {@code FULFILLMENT_BY_TIKTOK} → MARKETPLACE_FULFILLED, {@code FULFILLMENT_BY_SELLER} → SHIPPING.</li>
 * </ul>
 */
public final class TikTokShopOrderMapper {

    private final SourceRefs refs;

    public TikTokShopOrderMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /**
     * @throws ConnectorException {@code BAD_RESPONSE} when the order lacks its id, create time or total
     */
    public Order toOrder(JsonNode order) {
        String id = TikTokShopJson.text(order, "id");
        if (id == null) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "tiktok-shop: an order without id");
        }
        Instant createdAt = TikTokShopJson.seconds(order, "create_time");
        if (createdAt == null) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "tiktok-shop: order " + id + " has no create_time");
        }
        JsonNode payment = order.path("payment");
        String currency = TikTokShopJson.text(payment, "currency");
        Money total = TikTokShopJson.money(TikTokShopJson.text(payment, "total_amount"), currency, "order " + id + " total");
        if (total == null) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE,
                    "tiktok-shop: order " + id + " has no payment.total_amount with a currency");
        }
        String rawStatus = TikTokShopJson.text(order, "status");
        String email = TikTokShopJson.text(order, "buyer_email");
        return new Order(refs.of(id), id, TikTokShopJson.text(order, "user_id"),
                email == null ? null : EmailAddress.relay(email, Channel.TIKTOK_SHOP),
                createdAt, TikTokShopJson.seconds(order, "update_time"), status(rawStatus),
                rawStatus == null ? "UNKNOWN" : rawStatus, method(TikTokShopJson.text(order, "fulfillment_type")),
                total, lines(order.path("line_items"), currency, id), TikTokShopJson.text(order, "warehouse_id"));
    }

    private static List<OrderLine> lines(JsonNode items, String orderCurrency, String orderId) {
        record Key(String skuId, String sku, String salePrice) {
        }
        Map<Key, List<JsonNode>> grouped = new LinkedHashMap<>();
        for (JsonNode item : items) {
            Key key = new Key(TikTokShopJson.text(item, "sku_id"), TikTokShopJson.text(item, "seller_sku"),
                    TikTokShopJson.text(item, "sale_price"));
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        List<OrderLine> lines = new ArrayList<>();
        grouped.forEach((key, group) -> {
            JsonNode first = group.get(0);
            String currency = TikTokShopJson.text(first, "currency");
            String price = key.salePrice() != null ? key.salePrice() : TikTokShopJson.text(first, "original_price");
            String title = TikTokShopJson.text(first, "product_name");
            lines.add(new OrderLine(TikTokShopJson.text(first, "id"), key.sku(), title == null ? "" : title, group.size(),
                    TikTokShopJson.money(price, currency == null ? orderCurrency : currency, "a line price of order " + orderId)));
        });
        return lines;
    }

    static OrderStatus status(String raw) {
        if (raw == null) {
            return OrderStatus.UNKNOWN;
        }
        return switch (raw.toUpperCase(Locale.ROOT)) {
            case "UNPAID" -> OrderStatus.PENDING;
            case "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION" -> OrderStatus.OPEN;
            case "PARTIALLY_SHIPPING" -> OrderStatus.PARTIALLY_FULFILLED;
            case "IN_TRANSIT", "DELIVERED", "COMPLETED" -> OrderStatus.FULFILLED;
            case "CANCELLED" -> OrderStatus.CANCELLED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    static FulfillmentMethod method(String fulfillmentType) {
        if (fulfillmentType == null) {
            return FulfillmentMethod.UNKNOWN;
        }
        return switch (fulfillmentType.toUpperCase(Locale.ROOT)) {
            case "FULFILLMENT_BY_TIKTOK" -> FulfillmentMethod.MARKETPLACE_FULFILLED;
            case "FULFILLMENT_BY_SELLER" -> FulfillmentMethod.SHIPPING;
            default -> FulfillmentMethod.UNKNOWN;
        };
    }
}

package dev.omnigate.connector.shopify.mapping;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading Shopify GraphQL values: connections, money, timestamps, and clear errors for broken objects. */
public final class ShopifyJson {

    private ShopifyJson() {
    }

    /** The objects of a connection, whether selected as {@code nodes} or as {@code edges { node }}; empty when absent. */
    public static List<JsonNode> nodes(JsonNode connection) {
        List<JsonNode> result = new ArrayList<>();
        if (connection == null || !connection.isObject()) {
            return result;
        }
        JsonNode nodes = connection.get("nodes");
        if (nodes != null && nodes.isArray()) {
            nodes.forEach(node -> {
                if (node != null && node.isObject()) {
                    result.add(node);
                }
            });
            return result;
        }
        JsonNode edges = connection.get("edges");
        if (edges != null && edges.isArray()) {
            edges.forEach(edge -> {
                JsonNode node = edge.get("node");
                if (node != null && node.isObject()) {
                    result.add(node);
                }
            });
        }
        return result;
    }

    /** {@code pageInfo.hasNextPage} of a connection (false when not selected). */
    public static boolean hasNextPage(JsonNode connection) {
        return connection != null && connection.path("pageInfo").path("hasNextPage").asBoolean(false);
    }

    /** {@code pageInfo.endCursor} of a connection, or null. */
    public static String endCursor(JsonNode connection) {
        return connection == null ? null : Json.text(connection.path("pageInfo").get("endCursor"));
    }

    /** A non-blank string field, or null. */
    public static String string(JsonNode object, String field) {
        String text = object == null ? null : Json.text(object.get(field));
        return text == null || text.isBlank() ? null : text;
    }

    /** A {@code DateTime} field, or null when absent. */
    public static Instant instant(JsonNode object, String field, String what) {
        String text = string(object, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(what, field + " is not an ISO-8601 date-time");
        }
    }

    /** A {@code MoneyV2 {amount currencyCode}}, or null when absent. */
    public static Money moneyV2(JsonNode money, String what) {
        if (money == null || !money.isObject()) {
            return null;
        }
        String amount = string(money, "amount");
        String currency = string(money, "currencyCode");
        if (amount == null || currency == null) {
            throw malformed(what, "money lacks amount or currencyCode");
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw malformed(what, e.getMessage());
        }
    }

    /** The shop-currency amount of a {@code MoneyBag}, or null when absent. */
    public static Money shopMoney(JsonNode moneyBag, String what) {
        return moneyBag == null || !moneyBag.isObject() ? null : moneyV2(moneyBag.get("shopMoney"), what);
    }

    /** An Int field, or {@code fallback} when absent. */
    public static long number(JsonNode object, String field, long fallback) {
        JsonNode value = object == null ? null : object.get(field);
        return value != null && value.isNumber() ? value.asLong() : fallback;
    }

    /**
     * A {@code BAD_RESPONSE} for an object Shopify sent that breaks its schema or lacks a field the
     * connector always selects. {@code what} names the object by type and global id (never PII).
     */
    public static ConnectorException malformed(String what, String problem) {
        return ConnectorException.of(ErrorCategory.BAD_RESPONSE, "shopify: " + what + ": " + problem);
    }

    /** "Order gid://shopify/Order/1" style label for error messages. */
    public static String label(String type, JsonNode object) {
        String id = object == null ? null : Json.text(object.get("id"));
        return type + " " + (id == null ? "(no id)" : id);
    }
}

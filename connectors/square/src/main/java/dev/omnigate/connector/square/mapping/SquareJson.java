package dev.omnigate.connector.square.mapping;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.toolkit.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Reading Square's JSON shapes: RFC 3339 timestamps, {@code Money} ({@code amount} in the currency's smallest unit
 * plus an ISO 4217 {@code currency}) and decimal-string quantities. Every failure is a {@code BAD_RESPONSE}
 * {@link ConnectorException} naming the record and field, never the value of a personal field.
 */
public final class SquareJson {

    private SquareJson() {
    }

    /** A non-blank text field, else null. */
    public static String string(JsonNode node, String field) {
        String text = node == null ? null : Json.text(node.get(field));
        return text == null || text.isBlank() ? null : text;
    }

    /** A required non-blank text field. */
    public static String required(JsonNode node, String field, String what) {
        String text = string(node, field);
        if (text == null) {
            throw bad(what + " has no " + field);
        }
        return text;
    }

    /** An RFC 3339 timestamp field, null when absent. */
    public static Instant instant(JsonNode node, String field, String what) {
        String text = string(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(what + ": " + field + " is not an RFC 3339 timestamp ('" + text + "')");
        }
    }

    /**
     * A {@code Money} object, or null when the field is absent: 1099 USD is 10.99, 1099 JPY is 1099.
     *
     * @throws ConnectorException {@code BAD_RESPONSE} for a non-integral amount or a currency that is not ISO 4217
     */
    public static Money money(JsonNode node, String field, String what) {
        JsonNode money = node == null ? null : node.get(field);
        if (money == null || money.isNull() || money.isMissingNode()) {
            return null;
        }
        JsonNode amount = money.get("amount");
        String currency = string(money, "currency");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong()) {
            throw bad(what + ": " + field + ".amount is not an integer amount in minor units");
        }
        if (currency == null) {
            throw bad(what + ": " + field + " has no currency");
        }
        try {
            return Money.ofMinorUnits(amount.longValue(), currency);
        } catch (IllegalArgumentException e) {
            throw ConnectorException.builder(ErrorCategory.BAD_RESPONSE,
                    what + ": " + field + ".currency '" + currency + "' is not an ISO 4217 currency").cause(e).build();
        }
    }

    /** A decimal-string quantity ({@code "79"}, {@code "2.5"}), null when absent. */
    public static BigDecimal quantity(JsonNode node, String field, String what) {
        String text = string(node, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw bad(what + ": " + field + " is not a decimal quantity ('" + text + "')");
        }
    }

    static ConnectorException bad(String message) {
        return ConnectorException.of(ErrorCategory.BAD_RESPONSE, message);
    }
}

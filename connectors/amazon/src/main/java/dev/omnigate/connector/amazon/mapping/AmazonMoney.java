package dev.omnigate.connector.amazon.mapping;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.toolkit.json.Json;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * Amazon's money shapes, parsed exactly (PROTOCOLS.md §2 "Money"): {@code {amount: "49.99", currencyCode}} (Orders
 * 2026-01-01, Listings Items), {@code {CurrencyCode, Amount: "11.01"}} (Orders v0) and {@code {CurrencyCode, Amount:
 * 10.0}} / {@code {currencyCode, amount: 10.0}} (Product Pricing, notifications). JSON numbers are read as
 * {@link BigDecimal} by the toolkit mapper, so no amount passes through a double.
 */
public final class AmazonMoney {

    private AmazonMoney() {
    }

    /**
     * The money in {@code node}, or null when the node is missing or JSON null.
     *
     * @param what names the field in error messages, e.g. {@code order 123-... proceeds.grandTotal}
     * @throws ConnectorException BAD_RESPONSE when the amount or currency is missing or malformed
     */
    public static Money parse(JsonNode node, String what) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        JsonNode amount = node.has("amount") ? node.get("amount") : node.get("Amount");
        JsonNode currency = node.has("currencyCode") ? node.get("currencyCode") : node.get("CurrencyCode");
        if (amount == null || amount.isNull() || currency == null || !currency.isString()) {
            throw malformed(what, "lacks an amount or a currency code");
        }
        BigDecimal value;
        if (amount.isNumber()) {
            value = amount.decimalValue();
        } else if (amount.isString()) {
            try {
                value = new BigDecimal(amount.asString().trim());
            } catch (NumberFormatException e) {
                throw malformed(what, "has an amount that is not a decimal number");
            }
        } else {
            throw malformed(what, "has an amount that is neither a number nor a string");
        }
        try {
            return Money.of(value, currency.asString());
        } catch (IllegalArgumentException e) {
            throw malformed(what, "has a currency that is not ISO 4217 ('" + Json.text(currency) + "')");
        }
    }

    /** As {@link #parse} but the money must be there. */
    public static Money require(JsonNode node, String what) {
        Money money = parse(node, what);
        if (money == null) {
            throw malformed(what, "is missing");
        }
        return money;
    }

    private static ConnectorException malformed(String what, String problem) {
        return ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon: " + what + " " + problem);
    }
}

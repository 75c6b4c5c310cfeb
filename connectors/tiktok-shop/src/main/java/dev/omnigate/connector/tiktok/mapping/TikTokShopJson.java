package dev.omnigate.connector.tiktok.mapping;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Reading TikTok Shop JSON: ids as text (every digit), Unix-second times, decimal-string money. */
public final class TikTokShopJson {

    private TikTokShopJson() {
    }

    /** A field as trimmed text; null when absent, null or blank. Numeric ids keep every digit. */
    public static String text(JsonNode node, String field) {
        String value = Json.text(node == null ? null : node.get(field));
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A Unix-seconds field (number or numeric string) as an instant; null when absent or not a number. */
    public static Instant seconds(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || !value.matches("-?[0-9]{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(value));
    }

    /** A decimal-string amount in a currency; null when either is absent. */
    public static Money money(String amount, String currency, String what) {
        if (amount == null || currency == null) {
            return null;
        }
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw ConnectorException.builder(ErrorCategory.BAD_RESPONSE, "tiktok-shop: " + what + " is not money: "
                    + e.getMessage()).cause(e).build();
        }
    }

    /** Whether a TikTok id looks like one (digits only): other ids cannot exist and are never sent. */
    public static boolean isId(String id) {
        return id != null && id.matches("[0-9]{1,25}");
    }
}

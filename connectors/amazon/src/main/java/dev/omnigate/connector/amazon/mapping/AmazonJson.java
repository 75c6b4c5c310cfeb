package dev.omnigate.connector.amazon.mapping;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Small readers for SP-API JSON that fail with BAD_RESPONSE naming the field. */
public final class AmazonJson {

    private AmazonJson() {
    }

    /** A required non-blank string. */
    public static String requireText(JsonNode node, String field, String what) {
        String value = Json.text(node.path(field));
        if (value == null || value.isBlank()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon: " + what + " lacks " + field);
        }
        return value;
    }

    /** An ISO 8601 instant ({@code 2024-12-25T10:30:00Z}, offsets and fractions allowed), or null when absent. */
    public static Instant instant(JsonNode node, String field, String what) {
        String value = Json.text(node.path(field));
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon: " + what + " has a malformed " + field + " ('" + value + "')");
        }
    }

    /** A whole number, 0 when absent. */
    public static long count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : 0;
    }
}

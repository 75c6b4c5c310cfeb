package dev.omnigate.connector.zendesk.mapping;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Small readers for Zendesk's JSON (snake_case, integer ids, ISO-8601 timestamps). */
public final class ZendeskJson {

    /** A Zendesk record id: a positive integer, kept as text (never parsed into a long). */
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,19}");

    private ZendeskJson() {
    }

    /** Whether {@code id} is a well-formed Zendesk id; malformed ids are never sent to Zendesk. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A field as text (numbers exactly), or null when absent, null or blank. */
    public static String string(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        String text = Json.text(node.get(field));
        return text == null || text.isBlank() ? null : text;
    }

    /** The record's {@code id} as text. */
    public static String id(JsonNode node, String what) {
        String id = string(node, "id");
        if (!isId(id)) {
            throw malformed(what, "lacks a valid id");
        }
        return id;
    }

    /** An ISO-8601 timestamp field, or null when absent. */
    public static Instant instant(JsonNode node, String field, String what) {
        String text = string(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(what, field + " is not an ISO-8601 timestamp");
        }
    }

    /** BAD_RESPONSE naming the record and what is wrong (never a value: it may be PII). */
    public static ConnectorException malformed(String what, String problem) {
        return ConnectorException.of(ErrorCategory.BAD_RESPONSE, "zendesk: " + what + " " + problem);
    }

    /** "user 123" or "a user without id", for messages. */
    public static String label(String kind, JsonNode node) {
        String id = node == null ? null : string(node, "id");
        return isId(id) ? kind + " " + id : "a " + kind + " without id";
    }
}

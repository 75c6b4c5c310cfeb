package dev.omnigate.connector.shopify.mapping;

import dev.omnigate.connector.toolkit.json.Json;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Shopify ids: the SPI uses legacy numeric ids as strings ({@code "9522206933298"}); Shopify's GraphQL API
 * uses global ids ({@code gid://shopify/Customer/9522206933298}).
 */
public final class ShopifyIds {

    private static final String PREFIX = "gid://shopify/";
    // UnsignedInt64 without sign or leading zeros; anything else cannot be a Shopify legacy id
    private static final Pattern LEGACY_ID = Pattern.compile("[1-9][0-9]{0,19}");

    private ShopifyIds() {
    }

    /** Whether {@code id} can be a Shopify legacy resource id (malformed ids are looked up nowhere). */
    public static boolean isLegacyId(String id) {
        return id != null && LEGACY_ID.matcher(id).matches();
    }

    /** {@code gid://shopify/<type>/<legacyId>}. */
    public static String gid(String type, String legacyId) {
        return PREFIX + type + "/" + legacyId;
    }

    /** What follows {@code gid://shopify/<type>/} in a global id, e.g. {@code 9522206933298}; empty for other text. */
    public static Optional<String> tail(String gid) {
        if (gid == null || !gid.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int slash = gid.indexOf('/', PREFIX.length());
        return slash < 0 || slash == gid.length() - 1 ? Optional.empty() : Optional.of(gid.substring(slash + 1));
    }

    /** The type name of a global id ({@code Customer} for {@code gid://shopify/Customer/1}); empty for other text. */
    public static Optional<String> type(String gid) {
        if (gid == null || !gid.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int slash = gid.indexOf('/', PREFIX.length());
        return slash < 0 ? Optional.empty() : Optional.of(gid.substring(PREFIX.length(), slash));
    }

    /**
     * The legacy id of an object: its {@code legacyResourceId} when selected, else the numeric tail of its
     * {@code id}; empty when neither is there.
     */
    public static Optional<String> legacyId(JsonNode object) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        String legacy = Json.text(object.get("legacyResourceId"));
        if (legacy != null && !legacy.isBlank()) {
            return Optional.of(legacy);
        }
        return tail(Json.text(object.get("id"))).map(tail -> {
            int query = tail.indexOf('?');
            return query < 0 ? tail : tail.substring(0, query);
        });
    }
}

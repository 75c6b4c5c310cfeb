package dev.omnigate.connector.shopify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Builds Shopify search-syntax strings ({@code query:} arguments). Values that come from callers
 * (emails, phones, SKUs, free text) are always double-quoted with {@code \} and {@code "} escaped, so a
 * value can never add a term or an operator; numeric ids and timestamps are validated or generated here
 * and written bare, as in Shopify's documentation.
 */
public final class ShopifySearch {

    private ShopifySearch() {
    }

    /** {@code "value"} with backslashes and double quotes escaped; control characters become spaces. */
    public static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                quoted.append(' ');
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** {@code field:"value"}. */
    public static String term(String field, String value) {
        return field + ":" + quoted(value);
    }

    /** {@code field:"a" OR field:"b"} ... */
    public static String anyOf(String field, Collection<String> values) {
        return values.stream().map(value -> term(field, value)).collect(Collectors.joining(" OR "));
    }

    /** {@code customer_id:1 OR customer_id:2} for ids already checked with {@code ShopifyIds.isLegacyId}. */
    public static String anyCustomer(Collection<String> legacyIds) {
        return legacyIds.stream().map(id -> "customer_id:" + id).collect(Collectors.joining(" OR "));
    }

    /** {@code field:>=2025-01-01T00:00:00Z} (whole seconds, UTC). */
    public static String atOrAfter(String field, Instant instant) {
        return field + ":>=" + instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@code field:<2025-01-01T00:00:00Z}; a fractional bound is rounded up so nothing before it is lost. */
    public static String before(String field, Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return field + ":<" + (truncated.equals(instant) ? truncated : truncated.plusSeconds(1));
    }
}

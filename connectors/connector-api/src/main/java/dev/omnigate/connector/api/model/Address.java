package dev.omnigate.connector.api.model;

import java.util.Locale;

/**
 * A postal address. Every field is nullable: vendors omit what they do not know or may not share.
 *
 * @param line1 street and number
 * @param line2 apartment, suite, building
 * @param city city or locality
 * @param region state, province or county, as the vendor sent it
 * @param postalCode postal or ZIP code
 * @param countryCode ISO 3166-1 alpha-2 code, upper case (e.g. {@code US}); null when unknown
 * @since 1.0
 */
public record Address(String line1, String line2, String city, String region, String postalCode, String countryCode) {

    public Address {
        if (countryCode != null) {
            countryCode = countryCode.trim().toUpperCase(Locale.ROOT);
            if (!countryCode.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("countryCode must be ISO 3166-1 alpha-2, but was '" + countryCode + "'");
            }
        }
    }
}

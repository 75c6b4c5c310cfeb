package dev.omnigate.connector.square.mapping;

import dev.omnigate.connector.api.model.Address;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Square {@code Address} → {@link Address}; null when absent or empty. */
final class SquareAddresses {

    private SquareAddresses() {
    }

    static Address toAddress(JsonNode address) {
        if (address == null || !address.isObject() || address.isEmpty()) {
            return null;
        }
        String country = SquareJson.string(address, "country");
        // Square's Country enum has ZZ for "unknown": keep only real alpha-2 codes
        if (country != null && (!country.trim().matches("[A-Za-z]{2}") || "ZZ".equalsIgnoreCase(country.trim()))) {
            country = null;
        }
        String line2 = SquareJson.string(address, "address_line_2");
        String line3 = SquareJson.string(address, "address_line_3");
        if (line3 != null) {
            line2 = line2 == null ? line3 : line2 + ", " + line3;
        }
        return new Address(SquareJson.string(address, "address_line_1"), line2, SquareJson.string(address, "locality"),
                SquareJson.string(address, "administrative_district_level_1"), SquareJson.string(address, "postal_code"),
                country == null ? null : country.trim().toUpperCase(Locale.ROOT));
    }
}

package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

/**
 * A US postal address.
 *
 * @param address1 street line
 * @param address2 second line (suite, apartment), or null
 * @param city city
 * @param province the state's name, e.g. "California"
 * @param provinceCode the state's two-letter code, e.g. "CA"
 * @param zip the ZIP code
 * @param countryCode ISO 3166-1 alpha-2, always "US" in this world
 */
public record PostalAddress(String address1, String address2, String city, String province, String provinceCode,
        String zip, String countryCode) {

    public PostalAddress {
        requireNonNull(address1, "address1 is null");
        requireNonNull(city, "city is null");
        requireNonNull(province, "province is null");
        requireNonNull(provinceCode, "provinceCode is null");
        requireNonNull(zip, "zip is null");
        requireNonNull(countryCode, "countryCode is null");
    }

    /** The country's English name for {@link #countryCode()}. */
    public String country() {
        return "US".equals(countryCode) ? "United States" : countryCode;
    }
}

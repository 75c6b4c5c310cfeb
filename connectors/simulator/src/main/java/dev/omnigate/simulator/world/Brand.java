package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

/**
 * The one brand the demo world describes.
 *
 * @param name the trading name, e.g. "Omnigate Outfitters"
 * @param currency the ISO 4217 currency every price and total is in
 * @param timeZone the IANA time zone of the head office (stores keep their own)
 * @param contactEmail the address customers write to
 */
public record Brand(String name, String currency, String timeZone, String contactEmail) {

    public Brand {
        requireNonNull(name, "name is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(contactEmail, "contactEmail is null");
    }
}

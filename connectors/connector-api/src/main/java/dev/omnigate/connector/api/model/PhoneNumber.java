package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

/**
 * A phone number as the vendor holds it (any format; the gateway normalises to E.164 for matching).
 *
 * @param number the number as sent by the vendor
 * @param masked true when the vendor masked digits (TikTok Shop's {@code (+1)213*****23}): never
 *     usable as an identity key
 * @since 1.0
 */
public record PhoneNumber(String number, boolean masked) {

    public PhoneNumber {
        requireNonNull(number, "number is null");
    }

    public static PhoneNumber of(String number) {
        return new PhoneNumber(number, false);
    }
}

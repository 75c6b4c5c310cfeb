package dev.omnigate.connector.api.read;

import java.util.stream.Stream;

/**
 * What to search customers by. Exactly one field is set.
 *
 * @param email an email address, already normalised by the host (trimmed, lower case); matches any of
 *     the customer's addresses
 * @param phone a phone number in E.164 ({@code +14155550142}), normalised by the host
 * @param text free text in the sense of the vendor's own search (name, email fragment ...)
 * @since 1.0
 */
public record CustomerQuery(String email, String phone, String text) {

    public CustomerQuery {
        long set = Stream.of(email, phone, text).filter(v -> v != null && !v.isBlank()).count();
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of email, phone or text must be set, but " + set + " were");
        }
    }

    public static CustomerQuery byEmail(String email) {
        return new CustomerQuery(email, null, null);
    }

    public static CustomerQuery byPhone(String e164) {
        return new CustomerQuery(null, e164, null);
    }

    public static CustomerQuery byText(String text) {
        return new CustomerQuery(null, null, text);
    }
}

package dev.omnigate.gateway.identity;

import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import java.util.stream.Stream;

/**
 * What {@code customer360} was asked for: exactly one of a normalised email, an E.164 phone or a customer's
 * global id.
 *
 * @param email normalised email, or null
 * @param phone E.164 phone, or null
 * @param customerId a Customer's global id, or null
 */
public record CustomerLookup(String email, String phone, GlobalId customerId) {

    /**
     * Validates and normalises the three optional arguments.
     *
     * @throws BadRequestException unless exactly one is given, it is well-formed and it can identify one person (not a
     *     role address or blocked value)
     */
    /** RFC 5321's longest address (64 + 1 + 255). */
    public static final int MAX_EMAIL_LENGTH = 320;
    /** Far above any written phone number (E.164 has at most 15 digits). */
    public static final int MAX_PHONE_LENGTH = 64;

    public static CustomerLookup of(String email, String phone, String customerId, IdentityNormalizer normalizer) {
        long given = Stream.of(email, phone, customerId).filter(value -> value != null).count();
        if (given != 1) {
            throw new BadRequestException("customer360 takes exactly one of email, phone or customerId, but " + given + " were given");
        }
        if (email != null && email.length() > MAX_EMAIL_LENGTH) {
            throw new BadRequestException("'email' is longer than " + MAX_EMAIL_LENGTH + " characters, so it is no email address");
        }
        if (phone != null && phone.length() > MAX_PHONE_LENGTH) {
            throw new BadRequestException("'phone' is longer than " + MAX_PHONE_LENGTH + " characters, so it is no phone number");
        }
        if (email != null) {
            String normalized = normalizer.email(email).orElseThrow(() -> new BadRequestException("'email' is not an email address"));
            normalizer.unusableEmail(normalized).ifPresent(reason -> {
                throw new BadRequestException("'email' cannot identify one customer: " + reason + "; look up by phone or customerId");
            });
            return new CustomerLookup(normalized, null, null);
        }
        if (phone != null) {
            String e164 = normalizer.phone(phone).orElseThrow(() -> new BadRequestException("'phone' is not a phone number (use E.164 "
                    + "such as +14155550142, or a national number of the gateway's default region)"));
            normalizer.unusablePhone(e164).ifPresent(reason -> {
                throw new BadRequestException("'phone' cannot identify one customer: " + reason + "; look up by email or customerId");
            });
            return new CustomerLookup(null, e164, null);
        }
        return new CustomerLookup(null, null, GlobalId.decode(customerId, GlobalIdType.Customer, "customerId"));
    }
}

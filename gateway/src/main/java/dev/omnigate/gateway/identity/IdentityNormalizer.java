package dev.omnigate.gateway.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises identity keys the same way for requests and for channel records, so that matching is an
 * equality test: emails are trimmed and lower-cased; phones become E.164 with libphonenumber, reading
 * numbers without a country code in the record's own country (from its address) or the default region.
 *
 * <p>Marketplace relay emails and masked phones are never keys.
 */
public final class IdentityNormalizer {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public IdentityNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The normalised email, or empty when the text is not an email address. */
    public Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = raw.trim().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(normalised).matches() ? Optional.of(normalised) : Optional.empty();
    }

    /** The number in E.164, or empty when it cannot be a phone number. */
    public Optional<String> phone(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(raw, region == null ? defaultRegion : region);
            // "possible" rather than "valid": fictional 555 numbers of demo data and new ranges must still match
            if (!PHONES.isPossibleNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public Optional<String> phone(String raw) {
        return phone(raw, defaultRegion);
    }

    /** The customer's personal emails, normalised, primary first, without duplicates. */
    public List<String> emailKeys(Customer customer) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (EmailAddress address : customer.emails()) {
            if (!address.isRelay()) {
                email(address.address()).ifPresent(keys::add);
            }
        }
        return new ArrayList<>(keys);
    }

    /** The customer's unmasked phones in E.164, primary first, without duplicates. */
    public List<String> phoneKeys(Customer customer) {
        String region = customer.address() != null && customer.address().countryCode() != null
                ? customer.address().countryCode()
                : defaultRegion;
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (PhoneNumber number : customer.phones()) {
            if (!number.masked()) {
                phone(number.number(), region).ifPresent(keys::add);
            }
        }
        return new ArrayList<>(keys);
    }
}

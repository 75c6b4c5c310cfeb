package dev.omnigate.gateway.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Normalises identity keys the same way for requests and for channel records, so that matching is an
 * equality test: emails are trimmed and lower-cased; phones become E.164 with libphonenumber, reading
 * numbers without a country code in the record's own country (from its address) or the default region.
 *
 * <p>Marketplace relay emails, masked phones, shared role addresses ({@code info@}, {@code noreply@} ...) and the
 * configured blocked values are never keys: they would merge different people.
 */
public final class IdentityNormalizer {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;
    private final Set<String> roleLocalParts;
    private final Set<String> blockedEmails;
    private final Set<String> blockedPhones;

    /** A normaliser with no role addresses and nothing blocked. */
    public IdentityNormalizer(String defaultRegion) {
        this(defaultRegion, List.of(), List.of(), List.of());
    }

    /**
     * @param roleLocalParts local parts of shared role addresses ({@code info}, {@code noreply} ...), any case
     * @param blockedEmails addresses that are never keys, any case and spacing
     * @param blockedPhones numbers that are never keys, in E.164 or national numbers of the default region
     * @throws IllegalArgumentException naming a blocked value that is neither an email address nor a phone number
     */
    public IdentityNormalizer(String defaultRegion, Collection<String> roleLocalParts, Collection<String> blockedEmails,
            Collection<String> blockedPhones) {
        this.defaultRegion = defaultRegion;
        this.roleLocalParts = roleLocalParts.stream().map(part -> part.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Set<String> emails = new HashSet<>();
        for (String blocked : blockedEmails) {
            emails.add(email(blocked).orElseThrow(() -> new IllegalArgumentException(
                    "omnigate.identity.blocked-emails holds a value that is not an email address: '" + blocked + "'")));
        }
        this.blockedEmails = Set.copyOf(emails);
        Set<String> phones = new HashSet<>();
        for (String blocked : blockedPhones) {
            phones.add(phone(blocked).orElseThrow(() -> new IllegalArgumentException(
                    "omnigate.identity.blocked-phones holds a value that is not a phone number: '" + blocked + "'")));
        }
        this.blockedPhones = Set.copyOf(phones);
    }

    /**
     * Why a normalised email can never identify one person, or empty when it can: a shared role address or a
     * blocked value. The reason never repeats the address.
     */
    public Optional<String> unusableEmail(String normalized) {
        if (blockedEmails.contains(normalized)) {
            return Optional.of("it is on omnigate.identity.blocked-emails");
        }
        int at = normalized.indexOf('@');
        if (at > 0 && roleLocalParts.contains(normalized.substring(0, at))) {
            return Optional.of("it is a shared role address (omnigate.identity.role-local-parts)");
        }
        return Optional.empty();
    }

    /** Why an E.164 number can never identify one person (it is blocked), or empty when it can. */
    public Optional<String> unusablePhone(String e164) {
        return blockedPhones.contains(e164) ? Optional.of("it is on omnigate.identity.blocked-phones") : Optional.empty();
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

    /** The customer's personal emails that can identify one person, normalised, primary first, without duplicates. */
    public List<String> emailKeys(Customer customer) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (EmailAddress address : customer.emails()) {
            if (!address.isRelay()) {
                email(address.address()).filter(key -> unusableEmail(key).isEmpty()).ifPresent(keys::add);
            }
        }
        return new ArrayList<>(keys);
    }

    /** The customer's unmasked, unblocked phones in E.164, primary first, without duplicates. */
    public List<String> phoneKeys(Customer customer) {
        String region = customer.address() != null && customer.address().countryCode() != null
                ? customer.address().countryCode()
                : defaultRegion;
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (PhoneNumber number : customer.phones()) {
            if (!number.masked()) {
                phone(number.number(), region).filter(key -> unusablePhone(key).isEmpty()).ifPresent(keys::add);
            }
        }
        return new ArrayList<>(keys);
    }
}

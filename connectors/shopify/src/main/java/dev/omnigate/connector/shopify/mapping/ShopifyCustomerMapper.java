package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.ShopifyJson.string;
import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.identity.MarketplaceRelays;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Shopify {@code Customer} → SPI {@link Customer}. Pure; thread-safe.
 *
 * <p>Emails and phones are personal (Shopify holds what the customer typed; it never relays or masks).
 * The connector selects {@code email} and {@code phone}, which exist in every supported API version;
 * payloads from newer versions that carry {@code defaultEmailAddress}/{@code defaultPhoneNumber}
 * instead are read too.
 */
public final class ShopifyCustomerMapper {

    private final SourceRefs refs;

    public ShopifyCustomerMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /** @throws dev.omnigate.connector.api.error.ConnectorException BAD_RESPONSE when the object has no id */
    public Customer toCustomer(JsonNode customer) {
        String what = ShopifyJson.label("Customer", customer);
        String id = ShopifyIds.legacyId(customer).orElseThrow(() -> ShopifyJson.malformed(what, "lacks id"));
        return new Customer(
                refs.of(id),
                string(customer, "displayName"),
                string(customer, "firstName"),
                string(customer, "lastName"),
                emails(customer),
                phones(customer),
                address(customer.get("defaultAddress"), what),
                ShopifyJson.instant(customer, "createdAt", what),
                ShopifyJson.instant(customer, "updatedAt", what));
    }

    private static List<EmailAddress> emails(JsonNode customer) {
        List<EmailAddress> emails = new ArrayList<>();
        addDistinct(emails, string(customer, "email"));
        addDistinct(emails, string(customer.path("defaultEmailAddress"), "emailAddress"));
        return emails;
    }

    private static void addDistinct(List<EmailAddress> emails, String address) {
        if (address != null && emails.stream().noneMatch(e -> e.address().equalsIgnoreCase(address))) {
            emails.add(MarketplaceRelays.classify(address));
        }
    }

    private static List<PhoneNumber> phones(JsonNode customer) {
        List<PhoneNumber> phones = new ArrayList<>();
        for (String phone : new String[] {string(customer, "phone"), string(customer.path("defaultPhoneNumber"), "phoneNumber")}) {
            if (phone != null && phones.stream().noneMatch(p -> p.number().equals(phone))) {
                phones.add(PhoneNumber.of(phone));
            }
        }
        return phones;
    }

    /** A {@code MailingAddress}; null when absent. */
    static Address address(JsonNode address, String what) {
        if (address == null || !address.isObject()) {
            return null;
        }
        String region = string(address, "province") != null ? string(address, "province") : string(address, "provinceCode");
        try {
            return new Address(string(address, "address1"), string(address, "address2"), string(address, "city"), region,
                    string(address, "zip"), string(address, "countryCodeV2"));
        } catch (IllegalArgumentException e) {
            throw ShopifyJson.malformed(what, "defaultAddress: " + e.getMessage());
        }
    }
}

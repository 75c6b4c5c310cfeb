package dev.omnigate.connector.square.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.identity.MarketplaceRelays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Square {@code Customer} → {@link Customer}. The email is kept exactly as the POS holds it (the gateway normalises
 * for matching) and classified with {@link MarketplaceRelays#classify}: a clerk may have typed a marketplace relay
 * address. The phone is kept as typed ({@code (415) 555-0142}); Square itself matches searches on E.164.
 */
public final class SquareCustomerMapper {

    private final SourceRefs refs;

    public SquareCustomerMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    public Customer toCustomer(JsonNode customer) {
        String id = SquareJson.required(customer, "id", "square customer");
        String what = "square customer " + id;
        String given = SquareJson.string(customer, "given_name");
        String family = SquareJson.string(customer, "family_name");
        String name = Stream.of(given, family).filter(part -> part != null).map(String::strip)
                .collect(Collectors.joining(" "));
        if (name.isBlank()) {
            name = firstNonNull(SquareJson.string(customer, "nickname"), SquareJson.string(customer, "company_name"));
        }
        String email = SquareJson.string(customer, "email_address");
        String phone = SquareJson.string(customer, "phone_number");
        List<EmailAddress> emails = email == null ? List.of() : List.of(MarketplaceRelays.classify(email));
        List<PhoneNumber> phones = phone == null ? List.of() : List.of(PhoneNumber.of(phone));
        return new Customer(refs.of(id), name, given, family, emails, phones,
                SquareAddresses.toAddress(customer.get("address")),
                SquareJson.instant(customer, "created_at", what), SquareJson.instant(customer, "updated_at", what));
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}

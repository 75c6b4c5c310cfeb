package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A customer (or helpdesk user) as one channel knows them.
 *
 * @param source where this record lives
 * @param displayName name to show; may be null when the channel holds none
 * @param firstName nullable
 * @param lastName nullable
 * @param emails every address the channel holds for this customer, primary first
 * @param phones every phone number the channel holds, primary first
 * @param address default address; nullable
 * @param createdAt nullable
 * @param updatedAt nullable
 * @since 1.0
 */
public record Customer(
        SourceRef source,
        String displayName,
        String firstName,
        String lastName,
        List<EmailAddress> emails,
        List<PhoneNumber> phones,
        Address address,
        Instant createdAt,
        Instant updatedAt) {

    public Customer {
        requireNonNull(source, "source is null");
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}

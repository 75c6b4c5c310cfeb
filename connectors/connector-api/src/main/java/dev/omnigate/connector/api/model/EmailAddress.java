package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

/**
 * An email address as the vendor holds it (not normalised: the gateway normalises for matching).
 *
 * @param address the address as sent by the vendor
 * @param kind whether it can identify a person
 * @since 1.0
 */
public record EmailAddress(String address, EmailKind kind) {

    public EmailAddress {
        requireNonNull(address, "address is null");
        requireNonNull(kind, "kind is null");
    }

    public static EmailAddress personal(String address) {
        return new EmailAddress(address, EmailKind.PERSONAL);
    }

    public static EmailAddress relay(String address) {
        return new EmailAddress(address, EmailKind.MARKETPLACE_RELAY);
    }

    public boolean isRelay() {
        return kind == EmailKind.MARKETPLACE_RELAY;
    }
}

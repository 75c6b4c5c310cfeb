package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

/**
 * An email address as the vendor holds it (not normalised: the gateway normalises for matching).
 *
 * @param address the address as sent by the vendor
 * @param kind whether it can identify a person
 * @param relayOf for a {@link EmailKind#MARKETPLACE_RELAY} address, the marketplace that relays it (Amazon,
 *     TikTok Shop) when the connector knows it; always null for a personal address. The host joins a relay
 *     address only to orders of that marketplace. Since 1.1.
 * @since 1.0
 */
public record EmailAddress(String address, EmailKind kind, Channel relayOf) {

    public EmailAddress {
        requireNonNull(address, "address is null");
        requireNonNull(kind, "kind is null");
        if (relayOf != null && kind != EmailKind.MARKETPLACE_RELAY) {
            throw new IllegalArgumentException("only a marketplace relay address names a relaying marketplace");
        }
    }

    /** An address whose relaying marketplace is unknown (the 1.0 shape). */
    public EmailAddress(String address, EmailKind kind) {
        this(address, kind, null);
    }

    public static EmailAddress personal(String address) {
        return new EmailAddress(address, EmailKind.PERSONAL, null);
    }

    /** A relay address whose marketplace the connector does not know. */
    public static EmailAddress relay(String address) {
        return new EmailAddress(address, EmailKind.MARKETPLACE_RELAY, null);
    }

    /**
     * A relay address of the given marketplace, e.g. {@code relay("x@marketplace.amazon.com", Channel.AMAZON)}.
     *
     * @since 1.1
     */
    public static EmailAddress relay(String address, Channel marketplace) {
        requireNonNull(marketplace, "marketplace is null");
        return new EmailAddress(address, EmailKind.MARKETPLACE_RELAY, marketplace);
    }

    public boolean isRelay() {
        return kind == EmailKind.MARKETPLACE_RELAY;
    }
}

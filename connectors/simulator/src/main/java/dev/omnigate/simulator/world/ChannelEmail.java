package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

/**
 * An e-mail address exactly as one channel holds it (case and surrounding spaces included).
 *
 * @param address the raw address as the channel stores it
 * @param kind personal or marketplace relay
 */
public record ChannelEmail(String address, EmailKind kind) {

    public ChannelEmail {
        requireNonNull(address, "address is null");
        requireNonNull(kind, "kind is null");
    }

    /** The address trimmed and lower-cased, the form identity matching compares. */
    public String normalized() {
        return address.strip().toLowerCase(java.util.Locale.ROOT);
    }
}

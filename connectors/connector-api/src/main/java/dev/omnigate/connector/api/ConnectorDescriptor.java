package dev.omnigate.connector.api;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.model.Channel;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a connector is, independent of any account: its stable id, the channel it serves, the SPI
 * version it was built against, what it can do and how it is configured.
 *
 * @param id stable lower-case id such as {@code shopify}; used as {@code connector:} in store config
 *     and in webhook URLs. Matches {@code [a-z][a-z0-9-]*}.
 * @param displayName human-readable name, e.g. "Shopify Admin GraphQL"
 * @param channel the sales or service channel this connector's data belongs to
 * @param spiVersion return {@link SpiVersion#CURRENT}
 * @param capabilities what the connector can do; see {@link Capability}
 * @param configSpec the per-account configuration this connector accepts
 * @since 1.0
 */
public record ConnectorDescriptor(
        String id,
        String displayName,
        Channel channel,
        String spiVersion,
        Set<Capability> capabilities,
        ConfigSpec configSpec) {

    /** The pattern every connector id matches. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9-]*");

    public ConnectorDescriptor {
        requireNonNull(id, "id is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(spiVersion, "spiVersion is null");
        requireNonNull(capabilities, "capabilities is null");
        requireNonNull(configSpec, "configSpec is null");
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("connector id must match " + ID_PATTERN + ", but was '" + id + "'");
        }
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }
}

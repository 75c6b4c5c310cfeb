package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

/**
 * Where a record came from: channel, connector, account and the vendor's own id. Every model record
 * carries one; the gateway builds global ids and provenance from it.
 *
 * @param channel the channel kind
 * @param connector the connector id, e.g. {@code shopify}
 * @param account the configured account id, e.g. {@code shopify-us}
 * @param nativeId the vendor's id for the record, as a string (never parsed as a number: some vendor
 *     ids exceed 2^53)
 * @since 1.0
 */
public record SourceRef(Channel channel, String connector, String account, String nativeId) {

    public SourceRef {
        requireNonNull(channel, "channel is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(account, "account is null");
        requireNonNull(nativeId, "nativeId is null");
        if (nativeId.isBlank()) {
            throw new IllegalArgumentException("nativeId must not be blank");
        }
    }

    /** The same channel, connector and account with another native id. */
    public SourceRef withNativeId(String otherNativeId) {
        return new SourceRef(channel, connector, account, otherNativeId);
    }
}

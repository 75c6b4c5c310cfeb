package dev.omnigate.connector.toolkit;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.SourceRef;

/**
 * Makes {@link SourceRef}s for one connector account, so mappers only pass the native id.
 *
 * @param channel the connector's channel
 * @param connector the connector id
 * @param account the account id
 */
public record SourceRefs(Channel channel, String connector, String account) {

    public SourceRefs {
        requireNonNull(channel, "channel is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(account, "account is null");
    }

    public SourceRef of(String nativeId) {
        return new SourceRef(channel, connector, account, nativeId);
    }
}

package dev.omnigate.gateway.graphql.channel;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.gateway.connector.ConnectorAccount;
import java.util.List;

/** The GraphQL {@code ChannelAccount}; {@code health} is resolved lazily from {@link #live()}. */
public record ChannelAccountView(String account, String store, String connector, String connectorName, Channel channel,
        List<Capability> capabilities, ConnectorAccount live) {

    public static ChannelAccountView of(ConnectorAccount account) {
        return new ChannelAccountView(account.accountId(), account.storeId(), account.connectorId(), account.descriptor().displayName(),
                account.channel(), account.descriptor().capabilities().stream().sorted().toList(), account);
    }
}

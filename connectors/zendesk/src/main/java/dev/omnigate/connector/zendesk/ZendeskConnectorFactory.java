package dev.omnigate.connector.zendesk;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.SpiVersion;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.model.Channel;
import java.util.EnumSet;

/**
 * The Zendesk Support connector (connector id {@code zendesk}, channel {@code HELPDESK}): helpdesk users as
 * customers with every email identity (marketplace relay addresses marked with their marketplace), tickets by id
 * and by requester with their {@code external_id}, and signed webhooks with a replay window. Configuration keys:
 * {@link ZendeskConfig#SPEC}.
 */
public final class ZendeskConnectorFactory implements ConnectorFactory {

    /** The connector id. */
    public static final String ID = "zendesk";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Zendesk Support", Channel.HELPDESK,
            SpiVersion.CURRENT,
            EnumSet.of(Capability.CUSTOMERS_READ, Capability.TICKETS_READ, Capability.CHANGES_WEBHOOK),
            ZendeskConfig.SPEC);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Builds the connector; makes no network call.
     *
     * @throws dev.omnigate.connector.api.error.ConnectorException CONFIG when not exactly one auth mode is configured
     */
    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        return new ZendeskConnector(ZendeskConfig.from(config), context);
    }
}

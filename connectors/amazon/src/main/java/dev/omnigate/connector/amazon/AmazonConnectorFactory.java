package dev.omnigate.connector.amazon;

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
 * The Amazon Selling Partner API connector (connector id {@code amazon}): orders (Orders 2026-01-01), FBA
 * inventory per marketplace, listing prices (Listings Items 2021-08-01), one FBA location per configured
 * marketplace, EventBridge notifications and a polling fallback. Amazon has no customer API, so there is no
 * customer reader and orders cannot be looked up per customer. Configuration keys: {@link AmazonConfig#SPEC}.
 */
public final class AmazonConnectorFactory implements ConnectorFactory {

    /** The connector id. */
    public static final String ID = "amazon";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Amazon Selling Partner API",
            Channel.AMAZON, SpiVersion.CURRENT,
            EnumSet.of(Capability.ORDERS_READ, Capability.INVENTORY_READ, Capability.PRICES_READ, Capability.LOCATIONS_READ,
                    Capability.CHANGES_WEBHOOK, Capability.CHANGES_POLLING),
            AmazonConfig.SPEC);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Builds the connector; makes no network call (the first access token is fetched on the first read). */
    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        return new AmazonConnector(AmazonConfig.from(config), context);
    }
}

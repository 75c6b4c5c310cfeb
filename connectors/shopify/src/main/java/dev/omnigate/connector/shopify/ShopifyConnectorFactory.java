package dev.omnigate.connector.shopify;

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
 * The Shopify Admin GraphQL connector (connector id {@code shopify}): customers, orders (also per
 * customer, batched), inventory levels, prices and locations of one shop, and its HMAC-signed webhooks.
 * Configuration keys: {@link ShopifyConfig#SPEC}.
 */
public final class ShopifyConnectorFactory implements ConnectorFactory {

    /** The connector id. */
    public static final String ID = "shopify";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Shopify Admin GraphQL", Channel.SHOPIFY,
            SpiVersion.CURRENT,
            EnumSet.of(Capability.CUSTOMERS_READ, Capability.ORDERS_READ, Capability.ORDERS_BY_CUSTOMER,
                    Capability.INVENTORY_READ, Capability.PRICES_READ, Capability.LOCATIONS_READ, Capability.CHANGES_WEBHOOK),
            ShopifyConfig.SPEC);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Builds the connector; makes no network call. */
    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        return new ShopifyConnector(ShopifyConfig.from(config), context);
    }
}

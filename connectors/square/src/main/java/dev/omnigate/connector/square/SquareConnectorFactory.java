package dev.omnigate.connector.square;

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
 * The Square point-of-sale connector (connector id {@code square}, channel {@code POS}): customers, orders (also per
 * customer, batched), catalog variation prices, inventory counts and store locations of one Square seller, and its
 * HMAC-signed webhooks. Configuration keys: {@link SquareConfig#SPEC}.
 */
public final class SquareConnectorFactory implements ConnectorFactory {

    /** The connector id. */
    public static final String ID = "square";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Square (POS)", Channel.POS,
            SpiVersion.CURRENT,
            EnumSet.of(Capability.CUSTOMERS_READ, Capability.ORDERS_READ, Capability.ORDERS_BY_CUSTOMER,
                    Capability.INVENTORY_READ, Capability.PRICES_READ, Capability.LOCATIONS_READ, Capability.CHANGES_WEBHOOK),
            SquareConfig.SPEC);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Builds the connector; makes no network call. */
    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        return new SquareConnector(SquareConfig.from(config), context);
    }
}

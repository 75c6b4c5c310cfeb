package dev.omnigate.connector.tiktok;

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
 * The TikTok Shop Partner API connector (connector id {@code tiktok-shop}, 202309 endpoints): orders by id and time
 * window, sale prices and warehouse stock by seller SKU, warehouses, signed webhooks and an order poller. No
 * customers reader (TikTok offers no customer API; buyers are {@code user_id}s with relay e-mails).
 * Configuration keys: {@link TikTokShopConfig#SPEC}.
 */
public final class TikTokShopConnectorFactory implements ConnectorFactory {

    /** The connector id. */
    public static final String ID = "tiktok-shop";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "TikTok Shop Partner API (202309)",
            Channel.TIKTOK_SHOP, SpiVersion.CURRENT,
            EnumSet.of(Capability.ORDERS_READ, Capability.INVENTORY_READ, Capability.PRICES_READ, Capability.LOCATIONS_READ,
                    Capability.CHANGES_WEBHOOK, Capability.CHANGES_POLLING),
            TikTokShopConfig.SPEC);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Builds the connector; makes no network call. */
    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        return new TikTokShopConnector(TikTokShopConfig.from(config), context);
    }
}

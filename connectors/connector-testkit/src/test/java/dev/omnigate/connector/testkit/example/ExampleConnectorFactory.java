package dev.omnigate.connector.testkit.example;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.SpiVersion;
import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.model.Channel;
import java.util.Set;

/**
 * A deliberately small REST connector the kit's own tests run the whole contract against: customers
 * only ({@code GET /customers?ids=} and {@code GET /customers/search?email=&cursor=}), bearer token,
 * 429 with {@code Retry-After}. It is not a vendor; it proves the kit is vendor-neutral.
 */
public final class ExampleConnectorFactory implements ConnectorFactory {

    static final ConfigSpec SPEC = ConfigSpec.builder()
            .define(ConfigKey.url("base-url").required().doc("Where the example API listens."))
            .define(ConfigKey.secretString("api-token").doc("Bearer token sent in the Authorization header."))
            .define(ConfigKey.string("signing-key-id").defaultValue("k1")
                    .doc("Identifies the signing key; an identifier, not a secret."))
            .build();

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("example-rest", "Example REST",
            Channel.HELPDESK, SpiVersion.CURRENT, Set.of(Capability.CUSTOMERS_READ), SPEC);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        return new ExampleConnector(config.url("base-url"), config.secret("api-token"), context);
    }
}

package dev.omnigate.connector.testkit.fake;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.SpiVersion;
import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConfigValidator;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A hand-written in-memory connector for host tests (Trino's {@code MockConnectorFactory} idea): one factory
 * per connector id, with data per account, failures injectable per capability, and call counters per reader
 * method. Not registered through {@code META-INF/services}; hosts accept it as an extra factory in tests.
 *
 * <pre>{@code
 * FakeConnectorFactory shop = FakeConnectorFactory.builder("fake-shop", Channel.SHOPIFY)
 *         .account("shop-a", account -> account
 *                 .customer("1", "Ava Chen", "ava.chen@example.com", "+14155550142")
 *                 .order("10", "1", "2025-03-01T10:00:00Z", "59.00", "USD", line("SKU-1", "Mug", 2, "29.50", "USD")))
 *         .build();
 * shop.account("shop-a").fail(Capability.ORDERS_READ, ErrorCategory.UNAVAILABLE);
 * shop.account("shop-a").calls(FakeOperation.ORDERS_BY_CUSTOMER);
 * }</pre>
 *
 * <p>Config keys (every account's {@code config:} is validated against them like a real connector's):
 * {@code region} (string, default {@code test}), {@code api-token} (secret, optional),
 * {@code max-batch-size} (int 1..1000, overrides the builder's), {@code page-size-cap} (int, default 50),
 * {@code endpoint} (URL, optional). An account id the builder did not define gets an empty account.
 */
public final class FakeConnectorFactory implements ConnectorFactory {

    /** The configuration every fake accepts. */
    public static final ConfigSpec CONFIG_SPEC = ConfigSpec.builder()
            .define(ConfigKey.string("region").defaultValue("test").doc("A label; has no effect."))
            .define(ConfigKey.string("api-token").secret().doc("A credential the fake never checks; tests use it to prove secrets are never printed."))
            .define(ConfigKey.integer("max-batch-size").validator(ConfigValidator.range(1, 1000))
                    .doc("Overrides the builder's maxBatchSize of every reader."))
            .define(ConfigKey.integer("page-size-cap").defaultValue(50).validator(ConfigValidator.range(1, 250))
                    .doc("The most items a search page returns, whatever the host asks for."))
            .define(ConfigKey.url("endpoint").doc("Ignored; lets tests exercise URL validation."))
            .build();

    private final ConnectorDescriptor descriptor;
    private final boolean searchIgnoresQuery;
    private final Map<String, FakeAccount> accounts;
    private final Map<String, FakeAccountBuilder> builders;

    private FakeConnectorFactory(ConnectorDescriptor descriptor, boolean searchIgnoresQuery, Map<String, FakeAccountBuilder> builders) {
        this.descriptor = descriptor;
        this.searchIgnoresQuery = searchIgnoresQuery;
        this.builders = new LinkedHashMap<>(builders);
        this.accounts = new java.util.concurrent.ConcurrentHashMap<>();
        builders.forEach((id, builder) -> accounts.put(id, builder.build()));
    }

    public static Builder builder(String connectorId, Channel channel) {
        return new Builder(connectorId, channel);
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Connector create(ConnectorConfig config, ConnectorContext context) {
        FakeAccount account = accounts.computeIfAbsent(context.accountId(),
                id -> new FakeAccountBuilder(descriptor.channel(), descriptor.id(), id).build());
        int maxBatchSize = config.isSet("max-batch-size") ? config.integer("max-batch-size") : account.maxBatchSize();
        if (maxBatchSize != account.maxBatchSize()) {
            account = rebuild(context.accountId(), maxBatchSize);
        }
        if (config.string("region").equals("unreachable")) {
            // a cross-field problem the spec cannot express, reported as the SPI asks: CONFIG, key named, no secret
            throw ConnectorException.of(ErrorCategory.CONFIG, "'region' unreachable is not served by the fake");
        }
        return new FakeConnector(account, descriptor.capabilities(), maxBatchSize, config.integer("page-size-cap"), searchIgnoresQuery);
    }

    private FakeAccount rebuild(String accountId, int maxBatchSize) {
        FakeAccountBuilder builder = builders.getOrDefault(accountId, new FakeAccountBuilder(descriptor.channel(), descriptor.id(), accountId));
        FakeAccount account = builder.maxBatchSize(maxBatchSize).build();
        accounts.put(accountId, account);
        return account;
    }

    /** The account's data, controls and counters (created empty when the builder did not define it). */
    public FakeAccount account(String accountId) {
        return accounts.computeIfAbsent(accountId, id -> new FakeAccountBuilder(descriptor.channel(), descriptor.id(), id).build());
    }

    /** Builds a {@link FakeConnectorFactory}. */
    public static final class Builder {
        private final String connectorId;
        private final Channel channel;
        private String displayName;
        private String spiVersion = SpiVersion.CURRENT;
        private boolean searchIgnoresQuery;
        private final Set<Capability> capabilities = EnumSet.of(Capability.CUSTOMERS_READ, Capability.ORDERS_READ,
                Capability.ORDERS_BY_CUSTOMER, Capability.INVENTORY_READ, Capability.PRICES_READ, Capability.LOCATIONS_READ,
                Capability.TICKETS_READ);
        private final Map<String, FakeAccountBuilder> accounts = new LinkedHashMap<>();

        private Builder(String connectorId, Channel channel) {
            this.connectorId = requireNonNull(connectorId, "connectorId is null");
            this.channel = requireNonNull(channel, "channel is null");
            this.displayName = "Fake " + channel;
        }

        public Builder displayName(String name) {
            this.displayName = requireNonNull(name, "name is null");
            return this;
        }

        public Builder spiVersion(String version) {
            this.spiVersion = requireNonNull(version, "version is null");
            return this;
        }

        /** Replaces the declared capabilities (default: every read capability plus ORDERS_BY_CUSTOMER). */
        public Builder capabilities(Capability first, Capability... more) {
            capabilities.clear();
            capabilities.add(first);
            capabilities.addAll(java.util.List.of(more));
            return this;
        }

        /** Removes capabilities from the declared set. */
        public Builder without(Capability... removed) {
            capabilities.removeAll(java.util.List.of(removed));
            return this;
        }

        /**
         * Customer searches return every customer of the account whatever the query, as a vendor does that
         * silently ignores a search field it does not support: hosts must check matches themselves.
         */
        public Builder searchIgnoresQuery() {
            this.searchIgnoresQuery = true;
            return this;
        }

        /** Defines an account's data; calling it again for the same id adds to it. */
        public Builder account(String accountId, Consumer<FakeAccountBuilder> data) {
            FakeAccountBuilder builder = accounts.computeIfAbsent(accountId, id -> new FakeAccountBuilder(channel, connectorId, id));
            data.accept(builder);
            return this;
        }

        public FakeConnectorFactory build() {
            ConnectorDescriptor descriptor = new ConnectorDescriptor(connectorId, displayName, channel, spiVersion,
                    capabilities, CONFIG_SPEC);
            return new FakeConnectorFactory(descriptor, searchIgnoresQuery, accounts);
        }
    }
}

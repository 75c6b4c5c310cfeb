package dev.omnigate.connector.testkit.fake;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorContext;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.SpiVersion;
import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deliberately broken connector plugins (Kafka's {@code test-plugins/bad-packaging} idea), for proving that a
 * host rejects them with clear messages. Each factory's config has one optional secret key, {@code token}.
 */
public final class BrokenConnectorFactories {

    /** The one config key every broken factory accepts: an optional secret. */
    public static final ConfigSpec CONFIG_SPEC = ConfigSpec.builder()
            .define(ConfigKey.string("token").secret().doc("A credential; broken factories may leak it, hosts must not."))
            .build();

    private BrokenConnectorFactories() {
    }

    /** Two well-formed factories that claim the same connector id {@code duplicate}. */
    public static List<ConnectorFactory> duplicateId() {
        return List.of(wellFormed("duplicate"), wellFormed("duplicate"));
    }

    /** A well-formed factory without capabilities whose connectors answer health checks only. */
    public static ConnectorFactory wellFormed(String id) {
        return new Simple(descriptor(id, SpiVersion.CURRENT, Set.of()), false, false, null);
    }

    /** A factory built against SPI major 2: the host (major 1) must refuse it. */
    public static ConnectorFactory wrongSpiMajor() {
        return new Simple(descriptor("wrong-major", "2.0", Set.of()), false, false, null);
    }

    /** A factory built against a newer SPI minor than any host of major 1 knows. */
    public static ConnectorFactory newerSpiMinor() {
        return new Simple(descriptor("newer-minor", "1.999", Set.of()), false, false, null);
    }

    /** Declares CUSTOMERS_READ and ORDERS_READ, but its connectors return no orders reader. */
    public static ConnectorFactory capabilityLie() {
        return new Simple(descriptor("capability-lie", SpiVersion.CURRENT, Set.of(Capability.CUSTOMERS_READ, Capability.ORDERS_READ)),
                true, false, null);
    }

    /** Declares nothing, but its connectors hand out a customers reader. */
    public static ConnectorFactory undeclaredReader() {
        return new Simple(descriptor("undeclared-reader", SpiVersion.CURRENT, Set.of()), true, false, null);
    }

    /**
     * Throws from {@code create} with a careless message that contains the account's {@code token} value (as
     * a buggy connector might); hosts must report the failure without printing the secret.
     */
    public static ConnectorFactory throwingCreate() {
        return new Simple(descriptor("throwing-create", SpiVersion.CURRENT, Set.of()), false, true, null);
    }

    /** Counts how often its connectors are closed, so hosts can prove they close each instance once. */
    public static CloseCountingFactory closeCounting(String id) {
        return new CloseCountingFactory(id);
    }

    private static ConnectorDescriptor descriptor(String id, String spiVersion, Set<Capability> capabilities) {
        return new ConnectorDescriptor(id, "Broken " + id, Channel.SHOPIFY, spiVersion, capabilities, CONFIG_SPEC);
    }

    private record Simple(ConnectorDescriptor descriptor, boolean offersCustomers, boolean throwsOnCreate, Runnable onClose)
            implements ConnectorFactory {

        @Override
        public Connector create(ConnectorConfig config, ConnectorContext context) {
            if (throwsOnCreate) {
                String token = config.optionalSecret("token").map(secret -> secret.reveal()).orElse("<none>");
                throw new IllegalStateException("could not log in to account " + context.accountId() + " with token " + token);
            }
            return new SimpleConnector(offersCustomers, onClose);
        }
    }

    private record SimpleConnector(boolean offersCustomers, Runnable onClose) implements Connector {
        @Override
        public Optional<CustomerReader> customers() {
            return offersCustomers ? Optional.of(new EmptyCustomers()) : Optional.empty();
        }

        @Override
        public HealthReport checkHealth(CallContext context) {
            return HealthReport.up("broken factory's connector answers health checks");
        }

        @Override
        public void close() {
            if (onClose != null) {
                onClose.run();
            }
        }
    }

    private static final class EmptyCustomers implements CustomerReader {
        @Override
        public int maxBatchSize() {
            return 10;
        }

        @Override
        public Map<String, Customer> getByIds(CallContext context, Set<String> ids) {
            return Map.of();
        }

        @Override
        public Page<Customer> search(CallContext context, CustomerQuery query, PageRequest page) {
            return Page.last(List.of());
        }
    }

    /** A well-formed factory whose connectors count their {@code close()} calls. */
    public static final class CloseCountingFactory implements ConnectorFactory {
        private final ConnectorDescriptor descriptor;
        private final java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();

        private CloseCountingFactory(String id) {
            this.descriptor = BrokenConnectorFactories.descriptor(id, SpiVersion.CURRENT, Set.of());
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Connector create(ConnectorConfig config, ConnectorContext context) {
            created.incrementAndGet();
            return new SimpleConnector(false, closes::incrementAndGet);
        }

        public int created() {
            return created.get();
        }

        public int closes() {
            return closes.get();
        }
    }
}

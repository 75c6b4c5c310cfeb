package dev.omnigate.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.SpiVersion;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.testkit.example.ExampleConnectorFactory;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Discovery group's logic catches connectors that lie about what they can do. */
final class CapabilityChecksTest {

    /** Only its name matters. */
    private static final class AcmeConnectorContractTest {
    }

    @Test
    void anHonestConnectorHasNoProblems() {
        ConnectorDescriptor descriptor = LyingConnectors.descriptor("honest", Set.of(Capability.ORDERS_READ));
        assertThat(CapabilityChecks.accessorProblems(descriptor, LyingConnectors.withOrders(new LyingConnectors.HonestOrders())))
                .isEmpty();
    }

    @Test
    void aDeclaredCapabilityWithAnEmptyAccessorIsCaught() {
        ConnectorDescriptor descriptor = LyingConnectors.descriptor("liar", Set.of(Capability.CUSTOMERS_READ));
        assertThat(CapabilityChecks.accessorProblems(descriptor, new LyingConnectors.Empty()))
                .containsExactly("CUSTOMERS_READ is declared but its accessor is empty");
    }

    @Test
    void anUndeclaredCapabilityWithAReaderIsCaught() {
        InventoryReader reader = new LyingConnectors.ZeroBatchInventory();
        Connector connector = new LyingConnectors.Empty() {
            @Override
            public Optional<InventoryReader> inventory() {
                return Optional.of(reader);
            }
        };
        assertThat(CapabilityChecks.accessorProblems(LyingConnectors.descriptor("liar", Set.of()), connector))
                .contains("INVENTORY_READ is not declared but its accessor returns a reader",
                        "INVENTORY_READ reader has maxBatchSize 0 (must be at least 1)");
    }

    @Test
    void anAccessorReturningANewReaderEachTimeIsCaught() {
        Connector connector = new LyingConnectors.Empty() {
            @Override
            public Optional<CustomerReader> customers() {
                return Optional.of(new LyingConnectors.NoCustomers());
            }
        };
        assertThat(CapabilityChecks.accessorProblems(LyingConnectors.descriptor("liar", Set.of(Capability.CUSTOMERS_READ)), connector))
                .containsExactly("the accessor for CUSTOMERS_READ does not return the same reader each time");
    }

    @Test
    void anAccessorThatThrowsIsCaught() {
        Connector connector = new LyingConnectors.Empty() {
            @Override
            public Optional<CustomerReader> customers() {
                throw new IllegalStateException("boom");
            }
        };
        assertThat(CapabilityChecks.accessorProblems(LyingConnectors.descriptor("liar", Set.of()), connector))
                .singleElement().asString().contains("CUSTOMERS_READ").contains("threw");
    }

    @Test
    void ordersByCustomerImplementedButUndeclaredIsCaught() {
        ConnectorDescriptor descriptor = LyingConnectors.descriptor("liar", Set.of(Capability.ORDERS_READ));
        assertThat(CapabilityChecks.accessorProblems(descriptor, LyingConnectors.withOrders(new LyingConnectors.SecretlyByCustomer())))
                .containsExactly("ORDERS_BY_CUSTOMER is not declared but getByCustomerIds answered instead of refusing");
    }

    @Test
    void aNonStandardRefusalIsCaught() {
        ConnectorDescriptor descriptor = LyingConnectors.descriptor("liar", Set.of(Capability.ORDERS_READ));
        assertThat(CapabilityChecks.accessorProblems(descriptor, LyingConnectors.withOrders(new LyingConnectors.OddRefusal())))
                .singleElement().asString().contains("must refuse with UNSUPPORTED").contains("BAD_REQUEST");
    }

    @Test
    void ordersByCustomerWithoutOrdersReadIsCaught() {
        ConnectorDescriptor descriptor = LyingConnectors.descriptor("liar", Set.of(Capability.ORDERS_BY_CUSTOMER));
        assertThat(CapabilityChecks.accessorProblems(descriptor, new LyingConnectors.Empty()))
                .contains("ORDERS_BY_CUSTOMER is declared without ORDERS_READ (it has no accessor of its own)");
    }

    @Test
    void incompatibleSpiVersionsAreCaught() {
        for (String version : new String[] {"2.0", "1.99", "1", "one.zero"}) {
            ConnectorDescriptor descriptor = new ConnectorDescriptor("future", "Future", Channel.POS, version, Set.of(),
                    ConfigSpec.builder().build());
            assertThat(CapabilityChecks.descriptorProblems(descriptor)).as(version).singleElement().asString().contains("spiVersion");
        }
        assertThat(CapabilityChecks.descriptorProblems(new ConnectorDescriptor("now", "Now", Channel.POS, SpiVersion.CURRENT,
                Set.of(), ConfigSpec.builder().build()))).isEmpty();
    }

    @Test
    void serviceLoaderRegistrationIsChecked() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(CapabilityChecks.serviceLoaderProblems(ExampleConnectorFactory.class, "example-rest", loader)).isEmpty();
        assertThat(CapabilityChecks.serviceLoaderProblems(LyingConnectors.UnlistedFactory.class, "kit-unlisted", loader))
                .singleElement().asString().contains("found 0 times");
        assertThat(CapabilityChecks.serviceLoaderProblems(LyingConnectors.ListedFactory.class, "kit-self-test", loader))
                .containsExactly("1 other provider(s) also use the connector id 'kit-self-test'");
    }

    @Test
    void contractTestNamesAreChecked() {
        assertThat(CapabilityChecks.namingProblems(AcmeConnectorContractTest.class)).isEmpty();
        assertThat(CapabilityChecks.namingProblems(CapabilityChecksTest.class)).isNotEmpty();
        assertThat(CapabilityChecks.namingProblems(ConnectorContractTest.class))
                .as("the bare base name has no vendor prefix").isNotEmpty();
    }
}

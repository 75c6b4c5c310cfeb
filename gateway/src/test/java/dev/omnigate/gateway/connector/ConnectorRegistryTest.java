package dev.omnigate.gateway.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.SpiVersion;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.BrokenConnectorFactories;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin registry refuses inconsistent plugins with messages that name the plugin and the rule. */
final class ConnectorRegistryTest {

    @Test
    void acceptsWellFormedFactoriesAndListsThemById() {
        ConnectorRegistry registry = new ConnectorRegistry(List.of(BrokenConnectorFactories.wellFormed("zeta"),
                FakeConnectorFactory.builder("alpha", Channel.POS).build()));

        assertThat(registry.connectorIds()).containsExactly("alpha", "zeta");
        assertThat(registry.factory("alpha")).isPresent();
        assertThat(registry.factory("nope")).isEmpty();
    }

    @Test
    void refusesDuplicateIdsNamingEveryClaimant() {
        assertThatThrownBy(() -> new ConnectorRegistry(BrokenConnectorFactories.duplicateId()))
                .isInstanceOf(ConnectorRegistryException.class)
                .satisfies(error -> assertThat(((ConnectorRegistryException) error).problems()).singleElement().asString()
                        .contains("connector id 'duplicate' is claimed by 2 factories", "BrokenConnectorFactories$Simple"));
    }

    @Test
    void refusesAnIncompatibleSpiMajorOrANewerMinor() {
        assertThatThrownBy(() -> new ConnectorRegistry(List.of(BrokenConnectorFactories.wrongSpiMajor())))
                .isInstanceOf(ConnectorRegistryException.class)
                .hasMessageContaining("connector 'wrong-major'")
                .hasMessageContaining("built against SPI 2.0, which this gateway (SPI " + SpiVersion.CURRENT + ") cannot run");
        assertThatThrownBy(() -> new ConnectorRegistry(List.of(BrokenConnectorFactories.newerSpiMinor())))
                .hasMessageContaining("SPI 1.999");
    }

    @Test
    void listsEveryProblemAtOnce() {
        List<ConnectorFactory> factories = new ArrayList<>(BrokenConnectorFactories.duplicateId());
        factories.add(BrokenConnectorFactories.wrongSpiMajor());

        assertThatThrownBy(() -> new ConnectorRegistry(factories))
                .isInstanceOfSatisfying(ConnectorRegistryException.class, error -> {
                    assertThat(error.problems()).hasSize(2);
                    assertThat(error.summary()).isEqualTo("the installed connector plugins have 2 problems");
                    assertThat(error.action()).contains("SPI 1.x");
                });
    }

    @Test
    void discoveryAddsExtraFactoriesToTheServiceLoaderOnes() {
        FakeConnectorFactory extra = FakeConnectorFactory.builder("extra-fake", Channel.HELPDESK).build();

        ConnectorRegistry registry = ConnectorRegistry.discover(List.of(extra));

        assertThat(registry.factory("extra-fake")).containsSame(extra);
    }

    @Test
    void findsCapabilityLiesOnCreatedConnectors() {
        ConnectorFactory lie = BrokenConnectorFactories.capabilityLie();
        ConnectorFactory undeclared = BrokenConnectorFactories.undeclaredReader();
        ConnectorFactory truthful = FakeConnectorFactory.builder("truthful", Channel.SHOPIFY).build();

        assertThat(ConnectorRegistry.capabilityProblems(lie.descriptor(), create(lie)))
                .containsExactly("declares ORDERS_READ but orders() is empty");
        assertThat(ConnectorRegistry.capabilityProblems(undeclared.descriptor(), create(undeclared)))
                .containsExactly("customers() returns a reader but CUSTOMERS_READ is not declared");
        assertThat(ConnectorRegistry.capabilityProblems(truthful.descriptor(), create(truthful))).isEmpty();
    }

    private static dev.omnigate.connector.api.Connector create(ConnectorFactory factory) {
        return factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of("probe"));
    }
}

package dev.omnigate.gateway.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's layering (ARCHITECTURE §2): GraphQL code sees connectors only through the SPI; the connector
 * runtime knows nothing of GraphQL; only the sandbox touches the simulators.
 */
final class ArchitectureTest {

    private static JavaClasses gateway;

    @BeforeAll
    static void importGateway() {
        gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.omnigate.gateway");
    }

    @Test
    void graphqlNeverTouchesHttpClientsOrVendorPackages() {
        noClasses().that().resideInAPackage("dev.omnigate.gateway.graphql..")
                .should().dependOnClassesThat(resideInAnyPackage("okhttp3..", "dev.omnigate.simulator..")
                        .or(resideInAPackage("dev.omnigate.connector..").and(not(resideInAPackage("dev.omnigate.connector.api..")))))
                .because("data fetchers and loaders reach vendors only through the connector SPI and the invoker")
                .check(gateway);
    }

    @Test
    void connectorRuntimeNeverImportsGraphql() {
        noClasses().that().resideInAPackage("dev.omnigate.gateway.connector..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.omnigate.gateway.graphql..", "graphql..", "com.netflix.graphql..",
                        "org.dataloader..")
                .because("the invoker, registry and accounts must serve any front end (webhooks, pollers, subscriptions)")
                .check(gateway);
    }

    @Test
    void identityResolutionIsIndependentOfGraphql() {
        noClasses().that().resideInAPackage("dev.omnigate.gateway.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.omnigate.gateway.graphql..", "graphql..", "com.netflix.graphql..")
                .check(gateway);
    }

    @Test
    void onlyTheSandboxPackageUsesTheSimulators() {
        noClasses().that().resideOutsideOfPackage("dev.omnigate.gateway.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("dev.omnigate.simulator..")
                .check(gateway);
    }

    @Test
    void noGatewayCodeUsesVendorConnectorsDirectly() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.omnigate.connector..")
                        .and(not(resideInAPackage("dev.omnigate.connector.api.."))))
                .because("connectors are plugins found through ServiceLoader")
                .check(gateway);
    }
}

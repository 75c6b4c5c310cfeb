package dev.omnigate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.fake.BrokenConnectorFactories;
import dev.omnigate.connector.testkit.fake.BrokenConnectorFactories.CloseCountingFactory;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Store files are validated as a whole: a broken configuration refuses to start with one failure analysis listing
 * every problem (file, store, account, key), never printing a secret.
 */
final class StoreConfigValidationTest {

    @TempDir
    Path stores;

    private ApplicationContextRunner runner(ConnectorFactory... factories) {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(GatewayConfiguration.class)
                .withPropertyValues("omnigate.stores-dir=" + stores);
        for (int i = 0; i < factories.length; i++) {
            ConnectorFactory factory = factories[i];
            runner = runner.withBean("factory" + i, ConnectorFactory.class, () -> factory);
        }
        return runner;
    }

    private static FakeConnectorFactory fake() {
        return FakeConnectorFactory.builder("fake-shop", Channel.SHOPIFY).build();
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(stores.resolve(name), yaml);
    }

    @Test
    void validStoresBecomeAccountsWithPlaceholdersResolvedFromTheEnvironment() throws IOException {
        write("acme.yml", """
                omnigate:
                  stores:
                    acme:
                      accounts:
                        shop-us:
                          connector: fake-shop
                          config:
                            region: ${SHOP_REGION}
                            api-token: ${SHOP_TOKEN}
                            max-batch-size: 25
                        shop-old:
                          connector: fake-shop
                          enabled: false
                          config:
                            api-token: ${NEVER_SET_BECAUSE_DISABLED}
                """);
        write("notes.yml.sample", "this: is not loaded");

        runner(fake()).withPropertyValues("SHOP_REGION=us-west", "SHOP_TOKEN=hunter2").run(context -> {
            assertThat(context).hasNotFailed();
            ConnectorAccounts accounts = context.getBean(ConnectorAccounts.class);
            assertThat(accounts.all()).singleElement().satisfies(account -> {
                assertThat(account.accountId()).isEqualTo("shop-us");
                assertThat(account.storeId()).isEqualTo("acme");
                assertThat(account.connector().customers().orElseThrow().maxBatchSize()).isEqualTo(25);
            });
        });
    }

    @Test
    void everyProblemOfEveryFileIsListedInOneFailureAnalysisWithoutSecrets() throws IOException {
        write("a-acme.yml", """
                omnigate:
                  stores:
                    acme:
                      accounts:
                        shop-us:
                          connector: fake-shop
                          config:
                            api-token: ${SHOP_TOKEN}
                            max-batch-size: lots
                            page-size-cap: 900
                            colour: blue
                        amazon-eu:
                          connector: acme-marketplace
                          config: {}
                        Shop_Two:
                          conector: fake-shop
                          enabled: maybe
                """);
        write("b-brand.yml", """
                omnigate:
                  stores:
                    brand:
                      accounts:
                        shop-us:
                          connector: fake-shop
                        shop-tokenless:
                          connector: fake-shop
                          config:
                            api-token: ${MISSING_TOKEN}
                            endpoint: not a url
                """);

        runner(fake()).withPropertyValues("SHOP_TOKEN=hunter2-very-secret").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new StartupProblemsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            String description = analysis.getDescription();
            assertThat(description).startsWith("Omnigate cannot start: the store configuration has 11 problems.");
            assertThat(description).contains(
                    "a-acme.yml › store 'acme' › account 'shop-us' › 'max-batch-size': must be an integer, but was 'lots'",
                    "› 'page-size-cap': must be between 1 and 250, but was '900'",
                    "› 'colour': is not a known key; known keys are [region, api-token, max-batch-size, page-size-cap, endpoint]",
                    "account 'amazon-eu': unknown connector 'acme-marketplace'; installed connectors are [amazon, fake-shop",
                    "account 'Shop_Two': account ids must be lower-case letters, digits and dashes",
                    "account 'Shop_Two': 'conector' is not an account setting; known settings are [config, connector, enabled]",
                    "account 'Shop_Two': 'enabled' must be true or false, but was 'maybe'",
                    "account 'Shop_Two': 'connector' is required; installed connectors are [",
                    "b-brand.yml › store 'brand' › account 'shop-us': the account id is defined 2 times",
                    "account 'shop-tokenless' › 'api-token': references ${MISSING_TOKEN}, which is not set",
                    "account 'shop-tokenless' › 'endpoint': must be an absolute http(s) URL, but was 'not a url'");
            assertThat(description).doesNotContain("hunter2-very-secret");
            assertThat(description.lines().filter(line -> line.matches("\\s+\\d+\\. .*"))).hasSize(11);
            assertThat(analysis.getAction()).contains("config/README.md", "environment variables");
        });
    }

    @Test
    void connectorsThatRefuseOrBreakInCreateAreReportedWithSecretsMasked() throws IOException {
        write("acme.yml", """
                omnigate:
                  stores:
                    acme:
                      accounts:
                        careless:
                          connector: throwing-create
                          config:
                            token: ${CARELESS_TOKEN}
                        liar:
                          connector: capability-lie
                        far-away:
                          connector: fake-shop
                          config:
                            region: unreachable
                        fine:
                          connector: counting
                """);
        CloseCountingFactory counting = BrokenConnectorFactories.closeCounting("counting");

        runner(fake(), BrokenConnectorFactories.throwingCreate(), BrokenConnectorFactories.capabilityLie(), counting)
                .withPropertyValues("CARELESS_TOKEN=tok-XYZ-123-secret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    String description = new StartupProblemsFailureAnalyzer().analyze(context.getStartupFailure()).getDescription();
                    assertThat(description).contains(
                            "account 'careless': connector 'throwing-create' failed to create the account: IllegalStateException: "
                                    + "could not log in to account careless with token ******",
                            "account 'liar': connector 'capability-lie' is inconsistent: it declares ORDERS_READ but orders() is empty",
                            "account 'far-away': connector 'fake-shop' refused the configuration: 'region' unreachable is not served");
                    assertThat(description).doesNotContain("tok-XYZ-123-secret");
                    // the account that was fine was created, then closed again because the start is refused
                    assertThat(counting.created()).isEqualTo(1);
                    assertThat(counting.closes()).isEqualTo(1);
                });
    }

    @Test
    void yamlSyntaxErrorsNameTheLineButNeverEchoTheText() throws IOException {
        write("broken.yml", """
                omnigate:
                  stores:
                    acme:
                      accounts:
                        shop-us:
                          config:
                            api-token: "shpat_pasted_secret
                          connector: [
                """);
        write("wrong-root.yml", "stores: {}\n");

        runner(fake()).run(context -> {
            String description = new StartupProblemsFailureAnalyzer().analyze(context.getStartupFailure()).getDescription();
            assertThat(description).contains("broken.yml: is not valid YAML at line", "wrong-root.yml: must contain exactly one top-level key");
            assertThat(description).doesNotContain("shpat_pasted_secret");
        });
    }

    @Test
    void inconsistentPluginsAreAnalysedToo() {
        List<ConnectorFactory> duplicates = BrokenConnectorFactories.duplicateId();

        runner(duplicates.get(0), duplicates.get(1)).run(context -> {
            FailureAnalysis analysis = new StartupProblemsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("installed connector plugins have 1 problem",
                    "connector id 'duplicate' is claimed by 2 factories");
        });
    }

    @Test
    void everyInstanceIsClosedExactlyOnceAtShutdown() throws IOException {
        write("acme.yml", """
                omnigate:
                  stores:
                    acme:
                      accounts:
                        one: { connector: counting }
                        two: { connector: counting }
                """);
        CloseCountingFactory counting = BrokenConnectorFactories.closeCounting("counting");

        runner(counting).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(counting.created()).isEqualTo(2);
            assertThat(counting.closes()).isZero();
            context.getBean(ConnectorAccounts.class).close(); // an early close must not make the container close twice
        });

        assertThat(counting.closes()).isEqualTo(2);
    }

    @Test
    void noStoreFilesMeansNoAccounts() {
        runner(fake()).withPropertyValues("omnigate.stores-dir=" + stores.resolve("missing")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ConnectorAccounts.class).isEmpty()).isTrue();
        });
    }
}

package dev.omnigate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The documented sample store file is valid for the installed Shopify connector (it is not loaded as a .sample). */
final class ExampleStoreFileTest {

    private static final Path SAMPLE = Path.of("..", "config", "stores", "example.yml.sample");

    @TempDir
    Path stores;

    @Test
    void sampleIsIgnoredWhereItLives() {
        assertThat(SAMPLE).exists();
        assertThat(new YamlStoreConfigSource(SAMPLE.getParent()).accounts()).isEmpty();
    }

    @Test
    void sampleValidatesAndCreatesItsEnabledAccountsOnceItsVariablesAreSet() throws IOException {
        Files.copy(SAMPLE, stores.resolve("acme.yml"));
        MockEnvironment environment = new MockEnvironment().withProperty("SHOPIFY_ACME_US_TOKEN", "shpat_example_only");

        try (ConnectorAccounts accounts = new StoreAccountsFactory(ConnectorRegistry.discover(List.of()), environment, Clock.systemUTC())
                .create(List.of(new YamlStoreConfigSource(stores)))) {
            assertThat(accounts.all()).singleElement().satisfies(account -> {
                assertThat(account.accountId()).isEqualTo("shopify-us");
                assertThat(account.storeId()).isEqualTo("acme");
                assertThat(account.connectorId()).isEqualTo("shopify");
            });
        }
    }

    @Test
    void theRepositorysApplicationYmlLeavesTheModeToTheStoreFilesUnlessOmnigateSandboxDecides() throws IOException {
        String yaml = Files.readString(Path.of("..", "config", "application.yml"));

        assertThat(yaml).contains("enabled: ${OMNIGATE_SANDBOX:auto}");
        assertThat(Files.list(Path.of("..", "config", "stores")).filter(path -> path.toString().endsWith(".yml")).toList())
                .as("the repository ships no active store file, so the default start is the sandbox").isEmpty();
    }
}

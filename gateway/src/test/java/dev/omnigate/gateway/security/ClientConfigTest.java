package dev.omnigate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.OmnigateApplication;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * API clients from {@code config/clients/*.yml} and {@code omnigate.clients.*}: valid ones load with their scopes and
 * partner limits; every problem is reported naming file, client and key, never the key or hash itself; a plain-text
 * key or an unknown scope stops the start; a changed file is reloaded without a restart, a broken change is not.
 */
@ExtendWith(OutputCaptureExtension.class)
final class ClientConfigTest {

    private static final String KEY = "og_web-2026_" + "s".repeat(43);
    private static final String HASH = ApiKeyHashes.bcrypt(KEY, 4);

    @TempDir
    Path folder;

    private ClientConfigLoader.Result load() {
        return new ClientConfigLoader(folder, null).load();
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(folder.resolve(name), yaml);
    }

    @Test
    void aValidClientFileLoadsWithItsKeysScopesAndPartnerLimits() throws IOException {
        String warehouse = GlobalId.encode(GlobalIdType.Location, new SourceRef(Channel.SHOPIFY, "shopify", "shop-us", "loc-1"));
        write("partner.yml", """
                omnigate:
                  clients:
                    acme-3pl:
                      name: ACME logistics
                      scopes: [catalog:read, inventory:subscribe]
                      api-keys:
                        - id: web-2026
                          hash: "%s"
                          expires-at: 2030-01-01T00:00:00Z
                      partner:
                        skus: ["ACME-*", "SKU-?"]
                        location-kinds: [WAREHOUSE]
                        locations: ["%s"]
                """.formatted(HASH, warehouse));

        ClientConfigLoader.Result result = load();

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("bcrypt cost 4 is weak");
        ClientDefinition client = result.clients().getFirst();
        assertThat(client.id()).isEqualTo("acme-3pl");
        assertThat(client.name()).isEqualTo("ACME logistics");
        assertThat(client.scopes()).containsExactlyInAnyOrder(Scope.CATALOG_READ, Scope.INVENTORY_SUBSCRIBE);
        assertThat(client.apiKeys()).singleElement().satisfies(key -> {
            assertThat(key.id()).isEqualTo("web-2026");
            assertThat(key.expiresAt()).isEqualTo(java.time.Instant.parse("2030-01-01T00:00:00Z"));
            assertThat(ApiKeyHashes.matches(KEY, key.hash())).isTrue();
        });
        PartnerFilter partner = client.partner();
        assertThat(partner.allowsSku("ACME-1")).isTrue();
        assertThat(partner.allowsSku("SKU-7")).isTrue();
        assertThat(partner.allowsSku("SKU-77")).isFalse();
        assertThat(partner.allowsSku("acme-1")).as("case-sensitive").isFalse();
        assertThat(partner.allowsSku("X.ACME-1")).isFalse();
        assertThat(partner.allowsLocation("shop-us", "loc-9", LocationKind.WAREHOUSE)).isTrue();
        assertThat(partner.allowsLocation("shop-us", "loc-1", LocationKind.STORE)).as("listed by id").isTrue();
        assertThat(partner.allowsLocation("shop-us", "loc-2", LocationKind.STORE)).isFalse();
        assertThat(partner.allowsLocation("shop-us", "loc-3", null)).as("unknown kind fails closed").isFalse();
    }

    @Test
    void clientsFromApplicationPropertiesLoadLikeFiles() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "omnigate.clients.web.scopes", "catalog:read, orders:read",
                "omnigate.clients.web.api-keys[0].id", "web-2026",
                "omnigate.clients.web.api-keys[0].hash", HASH)));

        ClientConfigLoader.Result result = new ClientConfigLoader(folder, environment).load();

        assertThat(result.problems()).isEmpty();
        assertThat(result.clients()).singleElement().satisfies(client -> {
            assertThat(client.scopes()).containsExactlyInAnyOrder(Scope.CATALOG_READ, Scope.ORDERS_READ);
            assertThat(client.origin()).contains("application properties");
        });
    }

    @Test
    void everyProblemIsNamedByFileClientAndKeyWithoutTheSecret() throws IOException {
        write("a-broken.yml", """
                omnigate:
                  clients:
                    storefront:
                      scopes: [catalog:read, everything:write]
                      api-keys:
                        - id: sf-1
                          hash: "%s"
                        - id: sf-2
                          hash: "{noop}hunter2-plain"
                        - id: sf-3
                          hash: "{SHA-256}abcdef0123456789"
                        - id: x
                          hash: "%s"
                      key: "%s"
                    partner:
                      scopes: [catalog:read]
                      partner:
                        location-kinds: [MOON_BASE]
                        locations: [not-an-id]
                    "Bad Id!":
                      scopes: [admin]
                    noscopes:
                      api-keys: []
                """.formatted(KEY, HASH, KEY));
        write("b-dup.yml", """
                omnigate:
                  clients:
                    other:
                      scopes: [admin]
                      api-keys:
                        - id: sf-3
                          hash: "%s"
                """.formatted(HASH));
        write("c-syntax.yml", "omnigate:\n  clients:\n    x: [unclosed\n");

        ClientConfigLoader.Result result = load();
        String report = String.join("\n", result.problemLines());

        assertThat(result.problemLines()).anySatisfy(line -> assertThat(line).contains("a-broken.yml › client 'storefront' › 'scopes'")
                .contains("'everything:write' is not a scope"));
        assertThat(report).contains("› client 'storefront' › 'api-keys[0].hash': holds an API key in plain text")
                .contains("› 'api-keys[1].hash': is not a bcrypt or Argon2 hash")
                .contains("› 'api-keys[2].hash': is not a bcrypt or Argon2 hash")
                .contains("› 'api-keys[3].id': must be the key's id")
                .contains("› client 'storefront' › 'key': API keys are never configured in plain text")
                .contains("› client 'partner' › 'partner.location-kinds': 'MOON_BASE' is not a location kind")
                .contains("› client 'partner' › 'partner.locations': 'not-an-id' is not a Location id")
                .contains("client 'Bad Id!': is not a valid client id")
                .contains("client 'noscopes' › 'scopes': must list at least one scope")
                .contains("c-syntax.yml: is not valid YAML at line");
        assertThat(report).doesNotContain(KEY).doesNotContain("s".repeat(20)).doesNotContain("hunter2").doesNotContain(HASH)
                .doesNotContain("abcdef0123456789");
        assertThat(result.clients()).extracting(ClientDefinition::id).containsExactly("other");
    }

    @Test
    void twoClientsMayNotShareAKeyId() throws IOException {
        write("a.yml", "omnigate:\n  clients:\n    one:\n      scopes: [admin]\n      api-keys:\n        - id: same-id\n          hash: \"" + HASH
                + "\"\n    two:\n      scopes: [admin]\n      api-keys:\n        - id: same-id\n          hash: \"" + HASH + "\"\n");

        assertThat(load().problemLines()).anySatisfy(line -> assertThat(line).contains("client 'two'").contains("already used by client 'one'"));
    }

    @Test
    void aPlainTextKeyStopsTheStartNamingTheFileAndKeyButNeverTheKey(CapturedOutput output) throws IOException {
        write("leaky.yml", "omnigate:\n  clients:\n    leaky:\n      scopes: [bogus:scope]\n      api-keys:\n        - id: leaky-1\n"
                + "          hash: \"" + KEY + "\"\n");
        SpringApplication application = new SpringApplication(OmnigateApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--omnigate.security.clients-dir=" + folder, "--omnigate.sandbox.enabled=false",
                "--omnigate.stores-dir=target/no-store-files", "--spring.main.banner-mode=off")).isInstanceOf(RuntimeException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "the client configuration has 2 problems",
                folder.resolve("leaky.yml") + " › client 'leaky' › 'api-keys[0].hash': holds an API key in plain text",
                "'bogus:scope' is not a scope", "new-api-key");
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain("s".repeat(20));
    }

    @Test
    void aChangedFileIsReloadedAndABrokenChangeKeepsThePreviousClients() throws IOException {
        write("web.yml", "omnigate:\n  clients:\n    web:\n      scopes: [catalog:read]\n      api-keys:\n        - id: web-2026\n"
                + "          hash: \"" + HASH + "\"\n");
        ClientRegistry registry = new ClientRegistry(new ClientConfigLoader(folder, null), List.of());
        ApiKeyAuthenticator keys = new ApiKeyAuthenticator(registry, new SecurityProperties(folder, Duration.ofSeconds(1),
                Duration.ofMinutes(5), 2, Duration.ofSeconds(2), new SecurityProperties.Jwt("sub", "", Duration.ofSeconds(1))),
                Clock.systemUTC());
        assertThat(keys.authenticate(KEY).id()).isEqualTo("web");

        write("web.yml", "omnigate:\n  clients:\n    web:\n      scopes: [catalog:read]\n      api-keys:\n        - id: web-2026\n"
                + "          hash: \"" + HASH + "\"\n          revoked: true\n# changed\n");
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThatThrownBy(() -> keys.authenticate(KEY)).isInstanceOf(CredentialRejectedException.class).hasMessageContaining("revoked");

        write("web.yml", "omnigate:\n  clients:\n    web:\n      scopes: [nonsense]\n# broken, with different content length\n");
        assertThat(registry.reloadIfChanged()).as("an invalid change is not applied").isFalse();
        assertThat(registry.client("web")).get().satisfies(client -> assertThat(client.apiKeys().getFirst().revoked()).isTrue());
        assertThat(registry.reloadIfChanged()).as("nothing changed since").isFalse();
    }

    @Test
    void theNewApiKeyCommandPrintsAKeyAndAClientFileThatAuthenticatesIt() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int status = ApiKeyTool.run(List.of("new-api-key", "storefront-web"), new java.io.PrintStream(out, true, "UTF-8"),
                new java.io.PrintStream(err, true, "UTF-8"));

        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(status).isZero();
        String key = printed.lines().map(String::strip).filter(line -> line.startsWith("og_")).findFirst().orElseThrow();
        String yaml = printed.substring(printed.indexOf("omnigate:"), printed.indexOf("Clients send it"));
        write("storefront-web.yml", yaml);
        ClientRegistry registry = new ClientRegistry(new ClientConfigLoader(folder, null), List.of());
        ApiKeyAuthenticator keys = new ApiKeyAuthenticator(registry, new SecurityProperties(folder, Duration.ZERO, Duration.ofMinutes(5), 2,
                Duration.ofSeconds(2), new SecurityProperties.Jwt("sub", "", Duration.ofSeconds(1))), Clock.systemUTC());
        assertThat(keys.authenticate(key).id()).isEqualTo("storefront-web");
        assertThat(yaml).doesNotContain(key);

        assertThat(ApiKeyTool.run(List.of("new-api-key"), new java.io.PrintStream(out), new java.io.PrintStream(err))).isEqualTo(2);
        assertThat(ApiKeyTool.run(List.of("new-api-key", "Bad Id"), new java.io.PrintStream(out), new java.io.PrintStream(err))).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("usage: new-api-key <client-id>");
    }

    @Test
    void theExampleClientFileIsValidAndItsExampleKeyNeverWorks() throws IOException {
        Files.copy(Path.of("..", "config", "clients", "example.yml.sample"), folder.resolve("example.yml"));
        ClientRegistry registry = new ClientRegistry(new ClientConfigLoader(folder, null), List.of());
        ApiKeyAuthenticator keys = new ApiKeyAuthenticator(registry, new SecurityProperties(folder, Duration.ZERO, Duration.ofMinutes(5), 2,
                Duration.ofSeconds(2), new SecurityProperties.Jwt("sub", "", Duration.ofSeconds(1))), Clock.systemUTC());

        assertThat(registry.clients()).as("in file order").extracting(ClientDefinition::id).containsExactly("storefront-web", "acme-3pl");
        assertThat(registry.client("acme-3pl")).get().satisfies(client -> assertThat(client.partner().allowsSku("ACME-1")).isTrue());
        assertThatThrownBy(() -> keys.authenticate("og_example-key_this-is-only-an-example"))
                .isInstanceOf(CredentialRejectedException.class).hasMessageContaining("revoked");
    }

    @Test
    void generatedKeysAndHashesRoundTripAndWrongKeysDoNotMatch() {
        String key = ApiKeys.generate();
        String hash = ApiKeyHashes.hash(key, ApiKeyHashes.Kind.BCRYPT);
        String argon = ApiKeyHashes.hash(key, ApiKeyHashes.Kind.ARGON2);

        assertThat(ApiKeys.parse(key)).get().satisfies(parsed -> assertThat(parsed.keyId()).hasSize(12));
        assertThat(ApiKeyHashes.normalize(hash)).contains(hash);
        assertThat(ApiKeyHashes.normalize(hash.substring("{bcrypt}".length()))).as("a bare bcrypt hash").contains(hash);
        assertThat(ApiKeyHashes.normalize(argon)).contains(argon);
        assertThat(ApiKeyHashes.matches(key, hash)).isTrue();
        assertThat(ApiKeyHashes.matches(key, argon)).isTrue();
        assertThat(ApiKeyHashes.matches(key + "x", hash)).isFalse();
        assertThat(ApiKeyHashes.normalize("{noop}" + key)).isEmpty();
        assertThat(Set.of(ApiKeys.generate(), ApiKeys.generate(), ApiKeys.generate())).hasSize(3);
    }
}

package dev.omnigate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The mode is decided before anything starts: the sandbox only when asked for or when no store file exists, never demo
 * and real accounts side by side; outside the sandbox introspection and GraphiQL are off unless set.
 */
final class ModeEnvironmentPostProcessorTest {

    @TempDir
    Path stores;

    private StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("omnigate.stores-dir", stores.toString());
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        new ModeEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void withoutStoreFilesAndUnsetTheSandboxRunsWithIntrospectionAndGraphiQl() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("omnigate.sandbox.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("spring.graphql.schema.introspection.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("omnigate.graphiql.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty(ModeEnvironmentPostProcessor.REASON)).contains("no store file");
    }

    @Test
    void storeFilesAndUnsetMeanStoresModeWithIntrospectionAndGraphiQlOff() throws IOException {
        Files.writeString(stores.resolve("acme.yml"), "omnigate:\n  stores: {}\n");
        Files.writeString(stores.resolve("ignored.yml.sample"), "x");

        for (String unset : new String[] {null, "auto", " AUTO "}) {
            StandardEnvironment environment = environment(unset == null ? Map.of() : Map.of("omnigate.sandbox.enabled", unset));

            assertThat(environment.getProperty("omnigate.sandbox.enabled", Boolean.class)).as(unset).isFalse();
            assertThat(environment.getProperty("spring.graphql.schema.introspection.enabled", Boolean.class)).isFalse();
            assertThat(environment.getProperty("omnigate.graphiql.enabled", Boolean.class)).isFalse();
            assertThat(environment.getProperty(ModeEnvironmentPostProcessor.REASON)).contains("acme.yml");
        }
    }

    @Test
    void anExplicitSandboxIgnoresTheStoreFilesAndSaysSo() throws IOException {
        Files.writeString(stores.resolve("acme.yml"), "omnigate:\n  stores: {}\n");

        StandardEnvironment environment = environment(Map.of("omnigate.sandbox.enabled", "true"));

        assertThat(environment.getProperty("omnigate.sandbox.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty(ModeEnvironmentPostProcessor.REASON)).contains("are ignored");
    }

    @Test
    void explicitSettingsWin() {
        StandardEnvironment environment = environment(Map.of("omnigate.sandbox.enabled", "false",
                "spring.graphql.schema.introspection.enabled", "true", "omnigate.graphiql.enabled", "true"));

        assertThat(environment.getProperty("omnigate.sandbox.enabled", Boolean.class)).isFalse();
        assertThat(environment.getProperty("spring.graphql.schema.introspection.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("omnigate.graphiql.enabled", Boolean.class)).isTrue();
    }

    @Test
    void anUnknownValueIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> environment(Map.of("omnigate.sandbox.enabled", "maybe")))
                .hasMessageContaining("omnigate.sandbox.enabled (OMNIGATE_SANDBOX) must be true, false or auto, but was 'maybe'");
    }
}

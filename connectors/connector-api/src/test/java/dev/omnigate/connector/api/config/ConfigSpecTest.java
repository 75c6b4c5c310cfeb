package dev.omnigate.connector.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ConfigSpecTest {

    private static final ConfigSpec SPEC = ConfigSpec.builder()
            .define(ConfigKey.string("shop-domain").required().doc("The shop's myshopify.com domain."))
            .define(ConfigKey.secretString("access-token").doc("Admin API access token."))
            .define(ConfigKey.integer("page-size").defaultValue(50).validator(ConfigValidator.range(1, 250)))
            .define(ConfigKey.duration("timeout").defaultValue("2s"))
            .define(ConfigKey.url("base-url"))
            .define(ConfigKey.list("store-location-ids"))
            .build();

    @Test
    void parsesTypedValuesAndAppliesDefaults() {
        ConfigValidation validation = SPEC.validate(Map.of(
                "shop-domain", "acme.myshopify.com",
                "access-token", "shpat_secret",
                "base-url", "http://127.0.0.1:8123",
                "store-location-ids", "1, 2,3"));

        assertThat(validation.isValid()).isTrue();
        ConnectorConfig config = validation.orElseThrow();
        assertThat(config.string("shop-domain")).isEqualTo("acme.myshopify.com");
        assertThat(config.secret("access-token").reveal()).isEqualTo("shpat_secret");
        assertThat(config.integer("page-size")).isEqualTo(50);
        assertThat(config.duration("timeout")).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.url("base-url")).isEqualTo(URI.create("http://127.0.0.1:8123"));
        assertThat(config.list("store-location-ids")).containsExactly("1", "2", "3");
    }

    @Test
    void reportsEveryProblemAtOnceWithoutEchoingSecrets() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("page-size", "900");
        raw.put("timeout", "soon");
        raw.put("base-url", "ftp://example.com");
        raw.put("acces-token", "typo-key-value");

        ConfigValidation validation = SPEC.validate(raw);

        assertThat(validation.isValid()).isFalse();
        assertThat(validation.problems()).extracting(ConfigProblem::key)
                .containsExactly("shop-domain", "access-token", "page-size", "timeout", "base-url", "acces-token");
        assertThat(validation.problems().get(2).message()).isEqualTo("must be between 1 and 250, but was '900'");
        assertThat(validation.problems().get(5).message()).startsWith("is not a known key");
        assertThat(validation.config()).isEmpty();
    }

    @Test
    void secretValuesNeverAppearInProblemsOrToString() {
        ConfigSpec spec = ConfigSpec.builder()
                .define(ConfigKey.integer("pin").secret().validator(ConfigValidator.range(1000, 9999)))
                .define(ConfigKey.secretString("token"))
                .build();

        ConfigValidation invalid = spec.validate(Map.of("pin", "12", "token", "tok"));
        assertThat(invalid.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).doesNotContain("12").contains("value hidden"));

        ConnectorConfig valid = spec.validate(Map.of("pin", "1234", "token", "super-secret-token")).orElseThrow();
        assertThat(valid.toString()).doesNotContain("super-secret-token").doesNotContain("1234");
        assertThat(valid.secret("token").toString()).isEqualTo("******");
    }

    @Test
    void acceptsAlreadyTypedYamlValues() {
        ConnectorConfig config = SPEC.validate(Map.of(
                "shop-domain", "acme.myshopify.com", "access-token", "x",
                "page-size", 25, "store-location-ids", List.of("7", " 8 "))).orElseThrow();

        assertThat(config.integer("page-size")).isEqualTo(25);
        assertThat(config.list("store-location-ids")).containsExactly("7", "8");
    }

    @Test
    void rejectsDefinitionMistakesWhenTheSpecIsBuilt() {
        assertThatThrownBy(() -> ConfigSpec.builder().define(ConfigKey.string("a")).define(ConfigKey.string("a")))
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> ConfigKey.string("Shop_Domain")).hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> ConfigSpec.builder().define(ConfigKey.integer("n").defaultValue("ten")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeMismatchInConnectorCodeIsAnIllegalArgument() {
        ConnectorConfig config = SPEC.validate(Map.of("shop-domain", "a", "access-token", "b")).orElseThrow();

        assertThatThrownBy(() -> config.integer("shop-domain")).hasMessageContaining("is STRING");
        assertThatThrownBy(() -> config.string("access-token")).hasMessageContaining("secret");
        assertThatThrownBy(() -> config.string("nope")).hasMessageContaining("not defined");
    }
}

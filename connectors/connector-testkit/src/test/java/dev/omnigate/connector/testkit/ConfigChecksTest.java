package dev.omnigate.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import org.junit.jupiter.api.Test;

final class ConfigChecksTest {

    private static final ConfigSpec SPEC = ConfigSpec.builder()
            .define(ConfigKey.string("shop-domain").required().doc("The shop."))
            .define(ConfigKey.string("api-key").doc("Looks secret, is not flagged."))
            .define(ConfigKey.string("refresh-token").secret().doc("Flagged."))
            .define(ConfigKey.string("client-password").doc("Looks secret, is not flagged."))
            .define(ConfigKey.string("aws-access-key-id").doc("An identifier of a key, exempt."))
            .define(ConfigKey.string("webhook-secret-name"))
            .build();

    @Test
    void undocumentedKeysAreListed() {
        assertThat(ConfigChecks.undocumentedKeys(SPEC)).containsExactly("webhook-secret-name");
    }

    @Test
    void secretLookingKeysThatAreNotFlaggedAreListed() {
        assertThat(ConfigChecks.unflaggedSecretLookingKeys(SPEC)).containsExactly("api-key", "client-password", "webhook-secret-name");
    }

    @Test
    void keyIdsAreExemptButOtherKeyNamesAreNot() {
        assertThat(ConfigChecks.looksSecret("aws-access-key-id")).isFalse();
        assertThat(ConfigChecks.looksSecret("signing-key")).isTrue();
        assertThat(ConfigChecks.looksSecret("key-id-prefix")).isTrue();
        assertThat(ConfigChecks.looksSecret("monkey-mode")).as("substring match errs on the safe side").isTrue();
        assertThat(ConfigChecks.looksSecret("shop-domain")).isFalse();
    }
}

package dev.omnigate.connector.testkit;

import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Config group's rules as plain functions.
 *
 * <p>A key "looks secret" when its name contains {@code token}, {@code secret}, {@code password} or
 * {@code key}. Names ending in {@code -key-id} are exempt: a key id (Amazon's access-key id, a webhook
 * signing key's id) identifies a credential without being one, and operators need to see it in logs
 * and configuration dumps to tell accounts apart.
 */
public final class ConfigChecks {

    /** What makes a key name look like a credential. */
    public static final Pattern SECRET_LOOKING = Pattern.compile(".*(token|secret|password|key).*");

    private ConfigChecks() {
    }

    /** Keys without documentation. */
    public static List<String> undocumentedKeys(ConfigSpec spec) {
        return spec.keys().stream().filter(key -> key.doc().isBlank()).map(ConfigKey::name).toList();
    }

    /** Keys whose names look secret but that are not flagged {@link ConfigKey#secret()}. */
    public static List<String> unflaggedSecretLookingKeys(ConfigSpec spec) {
        return spec.keys().stream()
                .filter(key -> looksSecret(key.name()) && !key.isSecret())
                .map(ConfigKey::name)
                .toList();
    }

    static boolean looksSecret(String name) {
        return SECRET_LOOKING.matcher(name).matches() && !name.endsWith("-key-id");
    }
}

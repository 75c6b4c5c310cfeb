package dev.omnigate.connector.api.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with an account's configuration.
 *
 * @param key the offending key (or the unknown key)
 * @param message what is wrong, e.g. {@code "is required"} or {@code "must be between 1 and 250, but was 900"};
 *     never contains the value of a secret key
 * @since 1.0
 */
public record ConfigProblem(String key, String message) {

    public ConfigProblem {
        requireNonNull(key, "key is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return "'" + key + "' " + message;
    }
}

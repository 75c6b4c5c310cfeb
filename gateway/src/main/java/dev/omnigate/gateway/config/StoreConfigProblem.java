package dev.omnigate.gateway.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with the store configuration, located as precisely as possible. Never contains a secret
 * value: messages come from {@link dev.omnigate.connector.api.config.ConfigSpec} (which hides secret values),
 * name environment variables rather than their values, or are redacted.
 *
 * @param origin the file (or source) it comes from
 * @param store the store id, or null
 * @param account the account id, or null
 * @param key the config key, or null
 * @param message what is wrong
 */
public record StoreConfigProblem(String origin, String store, String account, String key, String message) {

    public StoreConfigProblem {
        requireNonNull(origin, "origin is null");
        requireNonNull(message, "message is null");
    }

    /** {@code origin › store 'acme' › account 'shopify-us' › 'access-token': message}. */
    public String describe() {
        StringBuilder text = new StringBuilder(origin);
        if (store != null) {
            text.append(" › store '").append(store).append('\'');
        }
        if (account != null) {
            text.append(" › account '").append(account).append('\'');
        }
        if (key != null) {
            text.append(" › '").append(key).append('\'');
        }
        return text.append(": ").append(message).toString();
    }
}

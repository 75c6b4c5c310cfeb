package dev.omnigate.gateway.security;

import java.util.Objects;

/**
 * One thing wrong with the client configuration. Never holds a key or a hash: messages name the offending key, not
 * its value.
 *
 * @param origin the file or property source
 * @param client the client id, or null
 * @param key the setting, e.g. {@code api-keys[0].hash}, or null
 * @param message what is wrong
 */
public record ClientConfigProblem(String origin, String client, String key, String message) {

    public ClientConfigProblem {
        Objects.requireNonNull(origin, "origin is null");
        Objects.requireNonNull(message, "message is null");
    }

    /** {@code config/clients/web.yml › client 'web' › 'api-keys[0].hash': message}. */
    public String describe() {
        StringBuilder text = new StringBuilder(origin);
        if (client != null) {
            text.append(" › client '").append(client).append('\'');
        }
        if (key != null) {
            text.append(" › '").append(key).append('\'');
        }
        return text.append(": ").append(message).toString();
    }
}

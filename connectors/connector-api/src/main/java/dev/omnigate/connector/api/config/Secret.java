package dev.omnigate.connector.api.config;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A credential value. {@link #toString()} never reveals it; call {@link #reveal()} only at the point
 * where the value goes on the wire or into a signature.
 *
 * @since 1.0
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret value. Never log, print or put it in an exception message. */
    public String reveal() {
        return value;
    }

    /** Whether {@code text} contains this secret (used by tests and log redaction). Empty secrets match nothing. */
    public boolean isContainedIn(CharSequence text) {
        return !value.isEmpty() && text != null && text.toString().contains(value);
    }

    @Override
    public boolean equals(Object other) {
        // constant-time comparison: secrets are compared when checking configuration changes
        return other instanceof Secret secret && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "******";
    }
}

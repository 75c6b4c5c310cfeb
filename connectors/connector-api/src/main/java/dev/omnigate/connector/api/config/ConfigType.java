package dev.omnigate.connector.api.config;

/**
 * The type a config value is parsed into. Raw values come from YAML, environment variables or tests and
 * may be strings or already-typed scalars; each type accepts both.
 *
 * @since 1.0
 */
public enum ConfigType {
    /** Any text; blank counts as absent. */
    STRING("a string"),
    /** A 32-bit integer. */
    INT("an integer"),
    /** A 64-bit integer. */
    LONG("an integer"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** A decimal number, kept exact ({@link java.math.BigDecimal}). */
    DECIMAL("a decimal number"),
    /** ISO-8601 ({@code PT2S}) or a number with a unit: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}. */
    DURATION("a duration such as 500ms, 2s, 5m or PT2S"),
    /** An absolute {@code http} or {@code https} URL. */
    URL("an absolute http(s) URL"),
    /** A list: a YAML sequence or a comma-separated string. Elements are trimmed strings. */
    LIST("a list or a comma-separated string");

    private final String description;

    ConfigType(String description) {
        this.description = description;
    }

    /** How a valid value of this type looks, for error messages: "must be {description}". */
    public String description() {
        return description;
    }
}

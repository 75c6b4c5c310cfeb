package dev.omnigate.connector.api.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One documented configuration key of a connector (the Kafka {@code ConfigDef} idea).
 *
 * <p>Immutable; {@link #required()}, {@link #secret()}, {@link #defaultValue(Object)},
 * {@link #validator} and {@link #doc} return copies, so keys read like
 * {@code ConfigKey.string("shop-domain").required().doc("...")}.
 *
 * @since 1.0
 */
public final class ConfigKey {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String name;
    private final ConfigType type;
    private final boolean required;
    private final boolean secret;
    private final Object defaultValue;
    private final List<ConfigValidator> validators;
    private final String doc;

    private ConfigKey(String name, ConfigType type, boolean required, boolean secret, Object defaultValue,
            List<ConfigValidator> validators, String doc) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.validators = List.copyOf(requireNonNull(validators, "validators is null"));
        this.doc = requireNonNull(doc, "doc is null");
        this.required = required;
        this.secret = secret;
        this.defaultValue = defaultValue;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config key names are kebab-case, but was '" + name + "'");
        }
    }

    public static ConfigKey of(String name, ConfigType type) {
        return new ConfigKey(name, type, false, false, null, List.of(), "");
    }

    public static ConfigKey string(String name) {
        return of(name, ConfigType.STRING);
    }

    public static ConfigKey integer(String name) {
        return of(name, ConfigType.INT);
    }

    public static ConfigKey bool(String name) {
        return of(name, ConfigType.BOOLEAN);
    }

    public static ConfigKey duration(String name) {
        return of(name, ConfigType.DURATION);
    }

    public static ConfigKey url(String name) {
        return of(name, ConfigType.URL);
    }

    public static ConfigKey list(String name) {
        return of(name, ConfigType.LIST);
    }

    /** A required string credential. */
    public static ConfigKey secretString(String name) {
        return string(name).required().secret();
    }

    /** A copy that must be present (and so has no default). */
    public ConfigKey required() {
        return new ConfigKey(name, type, true, secret, null, validators, doc);
    }

    /** A copy marked as a credential: never printed, logged or echoed in a problem. */
    public ConfigKey secret() {
        return new ConfigKey(name, type, required, true, defaultValue, validators, doc);
    }

    /** A copy with a raw default, parsed like a configured value (and so not required). */
    public ConfigKey defaultValue(Object value) {
        return new ConfigKey(name, type, false, secret, requireNonNull(value, "default is null"), validators, doc);
    }

    /** A copy with one more check on the parsed value. */
    public ConfigKey validator(ConfigValidator validator) {
        List<ConfigValidator> more = new ArrayList<>(validators);
        more.add(requireNonNull(validator, "validator is null"));
        return new ConfigKey(name, type, required, secret, defaultValue, more, doc);
    }

    /** A copy with documentation: one or two sentences for the generated configuration reference. */
    public ConfigKey doc(String text) {
        return new ConfigKey(name, type, required, secret, defaultValue, validators, text);
    }

    /** Kebab-case key, e.g. {@code access-token}. */
    public String name() {
        return name;
    }

    public ConfigType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isSecret() {
        return secret;
    }

    /** The raw default, or null when there is none. */
    public Object defaultValue() {
        return defaultValue;
    }

    public List<ConfigValidator> validators() {
        return validators;
    }

    public String doc() {
        return doc;
    }

    @Override
    public String toString() {
        return "ConfigKey[" + name + ": " + type + (required ? ", required" : "") + (secret ? ", secret" : "")
                + (defaultValue != null && !secret ? ", default " + defaultValue : "") + "]";
    }
}

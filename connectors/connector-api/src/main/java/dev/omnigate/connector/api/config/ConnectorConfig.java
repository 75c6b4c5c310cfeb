package dev.omnigate.connector.api.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's configuration after {@link ConfigSpec#validate}: typed, defaulted and immutable.
 * Secret keys come back as {@link Secret}; {@link #toString()} masks them.
 *
 * <p>Getters throw {@link IllegalArgumentException} for a key the spec does not define or a type that
 * does not match its definition: that is a connector bug, not a configuration problem.
 *
 * @since 1.0
 */
public final class ConnectorConfig {

    private final ConfigSpec spec;
    private final Map<String, Object> values;

    ConnectorConfig(ConfigSpec spec, Map<String, Object> values) {
        this.spec = requireNonNull(spec, "spec is null");
        this.values = Map.copyOf(values);
    }

    public ConfigSpec spec() {
        return spec;
    }

    public boolean isSet(String key) {
        definition(key);
        return values.containsKey(key);
    }

    public String string(String key) {
        return required(key, ConfigType.STRING, String.class);
    }

    public Optional<String> optionalString(String key) {
        return optional(key, ConfigType.STRING, String.class);
    }

    public int integer(String key) {
        return required(key, ConfigType.INT, Integer.class);
    }

    public long longValue(String key) {
        return required(key, ConfigType.LONG, Long.class);
    }

    public boolean bool(String key) {
        return required(key, ConfigType.BOOLEAN, Boolean.class);
    }

    public BigDecimal decimal(String key) {
        return required(key, ConfigType.DECIMAL, BigDecimal.class);
    }

    public Duration duration(String key) {
        return required(key, ConfigType.DURATION, Duration.class);
    }

    public URI url(String key) {
        return required(key, ConfigType.URL, URI.class);
    }

    public Optional<URI> optionalUrl(String key) {
        return optional(key, ConfigType.URL, URI.class);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return optional(key, ConfigType.LIST, List.class).orElse(List.of());
    }

    /** A secret key's value, whatever its declared type. */
    public Secret secret(String key) {
        ConfigKey definition = definition(key);
        if (!definition.isSecret()) {
            throw new IllegalArgumentException("config key '" + key + "' is not declared secret");
        }
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("config key '" + key + "' has no value");
        }
        return (Secret) value;
    }

    public Optional<Secret> optionalSecret(String key) {
        return isSet(key) ? Optional.of(secret(key)) : Optional.empty();
    }

    private <T> T required(String key, ConfigType type, Class<T> javaType) {
        return optional(key, type, javaType)
                .orElseThrow(() -> new IllegalArgumentException("config key '" + key + "' has no value and no default"));
    }

    private <T> Optional<T> optional(String key, ConfigType type, Class<T> javaType) {
        ConfigKey definition = definition(key);
        if (definition.type() != type || definition.isSecret()) {
            throw new IllegalArgumentException("config key '" + key + "' is " + definition.type()
                    + (definition.isSecret() ? " (secret: use secret())" : "") + ", not " + type);
        }
        return Optional.ofNullable(values.get(key)).map(javaType::cast);
    }

    private ConfigKey definition(String key) {
        return spec.key(key).orElseThrow(() -> new IllegalArgumentException("config key '" + key + "' is not defined"));
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (ConfigKey key : spec.keys()) {
            if (values.containsKey(key.name())) {
                shown.put(key.name(), key.isSecret() ? "******" : values.get(key.name()));
            }
        }
        return "ConnectorConfig" + shown;
    }
}

package dev.omnigate.connector.api.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration a connector accepts for one account: every key, its type, default, validators,
 * documentation and whether it is a secret.
 *
 * <p>{@link #validate} parses a raw map and reports <em>every</em> problem at once (missing required
 * keys, unparseable values, failed validators and unknown keys), so an operator fixes a store file in
 * one round trip. Problem messages repeat a rejected value only for non-secret keys.
 *
 * @since 1.0
 */
public final class ConfigSpec {

    private static final Pattern DURATION_WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Map<String, ConfigKey> keys;

    private ConfigSpec(Map<String, ConfigKey> keys) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Keys in definition order. */
    public List<ConfigKey> keys() {
        return List.copyOf(keys.values());
    }

    public Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /**
     * Parses and checks a raw configuration.
     *
     * @param raw key to raw value (String, Number, Boolean or a Collection for LIST keys); null values
     *     and blank strings count as absent
     * @return the typed config when there are no problems, otherwise all problems in key order
     */
    public ConfigValidation validate(Map<String, ?> raw) {
        requireNonNull(raw, "raw is null");
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (ConfigKey key : keys.values()) {
            Object value = raw.get(key.name());
            if (isAbsent(value)) {
                if (key.defaultValue() != null) {
                    value = key.defaultValue();
                } else {
                    if (key.isRequired()) {
                        problems.add(new ConfigProblem(key.name(), "is required" + (key.doc().isEmpty() ? "" : " (" + key.doc() + ")")));
                    }
                    continue;
                }
            }
            Object typed;
            try {
                typed = convert(key.type(), value);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key.name(), "must be " + key.type().description() + shown(key, value)));
                continue;
            }
            boolean valid = true;
            for (ConfigValidator validator : key.validators()) {
                Optional<String> broken = validator.check(typed);
                if (broken.isPresent()) {
                    problems.add(new ConfigProblem(key.name(), "must " + broken.get() + shown(key, value)));
                    valid = false;
                    break;
                }
            }
            if (valid) {
                parsed.put(key.name(), key.isSecret() ? Secret.of(typed.toString()) : typed);
            }
        }
        for (String name : new TreeSet<>(raw.keySet())) {
            if (!keys.containsKey(name)) {
                problems.add(new ConfigProblem(name, "is not a known key; known keys are " + keys.keySet()));
            }
        }
        return problems.isEmpty()
                ? ConfigValidation.valid(new ConnectorConfig(this, parsed))
                : ConfigValidation.invalid(problems);
    }

    private static boolean isAbsent(Object value) {
        return value == null || (value instanceof CharSequence text && text.toString().isBlank());
    }

    private static String shown(ConfigKey key, Object value) {
        return key.isSecret() ? " (value hidden: secret)" : ", but was '" + value + "'";
    }

    static Object convert(ConfigType type, Object value) {
        String text = value instanceof Collection<?> ? null : value.toString().trim();
        return switch (type) {
            case STRING -> requireText(text);
            case INT -> value instanceof Integer i ? i : Integer.valueOf(requireText(text));
            case LONG -> value instanceof Number n && !(value instanceof BigDecimal) && !(value instanceof Double)
                    ? n.longValue() : Long.valueOf(requireText(text));
            case BOOLEAN -> parseBoolean(requireText(text));
            case DECIMAL -> new BigDecimal(requireText(text));
            case DURATION -> parseDuration(requireText(text));
            case URL -> parseUrl(requireText(text));
            case LIST -> parseList(value);
        };
    }

    private static String requireText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("not a scalar");
        }
        return text;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static Duration parseDuration(String text) {
        Matcher matcher = DURATION_WITH_UNIT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration", e);
        }
    }

    private static URI parseUrl(String text) {
        URI uri = URI.create(text);
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("not an absolute http(s) URL");
        }
        return uri;
    }

    private static List<String> parseList(Object value) {
        Collection<?> items = value instanceof Collection<?> collection
                ? collection
                : Arrays.asList(value.toString().split(","));
        List<String> result = new ArrayList<>();
        for (Object item : items) {
            if (item != null && !item.toString().isBlank()) {
                result.add(item.toString().trim());
            }
        }
        return List.copyOf(result);
    }

    @Override
    public String toString() {
        return "ConfigSpec" + keys.values();
    }

    /** Collects {@link ConfigKey}s; names must be unique. */
    public static final class Builder {
        private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder define(ConfigKey key) {
            requireNonNull(key, "key is null");
            if (keys.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("config key '" + key.name() + "' is defined twice");
            }
            if (key.defaultValue() != null) {
                convert(key.type(), key.defaultValue()); // a broken default is a connector bug: fail at class init
            }
            return this;
        }

        public ConfigSpec build() {
            return new ConfigSpec(keys);
        }
    }
}

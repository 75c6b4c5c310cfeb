package dev.omnigate.connector.api.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one already-typed config value.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface ConfigValidator {

    /**
     * @param value the parsed value (its Java type follows the key's {@link ConfigType}), never null
     * @return empty when valid, otherwise the rule that was broken, phrased to follow "must ...", e.g.
     *     {@code "be between 1 and 250"}; must not repeat the value (the spec adds it for non-secrets)
     */
    Optional<String> check(Object value);

    /** Inclusive numeric range for INT, LONG and DECIMAL keys. */
    static ConfigValidator range(long min, long max) {
        return value -> {
            BigDecimal number = new BigDecimal(value.toString());
            return number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0
                    ? Optional.of("be between " + min + " and " + max)
                    : Optional.empty();
        };
    }

    /** Full-match regular expression for STRING keys; {@code description} says what it means in words. */
    static ConfigValidator pattern(String regex, String description) {
        Pattern compiled = Pattern.compile(regex);
        return value -> compiled.matcher(value.toString()).matches()
                ? Optional.empty()
                : Optional.of("be " + description);
    }

    /** One of a fixed set of strings (case-sensitive). */
    static ConfigValidator oneOf(String... allowed) {
        Set<String> set = Set.of(allowed);
        List<String> ordered = List.of(allowed);
        return value -> set.contains(value.toString())
                ? Optional.empty()
                : Optional.of("be one of " + ordered);
    }
}

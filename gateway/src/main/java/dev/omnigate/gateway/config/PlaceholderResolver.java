package dev.omnigate.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:default}} in store config values from the Spring
 * {@link Environment} (environment variables, system properties, application properties), collecting the
 * names it could not resolve instead of failing on the first.
 */
final class PlaceholderResolver {

    private final Environment environment;
    private final PropertyPlaceholderHelper helper = new PropertyPlaceholderHelper("${", "}", ":", '\\', true);

    PlaceholderResolver(Environment environment) {
        this.environment = environment;
    }

    /** The outcome of resolving one value. */
    record Resolved(Object value, List<String> missing) {
    }

    Resolved resolve(Object raw) {
        if (raw instanceof String text) {
            return resolveText(text);
        }
        if (raw instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            Set<String> missing = new LinkedHashSet<>();
            for (Object item : list) {
                Resolved resolved = resolve(item);
                values.add(resolved.value());
                missing.addAll(resolved.missing());
            }
            return new Resolved(values, List.copyOf(missing));
        }
        return new Resolved(raw, List.of());
    }

    private Resolved resolveText(String text) {
        Set<String> asked = new LinkedHashSet<>();
        String value = helper.replacePlaceholders(text, name -> {
            String found = environment.getProperty(name);
            if (found == null) {
                asked.add(name);
            }
            return found;
        });
        // a name counts as missing only if its placeholder survived (a ${NAME:default} was satisfied by the default)
        List<String> missing = asked.stream().filter(name -> value.contains("${" + name)).toList();
        return new Resolved(value, missing);
    }
}

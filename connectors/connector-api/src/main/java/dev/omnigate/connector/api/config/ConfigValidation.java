package dev.omnigate.connector.api.config;

import java.util.List;
import java.util.Optional;

/**
 * Outcome of {@link ConfigSpec#validate}: either a typed config or the complete list of problems.
 *
 * @since 1.0
 */
public final class ConfigValidation {

    private final ConnectorConfig config;
    private final List<ConfigProblem> problems;

    private ConfigValidation(ConnectorConfig config, List<ConfigProblem> problems) {
        this.config = config;
        this.problems = List.copyOf(problems);
    }

    static ConfigValidation valid(ConnectorConfig config) {
        return new ConfigValidation(config, List.of());
    }

    static ConfigValidation invalid(List<ConfigProblem> problems) {
        return new ConfigValidation(null, problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The typed config, present iff {@link #isValid()}. */
    public Optional<ConnectorConfig> config() {
        return Optional.ofNullable(config);
    }

    /** The typed config; throws {@link IllegalStateException} listing every problem when invalid. */
    public ConnectorConfig orElseThrow() {
        if (config == null) {
            throw new IllegalStateException("invalid connector configuration: " + problems);
        }
        return config;
    }
}

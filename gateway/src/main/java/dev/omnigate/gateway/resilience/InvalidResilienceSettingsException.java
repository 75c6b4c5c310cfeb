package dev.omnigate.gateway.resilience;

import dev.omnigate.gateway.error.StartupProblemsException;
import java.util.List;

/** {@code omnigate.resilience.*} holds values the resilience layer cannot use; each problem names the key and the value. */
public final class InvalidResilienceSettingsException extends StartupProblemsException {

    public InvalidResilienceSettingsException(List<String> problems) {
        super("the resilience settings are invalid", problems);
    }

    @Override
    public String summary() {
        int count = problems().size();
        return "the resilience settings (omnigate.resilience.*) have " + count + (count == 1 ? " problem" : " problems");
    }

    @Override
    public String action() {
        return "Fix the named values in config/application.yml (or their environment variables); config/README.md documents "
                + "every resilience setting and the built-in vendor profiles.";
    }
}

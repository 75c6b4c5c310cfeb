package dev.omnigate.gateway.identity;

import dev.omnigate.gateway.error.StartupProblemsException;
import java.util.List;

/** {@code omnigate.identity.*} holds a value the matching rules cannot use. */
public final class InvalidIdentitySettingsException extends StartupProblemsException {

    public InvalidIdentitySettingsException(IllegalArgumentException cause) {
        super("the identity settings are invalid", List.of(cause.getMessage()));
        initCause(cause);
    }

    @Override
    public String summary() {
        return "omnigate.identity.* holds a value customer-360 matching cannot use";
    }

    @Override
    public String action() {
        return "Fix the named value in config/application.yml (or its OMNIGATE_IDENTITY_* environment variable); "
                + "config/README.md documents every identity setting.";
    }
}

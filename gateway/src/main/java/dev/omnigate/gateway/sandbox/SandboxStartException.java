package dev.omnigate.gateway.sandbox;

import dev.omnigate.gateway.error.StartupProblemsException;
import java.util.List;

/** Sandbox mode is on, but the simulators could not start. */
public final class SandboxStartException extends StartupProblemsException {

    public SandboxStartException(RuntimeException cause) {
        super("the sandbox could not start", List.of("the vendor simulators failed to start: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
        initCause(cause);
    }

    @Override
    public String summary() {
        return "sandbox mode is on (omnigate.sandbox.enabled=true), but the vendor simulators could not start";
    }

    @Override
    public String action() {
        return "Free the configured simulator ports (omnigate.sandbox.ports.*) or make sure connectors/simulator is built and "
                + "installed; to run against real stores instead, set OMNIGATE_SANDBOX=false and add config/stores/*.yml.";
    }
}

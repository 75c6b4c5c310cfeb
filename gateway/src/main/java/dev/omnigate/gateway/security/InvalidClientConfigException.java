package dev.omnigate.gateway.security;

import dev.omnigate.gateway.error.StartupProblemsException;
import java.util.List;

/** The client configuration ({@code config/clients/*.yml}, {@code omnigate.clients.*}, {@code omnigate.security.*}) is invalid. */
public final class InvalidClientConfigException extends StartupProblemsException {

    public InvalidClientConfigException(List<String> problems) {
        super("the client configuration has " + problems.size() + (problems.size() == 1 ? " problem" : " problems"), problems);
    }

    @Override
    public String summary() {
        return "the client configuration has " + problems().size() + (problems().size() == 1 ? " problem" : " problems");
    }

    @Override
    public String action() {
        return "Fix the clients listed above (config/clients/*.yml or omnigate.clients.*; see the README's 'Clients and scopes'). "
                + "API keys are stored as hashes only: 'java -jar gateway/target/omnigate-gateway.jar new-api-key <client-id>' "
                + "prints a new key and the lines to paste.";
    }
}

package dev.omnigate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The scopes of the gateway's non-GraphQL endpoints (GraphQL fields carry theirs in the schema): operating endpoints need
 * {@code admin}. {@code /actuator/health} and its probes are open (details only for {@code admin}), vendor webhooks are
 * checked by their signatures, and a separate management port ({@code management.server.port}) is left to the network.
 */
public final class EndpointScopes {

    private EndpointScopes() {
    }

    /** The scope a path needs; empty when it needs none beyond an authenticated client (or is open). */
    public static Optional<Scope> requiredFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/sandbox/") || path.equals("/sandbox") || path.startsWith("/actuator")) {
            return Optional.of(Scope.ADMIN);
        }
        return Optional.empty();
    }
}

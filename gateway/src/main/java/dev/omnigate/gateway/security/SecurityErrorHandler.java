package dev.omnigate.gateway.security;

import dev.omnigate.gateway.security.CredentialRejectedException.Reason;
import dev.omnigate.gateway.web.ErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers refused requests before any GraphQL work: 401 with {@code WWW-Authenticate: Bearer} and a GraphQL error
 * {@code UNAUTHENTICATED} naming what is wrong with the credential (never repeating it); 503 {@code UNAVAILABLE} with
 * {@code Retry-After} when the gateway cannot check a credential right now; 403 {@code FORBIDDEN} naming the missing
 * scope when a client calls an endpoint it may not use. Refusals are logged at DEBUG only: a flood of bad credentials
 * must not flood the log.
 */
public final class SecurityErrorHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityErrorHandler.class);

    private final AuthMetrics metrics;

    public SecurityErrorHandler(AuthMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        CredentialRejectedException rejection = failure instanceof CredentialRejectedException rejected ? rejected
                : new CredentialRejectedException(Reason.MISSING, "this endpoint needs a client credential: send "
                        + "'Authorization: Bearer <API key or JWT>' or 'X-Api-Key: <API key>'");
        metrics.rejected(rejection.reason());
        LOG.debug("refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejection.reason().label());
        String message = rejection.getMessage();
        if (rejection.temporary()) {
            response.setHeader("Retry-After", "1");
            ErrorBodies.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "UNAVAILABLE", message,
                    Map.of("retryable", true));
            return;
        }
        String challenge = rejection.reason() == Reason.MISSING ? "Bearer realm=\"omnigate\""
                : "Bearer realm=\"omnigate\", error=\"" + rejection.getError().getErrorCode() + "\", error_description=\""
                        + message.replace("\"", "'") + "\"";
        response.setHeader("WWW-Authenticate", challenge);
        ErrorBodies.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", message, Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String client = authentication instanceof ClientAuthentication known ? "client '" + known.client().id() + "'" : "the client";
        String required = EndpointScopes.requiredFor(request).map(Scope::value).orElse("admin");
        LOG.debug("forbidden {} {} for {}", request.getMethod(), request.getRequestURI(), client);
        String path = request.getRequestURI().length() > 200 ? request.getRequestURI().substring(0, 200) + "…" : request.getRequestURI();
        ErrorBodies.write(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
                client + " lacks the scope " + required + " needed for " + path, Map.of("requiredScopes", List.of(List.of(required))));
    }
}

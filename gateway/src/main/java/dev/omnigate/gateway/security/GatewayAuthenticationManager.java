package dev.omnigate.gateway.security;

import dev.omnigate.gateway.security.CredentialRejectedException.Reason;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer credential, wherever it came from (an HTTP header, a WebSocket {@code connection_init}
 * payload): an {@code og_...} token is an API key, anything else a JWT checked by Spring Security's resource server
 * ({@code spring.security.oauth2.resourceserver.jwt.*}: JWKS signature, expiry, not-before, issuer, audience). The result
 * is a {@link ClientAuthentication}; a refusal is a {@link CredentialRejectedException} with its reason.
 */
public final class GatewayAuthenticationManager implements AuthenticationManager {

    private final ApiKeyAuthenticator apiKeys;
    private final AuthenticationProvider jwt;
    private final AuthMetrics metrics;

    /**
     * @param jwt the JWT provider; null when no issuer is configured (then only API keys are accepted)
     */
    public GatewayAuthenticationManager(ApiKeyAuthenticator apiKeys, AuthenticationProvider jwt, AuthMetrics metrics) {
        this.apiKeys = apiKeys;
        this.jwt = jwt;
        this.metrics = metrics;
    }

    /** Whether JWTs can be accepted (an issuer is configured). */
    public boolean acceptsJwts() {
        return jwt != null;
    }

    /** Authenticates a raw credential (the WebSocket path). */
    public ClientAuthentication authenticate(String credential) {
        return (ClientAuthentication) authenticate(new BearerTokenAuthenticationToken(CredentialResolver.checked(credential)));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            throw new CredentialRejectedException(Reason.MALFORMED, "unsupported credential");
        }
        String token = bearer.getToken();
        ClientAuthentication result;
        if (ApiKeys.looksLikeApiKey(token)) {
            result = new ClientAuthentication(apiKeys.authenticate(token));
        } else if (jwt == null) {
            throw new CredentialRejectedException(Reason.NO_JWT_ISSUER, "the bearer token is not an Omnigate API key (og_...) and this "
                    + "gateway accepts no JWTs (no issuer is configured)");
        } else {
            try {
                result = (ClientAuthentication) jwt.authenticate(bearer);
            } catch (CredentialRejectedException e) {
                throw e;
            } catch (InvalidBearerTokenException e) {
                throw new CredentialRejectedException(Reason.INVALID_TOKEN, "the JWT was refused: " + describe(e.getMessage()));
            } catch (AuthenticationServiceException e) {
                throw new CredentialRejectedException(Reason.ISSUER_UNAVAILABLE, "the JWT cannot be checked right now: the issuer's "
                        + "keys (JWKS) cannot be read; retry in a moment");
            }
        }
        metrics.accepted(result.client());
        return result;
    }

    /** Spring's validation message without its generic preamble; never contains the token. */
    static String describe(String message) {
        if (message == null || message.isBlank()) {
            return "it does not validate";
        }
        String text = message.replace("An error occurred while attempting to decode the Jwt: ", "").strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

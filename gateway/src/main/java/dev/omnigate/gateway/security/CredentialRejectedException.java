package dev.omnigate.gateway.security;

import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * A credential the gateway refuses, with a reason from a small fixed set (it labels the {@code omnigate.auth.requests}
 * metric) and a message for the client that names what is wrong without repeating the credential.
 */
public final class CredentialRejectedException extends OAuth2AuthenticationException {

    /** Why a credential was refused. */
    public enum Reason {
        /** No credential at all. */
        MISSING(BearerTokenErrorCodes.INVALID_REQUEST),
        /** Not a well-formed header, key or token. */
        MALFORMED(BearerTokenErrorCodes.INVALID_REQUEST),
        /** A credential in the URL's query string (it would end up in access logs and browser history). */
        IN_QUERY_STRING(BearerTokenErrorCodes.INVALID_REQUEST),
        /** Two different credentials in one request. */
        AMBIGUOUS(BearerTokenErrorCodes.INVALID_REQUEST),
        /** An API key id nobody has, or the wrong secret for it. */
        UNKNOWN_KEY(BearerTokenErrorCodes.INVALID_TOKEN),
        /** An API key that was revoked. */
        REVOKED(BearerTokenErrorCodes.INVALID_TOKEN),
        /** An API key past its expiry. */
        EXPIRED(BearerTokenErrorCodes.INVALID_TOKEN),
        /** A JWT that does not validate (signature, expiry, issuer, audience, algorithm ...). */
        INVALID_TOKEN(BearerTokenErrorCodes.INVALID_TOKEN),
        /** A JWT sent to a gateway without a configured issuer. */
        NO_JWT_ISSUER(BearerTokenErrorCodes.INVALID_TOKEN),
        /** The JWT issuer's keys (JWKS) cannot be read right now: try again shortly. */
        ISSUER_UNAVAILABLE("temporarily_unavailable"),
        /** Too many slow key checks at once: try again shortly. */
        BUSY("temporarily_unavailable");

        private final String oauthError;

        Reason(String oauthError) {
            this.oauthError = oauthError;
        }

        /** The metric label, e.g. {@code unknown_key}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public CredentialRejectedException(Reason reason, String message) {
        super(new OAuth2Error(reason.oauthError, message, null), message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the refusal is the gateway's momentary state (503, retry) rather than the credential's fault (401). */
    public boolean temporary() {
        return reason == Reason.BUSY || reason == Reason.ISSUER_UNAVAILABLE;
    }
}

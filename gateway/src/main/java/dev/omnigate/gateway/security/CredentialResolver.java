package dev.omnigate.gateway.security;

import dev.omnigate.gateway.security.CredentialRejectedException.Reason;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Finds the request's credential: {@code Authorization: Bearer <API key or JWT>} or {@code X-Api-Key: <API key>}.
 * Refuses, before any other work, a credential in the query string (it would be written to access logs and browser
 * history), two different credentials, a non-Bearer {@code Authorization} scheme and text no key or token can be.
 * Returns null when there is none (the request is then anonymous and refused where a client is needed).
 */
public final class CredentialResolver implements BearerTokenResolver {

    /** The header for API keys, for clients that cannot set {@code Authorization}. */
    public static final String API_KEY_HEADER = "X-Api-Key";
    /** The longest credential looked at: longer ones are refused unread (the whole header block is limited to 8 KB anyway). */
    public static final int MAX_LENGTH = 6_144;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("access_token", "api_key", "apikey", "api-key", "x-api-key",
            "token", "key", "authorization", "jwt", "bearer");

    @Override
    public String resolve(HttpServletRequest request) {
        if (credentialInQuery(request.getQueryString())) {
            throw new CredentialRejectedException(Reason.IN_QUERY_STRING, "credentials are refused in the URL (they end up in logs); "
                    + "send 'Authorization: Bearer <API key or JWT>' or 'X-Api-Key: <API key>'"
                    + " (WebSocket clients: in the connection_init payload)");
        }
        List<String> authorization = Collections.list(request.getHeaders("Authorization"));
        List<String> apiKeys = Collections.list(request.getHeaders(API_KEY_HEADER));
        if (authorization.size() > 1 || apiKeys.size() > 1) {
            throw new CredentialRejectedException(Reason.AMBIGUOUS, "send one credential: the request has several Authorization or "
                    + "X-Api-Key headers");
        }
        String bearer = authorization.isEmpty() ? null : bearer(authorization.getFirst());
        String apiKey = apiKeys.isEmpty() ? null : apiKeys.getFirst().trim();
        if (apiKey != null && apiKey.isEmpty()) {
            throw new CredentialRejectedException(Reason.MALFORMED, "the X-Api-Key header is empty");
        }
        if (bearer != null && apiKey != null && !bearer.equals(apiKey)) {
            throw new CredentialRejectedException(Reason.AMBIGUOUS, "send one credential: the request has both an Authorization and an "
                    + "X-Api-Key header, with different values");
        }
        String credential = bearer != null ? bearer : apiKey;
        return credential == null ? null : checked(credential);
    }

    /** The credential of {@code Authorization: Bearer ...} (the WebSocket payload's {@code Authorization} too). */
    public static String bearer(String header) {
        String value = header.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new CredentialRejectedException(Reason.MALFORMED, "the Authorization header must use the Bearer scheme: "
                    + "'Authorization: Bearer <API key or JWT>'");
        }
        String token = value.substring(7).trim();
        if (token.isEmpty()) {
            throw new CredentialRejectedException(Reason.MALFORMED, "the Authorization header holds no token after 'Bearer'");
        }
        return token;
    }

    /** A credential of sane length and alphabet (RFC 6750's token68: the only characters keys and JWTs use). */
    public static String checked(String credential) {
        if (credential.length() > MAX_LENGTH) {
            throw new CredentialRejectedException(Reason.MALFORMED, "the credential is longer than " + MAX_LENGTH + " characters");
        }
        if (!TOKEN.matcher(credential).matches()) {
            throw new CredentialRejectedException(Reason.MALFORMED, "the credential holds characters no API key or JWT has");
        }
        return credential;
    }

    private static boolean credentialInQuery(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (CREDENTIAL_PARAMETERS.contains(name)) {
                return true;
            }
        }
        return false;
    }
}

package dev.omnigate.gateway.security;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Keeps anonymous callers from making the gateway fetch the IdP's JWKS at will. Spring's decoder reads the JWKS again
 * whenever a token names a key id it does not know (that is how a rotated key is picked up without a restart); a flood
 * of tokens with made-up key ids would turn every request into a call to the IdP. Here a token whose key id was never
 * verified may reach the decoder at most once per {@code minInterval}; others are refused at once. Tokens of known keys
 * are never held back.
 */
final class JwksRefreshGuard implements JwtDecoder {

    private static final int KNOWN_KEYS = 64;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Duration minInterval;
    private final Map<String, Boolean> knownKeyIds = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KNOWN_KEYS;
        }
    });
    private long lastUnknownAttempt = Long.MIN_VALUE;

    JwksRefreshGuard(JwtDecoder delegate, Clock clock, Duration minInterval) {
        this.delegate = delegate;
        this.clock = clock;
        this.minInterval = minInterval;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String keyId = keyIdOf(token);
        if (!knownKeyIds.containsKey(keyId) && !mayTryUnknownKey()) {
            throw new BadJwtException("the token's signing key is not one of the issuer's known keys (retry in a moment if it was "
                    + "just rotated in)");
        }
        try {
            Jwt jwt = delegate.decode(token);
            knownKeyIds.put(keyId, Boolean.TRUE);
            return jwt;
        } catch (JwtValidationException e) {
            knownKeyIds.put(keyId, Boolean.TRUE); // the signature held (the claims did not): the key is the issuer's
            throw e;
        }
    }

    private synchronized boolean mayTryUnknownKey() {
        long now = clock.millis();
        if (lastUnknownAttempt != Long.MIN_VALUE && now - lastUnknownAttempt < minInterval.toMillis()) {
            return false;
        }
        lastUnknownAttempt = now;
        return true;
    }

    /** The header's key id ({@code ""} without one); a token that is not a JOSE object goes to the decoder to be refused. */
    private static String keyIdOf(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return "";
        }
        try {
            Header header = Header.parse(new Base64URL(token.substring(0, dot)));
            String keyId = header instanceof com.nimbusds.jose.JWSHeader signed ? signed.getKeyID() : null;
            return keyId == null ? "" : keyId;
        } catch (ParseException | RuntimeException e) {
            return "";
        }
    }
}

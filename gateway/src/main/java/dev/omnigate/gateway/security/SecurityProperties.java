package dev.omnigate.gateway.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings ({@code omnigate.security.*}); JWT issuers use Spring Security's own
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties. Every property is documented in
 * {@code config/README.md}.
 *
 * @param clientsDir the folder of API client files ({@code *.yml}, {@code *.yaml}), relative to the working directory
 * @param clientsReloadInterval how often the client files are checked for changes (a revoked key stops working without
 *     a restart); 0 checks only at startup
 * @param apiKeyCacheTtl how long a verified API key is remembered (a hash check costs ~0.1 s on purpose); revocations
 *     apply at once regardless
 * @param maxConcurrentKeyChecks how many hash checks may run at once (they are slow by design: bounded so unknown keys
 *     cannot take the CPU); more wait up to {@code keyCheckWait}, then the request is answered 503
 * @param keyCheckWait how long a request waits for a hash check slot
 * @param jwt how JWTs name their client and scopes
 */
@ConfigurationProperties(prefix = "omnigate.security")
public record SecurityProperties(@DefaultValue("config/clients") Path clientsDir, @DefaultValue("10s") Duration clientsReloadInterval,
        @DefaultValue("5m") Duration apiKeyCacheTtl, @DefaultValue("2") int maxConcurrentKeyChecks,
        @DefaultValue("2s") Duration keyCheckWait, @DefaultValue Jwt jwt) {

    public SecurityProperties {
        if (clientsReloadInterval.isNegative()) {
            throw new IllegalArgumentException("omnigate.security.clients-reload-interval must not be negative, but was " + clientsReloadInterval);
        }
        if (apiKeyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("omnigate.security.api-key-cache-ttl must not be negative, but was " + apiKeyCacheTtl);
        }
        if (maxConcurrentKeyChecks < 1 || maxConcurrentKeyChecks > 64) {
            throw new IllegalArgumentException("omnigate.security.max-concurrent-key-checks must be between 1 and 64, but was "
                    + maxConcurrentKeyChecks);
        }
        if (keyCheckWait.isNegative()) {
            throw new IllegalArgumentException("omnigate.security.key-check-wait must not be negative, but was " + keyCheckWait);
        }
    }

    /**
     * @param clientClaim the claim naming the client (its id in logs and the audit trail, and the configured client whose
     *     partner limits apply)
     * @param scopesClaim the claim holding the scopes (a space-separated text or a list); empty reads the standard
     *     {@code scope}, then {@code scp}
     * @param unknownKeyInterval how often a token signed with a key id not yet seen may make the gateway read the
     *     issuer's JWKS again (how a rotated key is picked up); tokens of known keys are never held back
     */
    public record Jwt(@DefaultValue("sub") String clientClaim, @DefaultValue("") String scopesClaim,
            @DefaultValue("1s") Duration unknownKeyInterval) {
        public Jwt {
            if (clientClaim.isBlank()) {
                throw new IllegalArgumentException("omnigate.security.jwt.client-claim must name a claim, such as sub or client_id");
            }
            if (unknownKeyInterval.isNegative()) {
                throw new IllegalArgumentException("omnigate.security.jwt.unknown-key-interval must not be negative, but was "
                        + unknownKeyInterval);
            }
        }
    }
}

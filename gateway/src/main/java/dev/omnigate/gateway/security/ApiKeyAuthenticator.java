package dev.omnigate.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omnigate.gateway.security.CredentialRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Checks API keys: the key id finds the one stored hash (an unknown id costs nothing), the bcrypt or Argon2 check runs
 * at most {@code max-concurrent-key-checks} at a time, and its outcome is remembered by the key's SHA-256 (a verified key
 * for {@code api-key-cache-ttl}, a wrong one for a minute), so a client pays the slow check once and an attacker
 * repeating a guess pays nothing more. The key itself is never kept. Revocation and expiry are checked on every request,
 * cached or not, and a client reload forgets every cached outcome.
 */
public final class ApiKeyAuthenticator {

    private record Verified(String keyId) {
    }

    private final ClientRegistry registry;
    private final Clock clock;
    private final Cache<String, Verified> verified;
    private final Cache<String, Boolean> refused;
    private final Semaphore checks;
    private final Duration checkWait;

    public ApiKeyAuthenticator(ClientRegistry registry, SecurityProperties properties, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.apiKeyCacheTtl()).build();
        this.refused = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();
        this.checks = new Semaphore(properties.maxConcurrentKeyChecks());
        this.checkWait = properties.keyCheckWait();
        registry.onChange(this::forget);
    }

    /** Drops every remembered outcome (after a client reload). */
    public void forget() {
        verified.invalidateAll();
        refused.invalidateAll();
    }

    /**
     * The client the key belongs to.
     *
     * @throws CredentialRejectedException when the key is malformed, unknown, wrong, revoked or expired, or when no check
     *     slot frees up in time ({@link Reason#BUSY})
     */
    public GatewayClient authenticate(String presented) {
        ApiKeys.PresentedKey key = ApiKeys.parse(presented).orElseThrow(() -> new CredentialRejectedException(Reason.MALFORMED,
                "the API key is malformed: API keys look like og_<key id>_<secret>"));
        ClientRegistry.KeyEntry entry = registry.key(key.keyId()).orElseThrow(ApiKeyAuthenticator::unknown);
        String digest = sha256(key.key());
        Verified known = verified.getIfPresent(digest);
        if (known == null || !known.keyId().equals(key.keyId())) {
            if (refused.getIfPresent(digest) != null) {
                throw unknown();
            }
            if (!check(key.key(), entry.key().hash())) {
                refused.put(digest, Boolean.TRUE);
                throw unknown();
            }
            verified.put(digest, new Verified(key.keyId()));
        }
        // the status is read from the registry on every request: a reload that revokes a key applies at once
        ApiKeyDefinition definition = entry.key();
        if (definition.revoked()) {
            throw new CredentialRejectedException(Reason.REVOKED, "the API key " + definition.id() + " of client '" + entry.client().id()
                    + "' was revoked; ask for a new key");
        }
        if (definition.expiresAt() != null && !clock.instant().isBefore(definition.expiresAt())) {
            throw new CredentialRejectedException(Reason.EXPIRED, "the API key " + definition.id() + " of client '" + entry.client().id()
                    + "' expired at " + definition.expiresAt() + "; ask for a new key");
        }
        return entry.client().asApiKeyClient();
    }

    private boolean check(String key, String hash) {
        boolean acquired;
        try {
            acquired = checks.tryAcquire(checkWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new CredentialRejectedException(Reason.BUSY, "too many API keys are being checked right now; retry in a moment");
        }
        try {
            return ApiKeyHashes.matches(key, hash);
        } finally {
            checks.release();
        }
    }

    private static CredentialRejectedException unknown() {
        // one answer for an unknown id and a wrong secret: the answer must not confirm that a key id exists
        return new CredentialRejectedException(Reason.UNKNOWN_KEY, "the API key is not valid");
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

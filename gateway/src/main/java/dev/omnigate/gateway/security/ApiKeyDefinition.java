package dev.omnigate.gateway.security;

import java.time.Instant;
import java.util.Objects;

/**
 * One API key of a client, as configured: never the key, only its hash.
 *
 * @param id the key id (the part between {@code og_} and the next {@code _})
 * @param hash the key's bcrypt or Argon2 hash in Spring Security's {@code {id}hash} form
 * @param expiresAt when the key stops working; null for never
 * @param revoked whether the key was withdrawn (answered as revoked rather than unknown, so its owner learns why)
 */
public record ApiKeyDefinition(String id, String hash, Instant expiresAt, boolean revoked) {

    public ApiKeyDefinition {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(hash, "hash is null");
    }

    @Override
    public String toString() {
        return "API key " + id + (revoked ? " (revoked)" : "") + (expiresAt == null ? "" : " expiring " + expiresAt);
    }
}

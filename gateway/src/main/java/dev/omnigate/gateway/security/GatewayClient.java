package dev.omnigate.gateway.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who makes a request: an API client from the configuration or the subject of a JWT, with its scopes and row-level
 * partner limits. Every GraphQL request runs as exactly one client (no client: nothing protected is readable).
 *
 * @param id the client id (an API client's configured id; a JWT's client claim, {@code sub} by default)
 * @param name a display name for logs and the audit trail
 * @param method how it authenticated
 * @param scopes what it may read
 * @param partner the SKUs and locations it may see ({@link PartnerFilter#NONE} for all)
 * @param quota its own cost limits ({@link ClientQuota#DEFAULTS} for the gateway's)
 */
public record GatewayClient(String id, String name, AuthMethod method, Set<Scope> scopes, PartnerFilter partner, ClientQuota quota) {

    /** How a client proved who it is. */
    public enum AuthMethod {
        /** An Omnigate API key ({@code Authorization: Bearer og_...} or {@code X-Api-Key}). */
        API_KEY,
        /** A JWT signed by a configured issuer (JWKS). */
        JWT
    }

    public GatewayClient {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(method, "method is null");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        Objects.requireNonNull(partner, "partner is null");
        quota = quota == null ? ClientQuota.DEFAULTS : quota;
    }

    /** A client with the gateway's cost limits. */
    public GatewayClient(String id, String name, AuthMethod method, Set<Scope> scopes, PartnerFilter partner) {
        this(id, name, method, scopes, partner, ClientQuota.DEFAULTS);
    }

    /**
     * The client as quotas and shares count it, {@code <method>:<id>} such as {@code api_key:support-desk}: an API client
     * and a JWT subject of the same name are two clients.
     */
    public String key() {
        return method.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    /** Whether the client holds the scope. */
    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** Whether the client holds every one of these scopes. */
    public boolean hasAll(Set<Scope> required) {
        return scopes.containsAll(required);
    }
}

package dev.omnigate.gateway.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A configured API client ({@code config/clients/*.yml} or {@code omnigate.clients.*}), validated.
 *
 * @param id the client id, unique over every source
 * @param name the display name (the id when none is configured)
 * @param scopes what the client may read
 * @param apiKeys its keys (hashes only); a client without keys is a policy for JWTs naming this client
 * @param partner row-level limits
 * @param origin the file or property source it was read from
 * @param quota its own cost limits ({@link ClientQuota#DEFAULTS} for the gateway's)
 */
public record ClientDefinition(String id, String name, Set<Scope> scopes, List<ApiKeyDefinition> apiKeys, PartnerFilter partner,
        String origin, ClientQuota quota) {

    public ClientDefinition {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        apiKeys = List.copyOf(apiKeys);
        Objects.requireNonNull(partner, "partner is null");
        Objects.requireNonNull(origin, "origin is null");
        quota = quota == null ? ClientQuota.DEFAULTS : quota;
    }

    /** A client with the gateway's cost limits. */
    public ClientDefinition(String id, String name, Set<Scope> scopes, List<ApiKeyDefinition> apiKeys, PartnerFilter partner, String origin) {
        this(id, name, scopes, apiKeys, partner, origin, ClientQuota.DEFAULTS);
    }

    /** The client as it authenticates with one of its API keys. */
    public GatewayClient asApiKeyClient() {
        return new GatewayClient(id, name, GatewayClient.AuthMethod.API_KEY, scopes, partner, quota);
    }
}

package dev.omnigate.gateway.security;

import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A Spring Security authentication for an authenticated {@link GatewayClient}: its scopes are the authorities
 * ({@code SCOPE_catalog:read} ...), so endpoint rules and the actuator's {@code when-authorized} health details use them.
 * Never holds the credential it was made from.
 */
public final class ClientAuthentication extends AbstractAuthenticationToken {

    private final GatewayClient client;

    public ClientAuthentication(GatewayClient client) {
        super(client.scopes().stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).toList());
        this.client = Objects.requireNonNull(client, "client is null");
        setAuthenticated(true);
    }

    public GatewayClient client() {
        return client;
    }

    @Override
    public Object getCredentials() {
        return null; // the key or token is not kept past authentication
    }

    @Override
    public Object getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return client.id();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientAuthentication that && client.equals(that.client);
    }

    @Override
    public int hashCode() {
        return client.hashCode();
    }
}

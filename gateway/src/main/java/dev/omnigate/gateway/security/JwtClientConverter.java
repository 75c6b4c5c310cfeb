package dev.omnigate.gateway.security;

import dev.omnigate.gateway.security.CredentialRejectedException.Reason;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated JWT into a {@link GatewayClient}: the client is named by {@code omnigate.security.jwt.client-claim}
 * ({@code sub}), its scopes come from {@code omnigate.security.jwt.scopes-claim} (the standard {@code scope}, then
 * {@code scp}: a space-separated text or a list; names the gateway does not know, such as {@code openid}, are ignored).
 * When a configured client has the same id, its partner limits apply and its scopes cap the token's (an IdP cannot
 * grant a partner more than its configuration allows).
 */
public final class JwtClientConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._@:|+-]{1,200}");

    private final ClientRegistry registry;
    private final SecurityProperties.Jwt settings;

    public JwtClientConverter(ClientRegistry registry, SecurityProperties.Jwt settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object claim = jwt.getClaims().get(settings.clientClaim());
        if (!(claim instanceof String id) || !CLIENT_ID.matcher(id).matches()) {
            throw new CredentialRejectedException(Reason.INVALID_TOKEN, "the token's '" + settings.clientClaim()
                    + "' claim must name the client (1 to 200 of letters, digits and ._@:|+-)");
        }
        Set<Scope> scopes = scopes(jwt);
        Optional<ClientDefinition> configured = registry.client(id);
        if (configured.isPresent()) {
            scopes.retainAll(configured.get().scopes());
            return new ClientAuthentication(new GatewayClient(id, configured.get().name(), GatewayClient.AuthMethod.JWT, scopes,
                    configured.get().partner(), configured.get().quota()));
        }
        return new ClientAuthentication(new GatewayClient(id, id, GatewayClient.AuthMethod.JWT, scopes, PartnerFilter.NONE));
    }

    private Set<Scope> scopes(Jwt jwt) {
        List<String> claims = settings.scopesClaim().isBlank() ? List.of("scope", "scp") : List.of(settings.scopesClaim());
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : claims) {
            Object value = jwt.getClaims().get(name);
            if (value == null) {
                continue;
            }
            if (value instanceof String text) {
                for (String scope : text.trim().split("\\s+")) {
                    Scope.of(scope).ifPresent(scopes::add);
                }
            } else if (value instanceof Collection<?> list) {
                list.forEach(item -> Scope.of(String.valueOf(item)).ifPresent(scopes::add));
            }
            break;
        }
        return scopes;
    }
}

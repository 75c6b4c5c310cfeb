/**
 * Who may come in: clients ({@link dev.omnigate.gateway.security.GatewayClient}) authenticated by an API key
 * ({@code og_<key id>_<secret>}, stored as a bcrypt or Argon2 hash in {@code config/clients/*.yml}) or a JWT
 * (Spring Security's resource server), their {@link dev.omnigate.gateway.security.Scope scopes} and row-level
 * {@link dev.omnigate.gateway.security.PartnerFilter partner limits}; the HTTP filter chain and its GraphQL-shaped
 * 401/403/503 answers. The GraphQL side (per-field scopes, the WebSocket handshake, the PII audit hook) is in
 * {@code security.graphql}.
 */
package dev.omnigate.gateway.security;

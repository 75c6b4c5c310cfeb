/**
 * Scopes in the schema: {@code @requiresScopes} and {@code @pii} read once per schema
 * ({@link dev.omnigate.gateway.security.graphql.SchemaScopes}), enforced per field in one instrumentation
 * ({@link dev.omnigate.gateway.security.graphql.ScopeInstrumentation}) for every transport, documented in the fields'
 * descriptions; the request's client in the GraphQL context (HTTP and SSE from Spring Security, WebSocket from
 * {@code connection_init}).
 */
package dev.omnigate.gateway.security.graphql;

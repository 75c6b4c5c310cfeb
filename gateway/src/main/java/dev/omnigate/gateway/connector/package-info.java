/**
 * The connector runtime: the plugin {@link dev.omnigate.gateway.connector.ConnectorRegistry}, the live
 * {@link dev.omnigate.gateway.connector.ConnectorAccounts} (closed once at shutdown), and the
 * {@link dev.omnigate.gateway.connector.ConnectorInvoker}, the single path of every connector call (virtual threads,
 * request deadlines, chunking by {@code maxBatchSize}, typed failures, per-account isolation, metrics, and the
 * {@link dev.omnigate.gateway.connector.ConnectorCallInterceptor} extension point for caching and resilience).
 * Knows nothing of GraphQL (enforced by {@code ArchitectureTest}).
 */
package dev.omnigate.gateway.connector;

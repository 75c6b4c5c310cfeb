/**
 * The GraphQL layer, by entity: thin DGS data fetchers and the data loaders that batch keys per (account, entity)
 * so that a query makes at most one upstream call per account per level (per {@code maxBatchSize} chunk).
 * Reaches connectors only through the SPI and the invoker (enforced by {@code ArchitectureTest}).
 */
package dev.omnigate.gateway.graphql;

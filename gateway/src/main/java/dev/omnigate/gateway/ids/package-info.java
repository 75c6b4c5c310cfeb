/**
 * Global ids: the opaque, URL-safe, versioned ids of the GraphQL schema's {@code Node} objects. Used by the
 * GraphQL layer (every {@code id} field and {@code node(id:)}) and by identity resolution
 * ({@code customer360(customerId:)}).
 */
package dev.omnigate.gateway.ids;

/** Operating the gateway over GraphQL ({@code admin} scope): cache invalidation. */
package dev.omnigate.gateway.graphql.admin;

/**
 * HTTP concerns around the GraphQL endpoint: request ids, GraphQL-shaped answers to malformed request bodies,
 * error codes for framework errors, subscriptions refused on plain POST, and the self-hosted GraphiQL page.
 */
package dev.omnigate.gateway.web;

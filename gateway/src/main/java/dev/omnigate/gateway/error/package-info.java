/**
 * Exceptions shared by the gateway's layers: client input errors ({@link dev.omnigate.gateway.error.BadRequestException})
 * and startup refusals ({@link dev.omnigate.gateway.error.StartupProblemsException}). The GraphQL layer and the
 * failure analyzer turn them into client errors and operator messages.
 */
package dev.omnigate.gateway.error;

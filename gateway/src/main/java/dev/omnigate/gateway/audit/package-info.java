/**
 * The PII audit trail: one record per answer that held personal data (client, request, operation, customers' global ids,
 * classes of data, never values), written as JSON lines to a file, the log or a Redis Stream.
 */
package dev.omnigate.gateway.audit;

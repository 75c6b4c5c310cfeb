/**
 * Connector account health: probes through the invoker with a short deadline, shared for a few seconds by
 * {@code /actuator/health} (one component per account) and the {@code channels} query.
 */
package dev.omnigate.gateway.health;

/**
 * Connector account health: probes through the invoker with a short deadline, shared for a few seconds by
 * {@code /actuator/health} (the {@code connectors} component, never {@code DOWN} for a vendor's sake) and the {@code channels} query.
 */
package dev.omnigate.gateway.health;

package dev.omnigate.connector.api;

/**
 * Health of one connector account.
 *
 * @since 1.0
 */
public enum HealthStatus {
    /** Credentials accepted and the vendor answered. */
    UP,
    /** Answering, but slowly, throttled or partially. */
    DEGRADED,
    /** Not usable: unreachable, credentials rejected, or misconfigured. */
    DOWN
}

package dev.omnigate.connector.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Result of {@link Connector#checkHealth}.
 *
 * @param status the verdict
 * @param message one readable sentence for operators; never contains secrets
 * @param details extra facts such as the vendor API version or remaining rate-limit budget; no secrets
 * @since 1.0
 */
public record HealthReport(HealthStatus status, String message, Map<String, String> details) {

    public HealthReport {
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static HealthReport up(String message) {
        return new HealthReport(HealthStatus.UP, message, Map.of());
    }

    public static HealthReport degraded(String message) {
        return new HealthReport(HealthStatus.DEGRADED, message, Map.of());
    }

    public static HealthReport down(String message) {
        return new HealthReport(HealthStatus.DOWN, message, Map.of());
    }

    public HealthReport withDetails(Map<String, String> moreDetails) {
        java.util.HashMap<String, String> merged = new java.util.HashMap<>(details);
        merged.putAll(moreDetails);
        return new HealthReport(status, message, merged);
    }
}

package dev.omnigate.gateway.health;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.HealthStatus;
import java.time.Instant;
import java.util.Map;

/**
 * The last health check of one account.
 *
 * @param status the verdict
 * @param message the connector's readable sentence (no secrets, per the SPI)
 * @param details the connector's extra facts (no secrets, per the SPI)
 * @param checkedAt when the check ran
 */
public record AccountHealth(HealthStatus status, String message, Map<String, String> details, Instant checkedAt) {

    public AccountHealth {
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        details = details == null ? Map.of() : Map.copyOf(details);
        requireNonNull(checkedAt, "checkedAt is null");
    }
}

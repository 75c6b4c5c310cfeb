package dev.omnigate.gateway.health;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.resilience.CircuitBreakerInterceptor;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds {@code connectors} to {@code /actuator/health} ({@link ConnectorsHealthIndicator}): each account's status and
 * facts in its details, while the component is only ever {@code UP} or {@code DEGRADED}. {@code DEGRADED} is its own
 * status, ordered between {@code DOWN} and {@code UP} and answered with HTTP 200 (see
 * {@code management.endpoint.health.status.*} in {@code application.yml}). Liveness and readiness probes
 * ({@code /actuator/health/liveness|readiness}) do not include connectors: a vendor outage degrades answers, it does
 * not make the gateway unready.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorHealthContributors {

    /** The status of a degraded account, and of the gateway while some account is not up. */
    public static final Status DEGRADED = new Status("DEGRADED", "answering, but slowly, throttled or partially");

    @Bean
    public ConnectorsHealthIndicator connectorsHealthIndicator(ConnectorAccounts accounts, AccountHealthService health,
            OmnigateProperties properties, ObjectProvider<CircuitBreakerInterceptor> breakers) {
        return new ConnectorsHealthIndicator(accounts, health, breakers.getIfAvailable(),
                properties.health().timeout().plus(Duration.ofMillis(500)));
    }
}

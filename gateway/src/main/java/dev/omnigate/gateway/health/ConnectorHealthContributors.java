package dev.omnigate.gateway.health;

import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.resilience.CircuitBreakerInterceptor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds {@code connectors} to {@code /actuator/health}: one indicator per account, named by account id, with
 * the connector, channel, store, capabilities, the connector's message and details (never secrets) and the state of
 * the account's circuit breaker ({@code circuitBreaker}: {@code state}, {@code failureRate} in percent or -1 while the
 * window has too few calls, {@code bufferedCalls}, {@code failedCalls}, {@code notPermittedCalls}). An open breaker
 * makes the account {@code DOWN} without probing the vendor (the probe is skipped like every other call).
 * {@code DEGRADED} is its own status, ordered between {@code DOWN} and {@code UP} and answered with HTTP 200
 * (see {@code management.endpoint.health.status.*} in {@code application.yml}). Liveness and readiness
 * probes ({@code /actuator/health/liveness|readiness}) do not include connectors: a vendor outage degrades
 * answers, it does not make the gateway unready.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorHealthContributors {

    /** The status of a degraded account. */
    public static final Status DEGRADED = new Status("DEGRADED", "answering, but slowly, throttled or partially");

    @Bean
    public CompositeHealthContributor connectorsHealthContributor(ConnectorAccounts accounts, AccountHealthService health,
            OmnigateProperties properties, ObjectProvider<CircuitBreakerInterceptor> breakers) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        long waitMillis = properties.health().timeout().toMillis() + 500;
        CircuitBreakerInterceptor breaker = breakers.getIfAvailable();
        for (ConnectorAccount account : accounts.all()) {
            indicators.put(account.accountId(), () -> {
                Health indicated = indicate(account, health, waitMillis);
                return breaker == null ? indicated : Health.status(indicated.getStatus()).withDetails(indicated.getDetails())
                        .withDetail("circuitBreaker", breakerDetails(breaker.breaker(account.accountId()))).build();
            });
        }
        return CompositeHealthContributor.fromMap(indicators);
    }

    private static Health indicate(ConnectorAccount account, AccountHealthService service, long waitMillis) {
        Health.Builder builder;
        String message;
        Map<String, String> details = Map.of();
        try {
            AccountHealth health = service.health(account).get(waitMillis, TimeUnit.MILLISECONDS);
            builder = Health.status(status(health.status()));
            message = health.message();
            details = health.details();
            builder.withDetail("checkedAt", health.checkedAt().toString());
        } catch (TimeoutException e) {
            builder = Health.down();
            message = "no health answer within " + waitMillis + " ms";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            builder = Health.down();
            message = "health check failed: " + e.getClass().getSimpleName();
        }
        builder.withDetail("connector", account.connectorId())
                .withDetail("connectorName", account.descriptor().displayName())
                .withDetail("channel", account.channel().name())
                .withDetail("store", account.storeId())
                .withDetail("capabilities", account.descriptor().capabilities().stream().map(Enum::name).sorted().toList())
                .withDetail("message", message);
        if (!details.isEmpty()) {
            builder.withDetail("details", details);
        }
        return builder.build();
    }

    /** The breaker's state and window, for operators deciding whether a vendor is down or the gateway skips it. */
    static Map<String, Object> breakerDetails(CircuitBreaker breaker) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", breaker.getState().name());
        details.put("failureRate", metrics.getFailureRate());
        details.put("bufferedCalls", metrics.getNumberOfBufferedCalls());
        details.put("failedCalls", metrics.getNumberOfFailedCalls());
        details.put("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
        return details;
    }

    private static Status status(HealthStatus status) {
        return switch (status) {
            case UP -> Status.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> Status.DOWN;
        };
    }
}

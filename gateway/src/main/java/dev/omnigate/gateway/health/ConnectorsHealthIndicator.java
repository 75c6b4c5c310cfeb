package dev.omnigate.gateway.health;

import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.resilience.CircuitBreakerInterceptor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code connectors} component of {@code /actuator/health}: every account's status and facts in its details, by
 * account id ({@code status}, {@code connector}, {@code connectorName}, {@code channel}, {@code store},
 * {@code capabilities}, the connector's {@code message} and {@code details} (never secrets), {@code checkedAt}, and the
 * account's {@code circuitBreaker}: {@code state}, {@code failureRate} in percent or -1 while the window has too few
 * calls, {@code bufferedCalls}, {@code failedCalls}, {@code notPermittedCalls}).
 *
 * <p>Guarantees: the component itself is {@code UP} when every account is {@code UP} and
 * {@link ConnectorHealthContributors#DEGRADED DEGRADED} (HTTP 200) otherwise, however many accounts are {@code DOWN}:
 * a vendor outage degrades answers, it never takes the gateway's health to {@code DOWN} (503), so no load balancer
 * or orchestrator pulls a gateway that still serves every other account. An open breaker makes its account
 * {@code DOWN} without probing the vendor. All accounts are probed in parallel and one answer takes at most
 * {@code omnigate.health.timeout} plus 500 ms; an account without an answer by then is {@code DOWN}.
 */
public final class ConnectorsHealthIndicator implements HealthIndicator {

    private final ConnectorAccounts accounts;
    private final AccountHealthService health;
    private final CircuitBreakerInterceptor breakers;
    private final Duration wait;

    /**
     * @param breakers the accounts' circuit breakers; null when breakers are off
     * @param wait how long an account's answer is waited for
     */
    public ConnectorsHealthIndicator(ConnectorAccounts accounts, AccountHealthService health, CircuitBreakerInterceptor breakers,
            Duration wait) {
        this.accounts = accounts;
        this.health = health;
        this.breakers = breakers;
        this.wait = wait;
    }

    @Override
    public Health health() {
        List<ConnectorAccount> all = accounts.all();
        // every probe starts before any is waited for: N slow vendors cost one timeout, not N
        Map<ConnectorAccount, CompletableFuture<AccountHealth>> probes = new LinkedHashMap<>();
        all.forEach(account -> probes.put(account, health.health(account)));
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean allUp = true;
        for (Map.Entry<ConnectorAccount, CompletableFuture<AccountHealth>> probe : probes.entrySet()) {
            Health account = indicate(probe.getKey(), probe.getValue(), deadline);
            allUp &= Status.UP.equals(account.getStatus());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", account.getStatus().getCode());
            entry.putAll(account.getDetails());
            details.put(probe.getKey().accountId(), entry);
        }
        return Health.status(allUp ? Status.UP : ConnectorHealthContributors.DEGRADED).withDetails(details).build();
    }

    /** One account's health with its facts (and its breaker's state), as listed under its id. */
    public Optional<Health> account(String accountId) {
        return accounts.find(accountId).map(account -> indicate(account, health.health(account), System.nanoTime() + wait.toNanos()));
    }

    private Health indicate(ConnectorAccount account, CompletableFuture<AccountHealth> probe, long deadlineNanos) {
        Health.Builder builder;
        String message;
        Map<String, String> facts = Map.of();
        try {
            AccountHealth found = probe.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            builder = Health.status(status(found.status()));
            message = found.message();
            facts = found.details();
            builder.withDetail("checkedAt", found.checkedAt().toString());
        } catch (TimeoutException e) {
            builder = Health.down();
            message = "no health answer within " + wait.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder = Health.down();
            message = "the health check was interrupted";
        } catch (ExecutionException | RuntimeException e) {
            // AccountHealthService never fails its future; no exception class names in an operator-facing sentence either
            builder = Health.down();
            message = "the health check failed unexpectedly";
        }
        builder.withDetail("connector", account.connectorId())
                .withDetail("connectorName", account.descriptor().displayName())
                .withDetail("channel", account.channel().name())
                .withDetail("store", account.storeId())
                .withDetail("capabilities", account.descriptor().capabilities().stream().map(Enum::name).sorted().toList())
                .withDetail("message", message);
        if (!facts.isEmpty()) {
            builder.withDetail("details", facts);
        }
        if (breakers != null) {
            builder.withDetail("circuitBreaker", breakerDetails(breakers.breaker(account.accountId())));
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
            case DEGRADED -> ConnectorHealthContributors.DEGRADED;
            case DOWN -> Status.DOWN;
        };
    }
}

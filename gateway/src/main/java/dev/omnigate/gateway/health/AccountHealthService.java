package dev.omnigate.gateway.health;

import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.AccountFailure;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.error.ClientMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Health of each account, from {@code Connector.checkHealth} called through the {@link ConnectorInvoker}
 * with its own short deadline ({@code omnigate.health.timeout}). Results are shared for
 * {@code omnigate.health.cache-ttl} so that the actuator, the {@code channels} query and monitoring polls do
 * not each probe the vendor; concurrent askers share one probe.
 */
@Component
public class AccountHealthService {

    private record Cached(CompletableFuture<AccountHealth> health, Instant expiresAt) {
    }

    private final ConnectorInvoker invoker;
    private final Clock clock;
    private final Duration timeout;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AccountHealthService(ConnectorInvoker invoker, Clock clock, OmnigateProperties properties) {
        this.invoker = invoker;
        this.clock = clock;
        this.timeout = properties.health().timeout();
        this.cacheTtl = properties.health().cacheTtl();
    }

    /** The account's health, from the cache when fresh. Never completes exceptionally. */
    public CompletableFuture<AccountHealth> health(ConnectorAccount account) {
        Instant now = clock.instant();
        return cache.compute(account.accountId(), (id, cached) -> cached != null && now.isBefore(cached.expiresAt())
                ? cached
                : new Cached(probe(account), now.plus(cacheTtl))).health();
    }

    private CompletableFuture<AccountHealth> probe(ConnectorAccount account) {
        RequestScope scope = RequestScope.start(null, timeout, clock);
        return invoker.call(account, "health.check", scope, context -> account.connector().checkHealth(context))
                .handle((report, error) -> {
                    Instant checkedAt = clock.instant();
                    if (error != null) {
                        AccountFailure failure = ConnectorInvoker.failureOf(error);
                        return new AccountHealth(HealthStatus.DOWN, "health check failed: " + failure.category() + ": " + failure.message(),
                                Map.of(), checkedAt);
                    }
                    if (report == null) {
                        return new AccountHealth(HealthStatus.DOWN, "the connector returned no health report", Map.of(), checkedAt);
                    }
                    return of(report, checkedAt);
                });
    }

    /** The connector's report; its sentence shown to admins, so made plain like every client-facing message. */
    private static AccountHealth of(HealthReport report, Instant checkedAt) {
        return new AccountHealth(report.status(), ClientMessages.plain(report.message(), "health check: " + report.status()),
                report.details(), checkedAt);
    }
}

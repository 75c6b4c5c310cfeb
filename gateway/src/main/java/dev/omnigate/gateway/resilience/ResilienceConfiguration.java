package dev.omnigate.gateway.resilience;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import dev.omnigate.gateway.limits.LimitsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The resilience interceptors of the connector call chain, outermost first: bulkhead per account, rate limiter per
 * account and operation, circuit breaker per account, then retries (the invoker's deadline bounds them all; see
 * {@link dev.omnigate.gateway.connector.ConnectorCallInterceptor} for the whole order). The cache and its
 * single-flight sit in front of the invoker, so a cache hit takes no bulkhead slot and no rate-limit permit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceConfiguration {

    static final int BULKHEAD_ORDER = 200;
    static final int RATE_LIMITER_ORDER = 300;
    static final int BREAKER_ORDER = 400;
    static final int RETRY_ORDER = 600;

    static final java.util.List<Long> LATENCY_BUCKETS_MILLIS = java.util.List.of(5L, 10L, 25L, 50L, 100L, 250L, 500L, 1000L, 2500L, 5000L,
            10000L);

    /** Checked at startup against the configured accounts: bad values stop the gateway naming key and value. */
    @Bean
    public ResiliencePlan resiliencePlan(ResilienceProperties properties, ConnectorAccounts accounts, OmnigateProperties omnigate) {
        return ResiliencePlan.of(properties, accounts.all(), omnigate.sandbox().enabled());
    }

    @Bean
    @Order(BULKHEAD_ORDER)
    @ConditionalOnProperty(name = "omnigate.resilience.bulkhead.enabled", havingValue = "true", matchIfMissing = true)
    public BulkheadInterceptor bulkheadInterceptor(ResiliencePlan plan, ResilienceProperties properties, ObjectProvider<MeterRegistry> meters,
            LimitsProperties limits) {
        return new BulkheadInterceptor(plan, properties.bulkhead(), meters.getIfAvailable(), limits.cost().vendorShare());
    }

    @Bean
    @Order(RATE_LIMITER_ORDER)
    @ConditionalOnProperty(name = "omnigate.resilience.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    public RateLimiterInterceptor rateLimiterInterceptor(ResiliencePlan plan, ResilienceProperties properties,
            ObjectProvider<MeterRegistry> meters, LimitsProperties limits) {
        return new RateLimiterInterceptor(plan, properties.rateLimit(), meters.getIfAvailable(), limits.cost().vendorShare());
    }

    @Bean
    @Order(BREAKER_ORDER)
    @ConditionalOnProperty(name = "omnigate.resilience.breaker.enabled", havingValue = "true", matchIfMissing = true)
    public CircuitBreakerInterceptor circuitBreakerInterceptor(ResilienceProperties properties, ConnectorAccounts accounts,
            ObjectProvider<MeterRegistry> meters) {
        CircuitBreakerInterceptor interceptor = new CircuitBreakerInterceptor(properties.breaker(), meters.getIfAvailable());
        // every account's breaker (and its gauges) exists from the start, not only after its first call
        accounts.all().stream().map(ConnectorAccount::accountId).forEach(interceptor::breaker);
        return interceptor;
    }

    @Bean
    @Order(RETRY_ORDER)
    public RetryInterceptor retryInterceptor(ResilienceProperties properties, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<RateLimiterInterceptor> limiter) {
        RateLimiterInterceptor rateLimiter = limiter.getIfAvailable();
        return new RetryInterceptor(properties.retry(), meters.getIfAvailable(), Clock.systemUTC(),
                rateLimiter == null ? call -> true : rateLimiter::acquireForRetry);
    }

    /**
     * Histogram buckets (for Prometheus {@code histogram_quantile}) of connector call latencies and rate-limiter waits:
     * a fixed ladder from 5 ms to 10 s around the 2.5 s request deadline, so that the scrape stays small.
     */
    @Bean
    public MeterFilter connectorLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("omnigate.connector.calls") || id.getName().equals("omnigate.ratelimiter.waits")) {
                    return DistributionStatisticConfig.builder()
                            .serviceLevelObjectives(LATENCY_BUCKETS_MILLIS.stream().mapToDouble(millis -> Duration.ofMillis(millis).toNanos())
                                    .toArray())
                            .build().merge(config);
                }
                return config;
            }
        };
    }
}

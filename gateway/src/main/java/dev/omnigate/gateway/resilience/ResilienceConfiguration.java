package dev.omnigate.gateway.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The resilience interceptors of the connector call chain, outermost first: circuit breaker per account, then
 * retries (see {@link dev.omnigate.gateway.connector.ConnectorCallInterceptor} for the whole order).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceConfiguration {

    static final int BREAKER_ORDER = 400;
    static final int RETRY_ORDER = 600;

    @Bean
    @Order(BREAKER_ORDER)
    @ConditionalOnProperty(name = "omnigate.resilience.breaker.enabled", havingValue = "true", matchIfMissing = true)
    public CircuitBreakerInterceptor circuitBreakerInterceptor(ResilienceProperties properties) {
        return new CircuitBreakerInterceptor(properties.breaker());
    }

    @Bean
    @Order(RETRY_ORDER)
    public RetryInterceptor retryInterceptor(ResilienceProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new RetryInterceptor(properties.retry(), meters.getIfAvailable(), Clock.systemUTC());
    }
}

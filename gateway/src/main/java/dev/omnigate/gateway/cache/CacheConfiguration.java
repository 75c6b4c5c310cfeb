package dev.omnigate.gateway.cache;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.health.ConnectorHealthContributors;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the entity cache from {@code omnigate.cache.*} and, when {@code omnigate.redis.url} is set, its Redis L2 and
 * the health component {@code redis}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CacheProperties.class, RedisL2Properties.class})
public class CacheConfiguration {

    /** The Spring Boot property honoured when {@code omnigate.redis.url} is not set. */
    static final String SPRING_REDIS_URL = "spring.data.redis.url";

    /** True when {@code omnigate.redis.url} (or {@code spring.data.redis.url}) is set and the cache is not switched off. */
    static final class RedisConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return (hasText(environment.getProperty("omnigate.redis.url")) || hasText(environment.getProperty(SPRING_REDIS_URL)))
                    && environment.getProperty("omnigate.cache.enabled", Boolean.class, true);
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }
    }

    @Bean
    public EntityCache entityCache(CacheProperties properties, ObjectProvider<RedisL2> l2, ConnectorInvoker invoker,
            ObjectProvider<MeterRegistry> meters, Clock clock, OmnigateProperties omnigate) {
        return new EntityCache(properties, l2.getIfAvailable(), invoker, meters.getIfAvailable(), clock,
                omnigate.requestTimeout());
    }

    @Bean(destroyMethod = "close")
    @Conditional(RedisConfigured.class)
    public RedisL2 redisL2(RedisL2Properties properties, ObjectProvider<MeterRegistry> meters, Environment environment) {
        RedisL2Properties effective = properties.enabled() ? properties : new RedisL2Properties(environment.getProperty(SPRING_REDIS_URL),
                properties.commandTimeout(), properties.connectTimeout(), properties.reconnectMaxDelay(), properties.keyPrefix());
        return new RedisL2(effective, meters.getIfAvailable());
    }

    /**
     * Health component {@code redis}: {@code UP} while L2 answers, {@code DEGRADED} (HTTP 200, like a degraded account)
     * while Redis is unreachable or slower than the command timeout — requests are still answered from L1 and the
     * vendors, so an L2 outage is a warning, never a reason to take the gateway out of rotation.
     */
    @Bean
    @Conditional(RedisConfigured.class)
    public HealthIndicator redisHealthIndicator(RedisL2 l2) {
        return () -> health(l2.status());
    }

    static Health health(RedisL2.Status status) {
        Health.Builder builder = status.available() ? Health.up() : Health.status(ConnectorHealthContributors.DEGRADED);
        return builder.withDetail("message", status.message()).withDetails(status.details()).build();
    }
}

package dev.omnigate.gateway.events;

import dev.omnigate.gateway.cache.EntityCache;
import dev.omnigate.gateway.cache.RedisL2Properties;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires webhook ingress, the event log and change application from {@code omnigate.events.*}. With a Redis URL
 * ({@code omnigate.redis.url}, else {@code spring.data.redis.url}) the event log, delivery dedupe, poll cursors and poll
 * leases live in Redis and are shared by every instance on it (whether or not the entity cache is enabled); without
 * one everything stays in this instance's memory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventsProperties.class, RedisL2Properties.class})
public class EventsConfiguration {

    static final String SPRING_REDIS_URL = "spring.data.redis.url";

    /** True when {@code omnigate.redis.url} or {@code spring.data.redis.url} is set. */
    static final class RedisConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return hasText(environment.getProperty("omnigate.redis.url")) || hasText(environment.getProperty(SPRING_REDIS_URL));
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }
    }

    @Bean(destroyMethod = "close")
    @Conditional(RedisConfigured.class)
    public EventsRedis eventsRedis(RedisL2Properties properties, Environment environment) {
        RedisL2Properties effective = properties.enabled() ? properties : new RedisL2Properties(environment.getProperty(SPRING_REDIS_URL),
                properties.commandTimeout(), properties.connectTimeout(), properties.reconnectMaxDelay(), properties.keyPrefix());
        return new EventsRedis(effective);
    }

    @Bean(destroyMethod = "close")
    public EventLog eventLog(EventsProperties properties, Clock clock, ObjectProvider<EventsRedis> redis) {
        EventsRedis shared = redis.getIfAvailable();
        return shared != null ? new RedisEventLog(shared, properties.retention(), properties.dedupeTtl(),
                properties.redisMaxAge())
                : new InMemoryEventLog(properties.retention(), properties.dedupeTtl(), properties.dedupeMaxEntries(), clock);
    }

    @Bean
    public DeliveryDedupe deliveryDedupe(EventsProperties properties, ObjectProvider<EventsRedis> redis) {
        EventsRedis shared = redis.getIfAvailable();
        return shared != null ? new RedisDeliveryDedupe(shared, properties.dedupeTtl())
                : DeliveryDedupe.inMemory(properties.dedupeTtl(), properties.dedupeMaxEntries());
    }

    @Bean
    public LevelIndex levelIndex(EventsProperties properties) {
        return new LevelIndex(properties.dedupeMaxEntries());
    }

    @Bean
    public ChangeIngestor changeIngestor(EventLog log, EntityCache cache, LevelIndex levels, ConnectorAccounts accounts,
            ConnectorInvoker invoker, Clock clock) {
        return new ChangeIngestor(log, cache, levels, accounts, invoker, clock);
    }

    @Bean
    public PollCursors pollCursors(ObjectProvider<EventsRedis> redis) {
        EventsRedis shared = redis.getIfAvailable();
        return shared != null ? new RedisPollCursors(shared) : PollCursors.inMemory();
    }

    @Bean(destroyMethod = "close")
    public PollLeases pollLeases(EventsProperties properties, ObjectProvider<EventsRedis> redis) {
        EventsRedis shared = redis.getIfAvailable();
        return shared != null ? new RedisPollLeases(shared, properties.polling().leaseTtl()) : PollLeases.local();
    }

    @Bean
    public ChangePollers changePollers(ConnectorAccounts accounts, ConnectorInvoker invoker, ChangeIngestor ingestor, PollCursors cursors,
            PollLeases leases, EventsProperties properties, Clock clock) {
        return new ChangePollers(accounts, invoker, ingestor, cursors, leases, properties.polling(), clock);
    }
}

package dev.omnigate.gateway.audit;

import dev.omnigate.gateway.events.EventsRedis;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the PII audit trail to the sink {@code omnigate.audit.sink} names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean(destroyMethod = "close")
    public AuditSink auditSink(AuditProperties properties, ObjectProvider<EventsRedis> redis) {
        EventsRedis shared = redis.getIfAvailable();
        return switch (properties.sink()) {
            case AUTO -> shared != null ? new RedisStreamAuditSink(shared, properties.redisMaxLength()) : new FileAuditSink(properties.file());
            case FILE -> new FileAuditSink(properties.file());
            case LOG -> new LogAuditSink();
            case REDIS -> {
                if (shared == null) {
                    throw new IllegalStateException("omnigate.audit.sink=redis needs Redis: set omnigate.redis.url (or choose file or log)");
                }
                yield new RedisStreamAuditSink(shared, properties.redisMaxLength());
            }
        };
    }

    @Bean
    public PiiAuditTrail piiAuditTrail(AuditSink sink, MeterRegistry meters) {
        return new PiiAuditTrail(sink, meters);
    }
}

package dev.omnigate.gateway.events;

import dev.omnigate.gateway.cache.EntityCache;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires webhook ingress, the event log and change application from {@code omnigate.events.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsConfiguration {

    @Bean(destroyMethod = "close")
    public EventLog eventLog(EventsProperties properties, Clock clock) {
        return new InMemoryEventLog(properties.retention(), properties.dedupeTtl(), properties.dedupeMaxEntries(), clock);
    }

    @Bean
    public DeliveryDedupe deliveryDedupe(EventsProperties properties) {
        return new DeliveryDedupe(properties.dedupeTtl(), properties.dedupeMaxEntries());
    }

    @Bean
    public ChangeIngestor changeIngestor(EventLog log, EntityCache cache) {
        return new ChangeIngestor(log, cache);
    }
}

package dev.omnigate.gateway.events;

import dev.omnigate.gateway.cache.EntityCache;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorInvoker;
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
    public LevelIndex levelIndex(EventsProperties properties) {
        return new LevelIndex(properties.dedupeMaxEntries());
    }

    @Bean
    public ChangeIngestor changeIngestor(EventLog log, EntityCache cache, LevelIndex levels) {
        return new ChangeIngestor(log, cache, levels);
    }

    @Bean
    public PollCursors pollCursors() {
        return new PollCursors();
    }

    @Bean
    public ChangePollers changePollers(ConnectorAccounts accounts, ConnectorInvoker invoker, ChangeIngestor ingestor, PollCursors cursors,
            EventsProperties properties, Clock clock) {
        return new ChangePollers(accounts, invoker, ingestor, cursors, properties.polling(), clock);
    }
}

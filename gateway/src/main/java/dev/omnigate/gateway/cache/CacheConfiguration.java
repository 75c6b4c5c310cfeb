package dev.omnigate.gateway.cache;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the entity cache from {@code omnigate.cache.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
public class CacheConfiguration {

    @Bean
    public EntityCache entityCache(CacheProperties properties, ConnectorInvoker invoker, ObjectProvider<MeterRegistry> meters, Clock clock,
            OmnigateProperties omnigate) {
        return new EntityCache(properties, invoker, meters.getIfAvailable(), clock, omnigate.requestTimeout());
    }
}

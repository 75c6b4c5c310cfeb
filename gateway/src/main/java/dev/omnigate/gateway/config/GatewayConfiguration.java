package dev.omnigate.gateway.config;

import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorCallInterceptor;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.ConnectorRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the connector runtime: the plugin registry, the store sources, the live accounts and the invoker.
 *
 * <p>Extra {@link ConnectorFactory} beans (tests define fakes this way) join the ones found by
 * {@link java.util.ServiceLoader}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OmnigateProperties.class)
public class GatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ConnectorRegistry connectorRegistry(ObjectProvider<ConnectorFactory> extraFactories) {
        return ConnectorRegistry.discover(extraFactories.orderedStream().toList());
    }

    /** Store files; never read in sandbox mode, so demo and real accounts never run side by side. */
    @Bean
    @ConditionalOnProperty(name = "omnigate.sandbox.enabled", havingValue = "false", matchIfMissing = true)
    public YamlStoreConfigSource yamlStoreConfigSource(OmnigateProperties properties) {
        return new YamlStoreConfigSource(properties.storesDir());
    }

    @Bean(destroyMethod = "close")
    public ConnectorAccounts connectorAccounts(ConnectorRegistry registry, List<StoreConfigSource> sources, Environment environment,
            Clock clock) {
        return new StoreAccountsFactory(registry, environment, clock).create(sources);
    }

    @Bean(destroyMethod = "close")
    public ConnectorInvoker connectorInvoker(ObjectProvider<ConnectorCallInterceptor> interceptors,
            ObjectProvider<MeterRegistry> meters) {
        return new ConnectorInvoker(interceptors.orderedStream().toList(), meters.getIfAvailable());
    }
}

package dev.omnigate.gateway.sandbox;

import dev.omnigate.gateway.config.OmnigateProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the sandbox and its demo clients when {@code omnigate.sandbox.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "omnigate.sandbox.enabled", havingValue = "true")
public class SandboxConfiguration {

    @Bean(destroyMethod = "close")
    public SandboxStoreConfigSource sandboxStoreConfigSource(OmnigateProperties properties) {
        return new SandboxStoreConfigSource(properties.sandbox());
    }

    /** The documented demo clients (frontend, support, partner, admin). */
    @Bean
    public SandboxClients sandboxClients() {
        return new SandboxClients();
    }
}

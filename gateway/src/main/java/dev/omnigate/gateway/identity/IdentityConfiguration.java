package dev.omnigate.gateway.identity;

import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires identity resolution from {@code omnigate.identity.*}. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

    @Bean
    public IdentityNormalizer identityNormalizer(OmnigateProperties properties) {
        OmnigateProperties.Identity identity = properties.identity();
        try {
            return new IdentityNormalizer(identity.defaultRegion(), identity.roleLocalParts(), identity.blockedEmails(),
                    identity.blockedPhones());
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentitySettingsException(e);
        }
    }

    @Bean
    public Customer360Service customer360Service(ConnectorAccounts accounts, ConnectorInvoker invoker, IdentityNormalizer normalizer,
            OmnigateProperties properties) {
        return new Customer360Service(accounts, invoker, normalizer, properties.identity().expansionRounds(),
                properties.identity().searchLimit());
    }
}

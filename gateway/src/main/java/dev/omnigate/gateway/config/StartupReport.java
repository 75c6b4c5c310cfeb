package dev.omnigate.gateway.config;

import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at startup, in a few INFO lines, what the gateway is serving: the mode (sandbox or stores), where the
 * stores came from, each account with its connector and capabilities, and the GraphiQL URL. No secrets:
 * account config values are never printed.
 */
@Component
public class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final ConnectorAccounts accounts;
    private final List<StoreConfigSource> sources;
    private final OmnigateProperties properties;
    private final Environment environment;

    public StartupReport(ConnectorAccounts accounts, List<StoreConfigSource> sources, OmnigateProperties properties, Environment environment) {
        this.accounts = accounts;
        this.sources = sources;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        LOG.info("Omnigate mode: {}", properties.sandbox().enabled()
                ? "SANDBOX (simulated vendors on loopback; store '" + properties.sandbox().store() + "')"
                : "STORES (real vendor accounts)");
        sources.forEach(source -> LOG.info("store source: {}", source.describe()));
        if (accounts.isEmpty()) {
            LOG.warn("no connector accounts are configured: every query answers empty. Add config/stores/*.yml or enable the sandbox.");
        }
        for (ConnectorAccount account : accounts.all()) {
            LOG.info("account '{}' of store '{}': connector '{}' ({}), channel {}, capabilities {}", account.accountId(), account.storeId(),
                    account.connectorId(), account.descriptor().displayName(), account.channel(),
                    account.descriptor().capabilities().stream().map(Enum::name).sorted().toList());
        }
        String host = environment.getProperty("server.address", "127.0.0.1");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        LOG.info("GraphiQL: http://{}:{}/graphiql  (GraphQL endpoint http://{}:{}/graphql, WebSocket ws://{}:{}/graphql; request timeout {})",
                host, port, host, port, host, port, properties.requestTimeout());
    }
}

package dev.omnigate.gateway.config;

import dev.omnigate.gateway.audit.PiiAuditTrail;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.sandbox.SandboxClients;
import dev.omnigate.gateway.security.ClientDefinition;
import dev.omnigate.gateway.security.ClientRegistry;
import dev.omnigate.gateway.security.GatewayAuthenticationManager;
import dev.omnigate.gateway.security.Scope;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at startup, in a few INFO lines, what the gateway is serving: the mode (sandbox or stores) and why, where the
 * stores came from, each account with its connector and capabilities, who can get in (API clients, JWT issuer,
 * introspection and GraphiQL, the PII audit sink; the sandbox's public demo keys), and the URLs. No secrets: account
 * config values, key hashes and configured keys are never printed.
 */
@Component
public class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final ConnectorAccounts accounts;
    private final List<StoreConfigSource> sources;
    private final OmnigateProperties properties;
    private final Environment environment;
    private final ClientRegistry clients;
    private final GatewayAuthenticationManager authentication;
    private final PiiAuditTrail audit;
    private final ObjectProvider<SandboxClients> demoClients;

    public StartupReport(ConnectorAccounts accounts, List<StoreConfigSource> sources, OmnigateProperties properties, Environment environment,
            ClientRegistry clients, GatewayAuthenticationManager authentication, PiiAuditTrail audit, ObjectProvider<SandboxClients> demoClients) {
        this.accounts = accounts;
        this.sources = sources;
        this.properties = properties;
        this.environment = environment;
        this.clients = clients;
        this.authentication = authentication;
        this.audit = audit;
        this.demoClients = demoClients;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        LOG.info("Omnigate mode: {} ({})", properties.sandbox().enabled()
                ? "SANDBOX (simulated vendors on loopback; store '" + properties.sandbox().store() + "')"
                : "STORES (real vendor accounts)", environment.getProperty(ModeEnvironmentPostProcessor.REASON, "configured"));
        sources.forEach(source -> LOG.info("store source: {}", source.describe()));
        if (accounts.isEmpty()) {
            LOG.warn("no connector accounts are configured: every query answers empty. Add config/stores/*.yml or enable the sandbox.");
        }
        for (ConnectorAccount account : accounts.all()) {
            LOG.info("account '{}' of store '{}': connector '{}' ({}), channel {}, capabilities {}", account.accountId(), account.storeId(),
                    account.connectorId(), account.descriptor().displayName(), account.channel(),
                    account.descriptor().capabilities().stream().map(Enum::name).sorted().toList());
        }
        reportSecurity();
        String host = environment.getProperty("server.address", "127.0.0.1");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        if (environment.getProperty("omnigate.graphiql.enabled", Boolean.class, false)) {
            LOG.info("GraphiQL: http://{}:{}/graphiql  (GraphQL endpoint http://{}:{}/graphql, WebSocket ws://{}:{}/graphql; request timeout {})",
                    host, port, host, port, host, port, properties.requestTimeout());
        } else {
            LOG.info("GraphQL endpoint http://{}:{}/graphql, WebSocket ws://{}:{}/graphql (request timeout {}); GraphiQL is off "
                    + "(omnigate.graphiql.enabled)", host, port, host, port, properties.requestTimeout());
        }
    }

    /** Who can get in: clients, JWT issuer, what is open, where the audit trail goes, and the sandbox's demo keys. */
    private void reportSecurity() {
        List<ClientDefinition> all = clients.clients();
        long keys = all.stream().mapToLong(client -> client.apiKeys().size()).sum();
        LOG.info("clients: {} API client(s) with {} key(s) from {}", all.size(), keys, clients.describe());
        String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
        LOG.info("JWTs: {}", authentication.acceptsJwts() ? "accepted from " + issuer : "not accepted (no spring.security.oauth2.resourceserver.jwt.* issuer)");
        if (all.isEmpty() && !authentication.acceptsJwts()) {
            LOG.warn("no API client and no JWT issuer is configured: every GraphQL request will be refused with 401. Create a client "
                    + "(README, 'Clients and scopes') or connect an identity provider.");
        }
        LOG.info("introspection {}, GraphiQL {}; PII audit trail: {}",
                environment.getProperty("spring.graphql.schema.introspection.enabled", Boolean.class, true) ? "on" : "off",
                environment.getProperty("omnigate.graphiql.enabled", Boolean.class, false) ? "on" : "off", audit.describe());
        SandboxClients demo = demoClients.getIfAvailable();
        if (demo != null) {
            LOG.info("sandbox demo API keys (public, sandbox only; send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'):");
            for (SandboxClients.DemoClient client : demo.demo()) {
                LOG.info("  {}  {}  scopes {}{}", String.format("%-8s", client.role()), client.key(),
                        client.definition().scopes().stream().map(Scope::value).sorted().toList(),
                        client.definition().partner().isLimited() ? ", " + client.definition().partner() : "");
            }
        }
    }
}

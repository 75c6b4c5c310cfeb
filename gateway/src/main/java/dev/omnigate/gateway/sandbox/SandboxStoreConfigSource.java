package dev.omnigate.gateway.sandbox;

import dev.omnigate.gateway.config.AccountDefinition;
import dev.omnigate.gateway.config.OmnigateProperties;
import dev.omnigate.gateway.config.StoreConfigSource;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.shopify.ShopifySimulatorOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox mode: starts the vendor simulators (module {@code connector-simulator}) on loopback and offers
 * each {@link SimulatedAccount} as an account of the sandbox store (default {@code demo}). The accounts then
 * go through exactly the same validation and connector creation as accounts from store files, and the real
 * connectors talk to the simulators over HTTP.
 *
 * <p>Closed by the container after the connector accounts (which depend on it), so no connector outlives
 * its simulator.
 */
public final class SandboxStoreConfigSource implements StoreConfigSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxStoreConfigSource.class);

    private final Sandbox sandbox;
    private final String store;
    private final List<AccountDefinition> accounts;

    public SandboxStoreConfigSource(OmnigateProperties.Sandbox settings) {
        this.store = settings.store();
        SandboxOptions options = new SandboxOptions(settings.host(), settings.seed(), settings.ports(),
                ShopifySimulatorOptions.defaults().withBucket(settings.shopify().bucketSize(), settings.shopify().restoreRate()),
                SandboxFaults.fromProperties(settings.faults()), settings.vendorRateLimits());
        try {
            this.sandbox = Sandbox.start(options);
        } catch (RuntimeException e) {
            throw new SandboxStartException(e);
        }
        this.accounts = sandbox.accounts().stream().map(this::definition).toList();
        for (SimulatedAccount account : sandbox.accounts()) {
            LOG.info("sandbox: simulator for connector '{}' serves account '{}' at {}", account.connectorId(), account.accountId(),
                    account.baseUrl());
        }
    }

    private AccountDefinition definition(SimulatedAccount account) {
        Map<String, Object> config = new LinkedHashMap<>(account.connectorConfig());
        return new AccountDefinition("sandbox (" + account.baseUrl() + ")", store, account.accountId(), account.connectorId(), true,
                config, List.of());
    }

    /** The running sandbox (tests read its world and request counters). */
    public Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public List<AccountDefinition> accounts() {
        return accounts;
    }

    @Override
    public String describe() {
        return "sandbox store '" + store + "' (" + accounts.size() + " simulated account(s))";
    }

    @Override
    public void close() {
        sandbox.close();
    }
}

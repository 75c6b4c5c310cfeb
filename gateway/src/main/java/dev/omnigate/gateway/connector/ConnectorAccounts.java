package dev.omnigate.gateway.connector;

import dev.omnigate.connector.api.Capability;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every live connector account, by id. Owns the connector instances: {@link #close()} (called once by the
 * container at shutdown) closes each instance exactly once, after the gateway stopped routing calls.
 */
public final class ConnectorAccounts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorAccounts.class);

    private final Map<String, ConnectorAccount> byId;
    private final AtomicBoolean closed = new AtomicBoolean();

    public ConnectorAccounts(List<ConnectorAccount> accounts) {
        Map<String, ConnectorAccount> map = new LinkedHashMap<>();
        accounts.stream()
                .sorted(Comparator.comparing(ConnectorAccount::accountId))
                .forEach(account -> {
                    if (map.putIfAbsent(account.accountId(), account) != null) {
                        throw new IllegalArgumentException("account id '" + account.accountId() + "' is used twice");
                    }
                });
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    /** Every account, sorted by account id (the deterministic order of fan-outs and merges). */
    public List<ConnectorAccount> all() {
        return List.copyOf(byId.values());
    }

    public Optional<ConnectorAccount> find(String accountId) {
        return Optional.ofNullable(byId.get(accountId));
    }

    /** Accounts that declare the capability, sorted by account id. */
    public List<ConnectorAccount> with(Capability capability) {
        return byId.values().stream().filter(account -> account.supports(capability)).toList();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (ConnectorAccount account : byId.values()) {
            try {
                account.connector().close();
            } catch (RuntimeException e) {
                // close() must not throw per the SPI; one broken connector must not keep the others open
                LOG.warn("closing account {} ({}) failed: {}", account.accountId(), account.connectorId(), e.getClass().getSimpleName());
            }
        }
        LOG.info("closed {} connector account(s)", byId.size());
    }
}

package dev.omnigate.gateway.connector;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.ConnectorContext;
import java.time.Clock;

/**
 * What the gateway hands a connector when it creates one account's instance. Offers no host services yet
 * (connectors must work without them).
 *
 * @param accountId the account being created
 * @param clock the gateway's clock
 */
public record HostConnectorContext(String accountId, Clock clock) implements ConnectorContext {

    public HostConnectorContext {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(clock, "clock is null");
    }
}

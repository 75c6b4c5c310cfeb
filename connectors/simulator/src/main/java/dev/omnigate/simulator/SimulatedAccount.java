package dev.omnigate.simulator;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Map;

/**
 * One vendor account the sandbox serves, and how a real connector reaches it.
 *
 * @param connectorId the id of the connector that speaks this vendor's protocol, e.g. {@code shopify}
 * @param accountId the account id the sandbox suggests, e.g. {@code demo-shopify}
 * @param baseUrl where the simulator listens (loopback)
 * @param connectorConfig the raw connector configuration (keys of that connector's ConfigSpec) that
 *     points the real connector at this simulator, credentials included
 */
public record SimulatedAccount(String connectorId, String accountId, URI baseUrl, Map<String, String> connectorConfig) {

    public SimulatedAccount {
        requireNonNull(connectorId, "connectorId is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(baseUrl, "baseUrl is null");
        connectorConfig = Map.copyOf(connectorConfig);
    }
}

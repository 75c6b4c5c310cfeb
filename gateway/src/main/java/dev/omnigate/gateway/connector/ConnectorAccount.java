package dev.omnigate.gateway.connector;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.ConnectorDescriptor;
import dev.omnigate.connector.api.model.Channel;

/**
 * One live account: the connector instance created for it and what it is.
 *
 * @param storeId the store (brand) it belongs to
 * @param accountId unique over all stores
 * @param descriptor its connector's descriptor
 * @param connector the instance; call it only through {@link ConnectorInvoker}
 */
public record ConnectorAccount(String storeId, String accountId, ConnectorDescriptor descriptor, Connector connector) {

    public ConnectorAccount {
        requireNonNull(storeId, "storeId is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(descriptor, "descriptor is null");
        requireNonNull(connector, "connector is null");
    }

    public String connectorId() {
        return descriptor.id();
    }

    public Channel channel() {
        return descriptor.channel();
    }

    public boolean supports(Capability capability) {
        return descriptor.supports(capability);
    }

    @Override
    public String toString() {
        return "ConnectorAccount[" + storeId + "/" + accountId + " (" + descriptor.id() + ")]";
    }
}

package dev.omnigate.connector.testkit;

import dev.omnigate.connector.api.Capability;
import java.util.Optional;

/**
 * The connector calls the contract kit makes, one per reader method (plus the health probe). A
 * {@link VendorStubs} implementation is told which of them to make fail, and how.
 */
public enum ContractOperation {
    CUSTOMERS_BY_IDS(Capability.CUSTOMERS_READ),
    CUSTOMERS_SEARCH(Capability.CUSTOMERS_READ),
    ORDERS_BY_IDS(Capability.ORDERS_READ),
    ORDERS_SEARCH(Capability.ORDERS_READ),
    ORDERS_BY_CUSTOMER(Capability.ORDERS_BY_CUSTOMER),
    INVENTORY_BY_SKUS(Capability.INVENTORY_READ),
    PRICES_BY_SKUS(Capability.PRICES_READ),
    LOCATIONS_LIST(Capability.LOCATIONS_READ),
    TICKETS_BY_IDS(Capability.TICKETS_READ),
    TICKETS_BY_REQUESTER(Capability.TICKETS_READ),
    CHANGES_POLL(Capability.CHANGES_POLLING),
    /** {@link dev.omnigate.connector.api.Connector#checkHealth}; every connector has it. */
    HEALTH(null);

    private final Capability capability;

    ContractOperation(Capability capability) {
        this.capability = capability;
    }

    /** The capability that must be declared for this operation to exist; empty for {@link #HEALTH}. */
    public Optional<Capability> capability() {
        return Optional.ofNullable(capability);
    }
}

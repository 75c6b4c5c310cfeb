package dev.omnigate.connector.testkit.fake;

import dev.omnigate.connector.api.Capability;

/**
 * Every reader method a fake connector counts, with the capability it belongs to (used to inject
 * failures per capability).
 */
public enum FakeOperation {
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
    HEALTH(null);

    private final Capability capability;

    FakeOperation(Capability capability) {
        this.capability = capability;
    }

    /** The capability this operation serves; null for the health probe. */
    public Capability capability() {
        return capability;
    }
}

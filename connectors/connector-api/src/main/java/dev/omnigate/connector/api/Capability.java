package dev.omnigate.connector.api;

/**
 * What a connector can do. A connector declares its capabilities in its {@link ConnectorDescriptor};
 * the gateway checks at load time that every declared capability with an accessor on
 * {@link Connector} returns a present reader and every undeclared one returns empty.
 *
 * @since 1.0
 */
public enum Capability {
    /** {@link Connector#customers()}: customer lookups by id and search by email, phone or text. */
    CUSTOMERS_READ,
    /** {@link Connector#orders()}: order lookups by id and search by time window. */
    ORDERS_READ,
    /**
     * {@link dev.omnigate.connector.api.read.OrderReader#getByCustomerIds}: batched "orders of these
     * customers". Has no accessor of its own; without it that method refuses with {@code UNSUPPORTED}.
     */
    ORDERS_BY_CUSTOMER,
    /** {@link Connector#inventory()}: inventory levels per location by SKU. */
    INVENTORY_READ,
    /** {@link Connector#prices()}: this channel's listing price and compare-at price by SKU. */
    PRICES_READ,
    /** {@link Connector#locations()}: warehouses, stores and marketplace fulfilment centres. */
    LOCATIONS_READ,
    /** {@link Connector#tickets()}: support tickets by id and by requester. */
    TICKETS_READ,
    /** {@link Connector#webhooks()}: verifies and parses pushed vendor notifications. */
    CHANGES_WEBHOOK,
    /** {@link Connector#changePoller()}: pulls changes from a cursor for vendors without push. */
    CHANGES_POLLING
}

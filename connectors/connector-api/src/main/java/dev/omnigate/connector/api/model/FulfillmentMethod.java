package dev.omnigate.connector.api.model;

/**
 * How an order reaches the customer.
 *
 * @since 1.0
 */
public enum FulfillmentMethod {
    /** Shipped by the brand (or its 3PL) to an address. */
    SHIPPING,
    /** Bought online, picked up in a store. */
    PICKUP,
    /** Bought and taken in a store. */
    IN_STORE,
    /** Fulfilled by the marketplace (Amazon FBA, TikTok Fulfilled by TikTok). */
    MARKETPLACE_FULFILLED,
    /** Unknown or not yet decided. */
    UNKNOWN
}

package dev.omnigate.simulator.world;

/** How an order reaches the customer. */
public enum FulfillmentMethod {
    /** Shipped from a warehouse to an address. */
    SHIPPING,
    /** Bought online or at a till, collected at a store. */
    PICKUP,
    /** Bought and taken at a store's till. */
    IN_STORE,
    /** Fulfilled by the marketplace (Amazon FBA). */
    MARKETPLACE_FULFILLED
}

package dev.omnigate.simulator.world;

/** How much of an order has been shipped or handed over. */
public enum FulfillmentStatus {
    UNFULFILLED,
    PARTIALLY_FULFILLED,
    FULFILLED
}

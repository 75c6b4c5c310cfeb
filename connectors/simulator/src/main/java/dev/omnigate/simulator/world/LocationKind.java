package dev.omnigate.simulator.world;

/** What a stock location is. */
public enum LocationKind {
    /** A distribution centre of the brand: ships online orders, no walk-in customers. */
    WAREHOUSE,
    /** A shop customers visit; sells at the till and hands over pickup orders. */
    STORE,
    /** A marketplace's own fulfilment centre (Amazon FBA). */
    MARKETPLACE_FULFILLMENT
}

package dev.omnigate.connector.api.model;

/**
 * What kind of place holds stock.
 *
 * @since 1.0
 */
public enum LocationKind {
    /** A warehouse or distribution centre of the brand or its 3PL. */
    WAREHOUSE,
    /** A physical store customers can visit (and pick up from). */
    STORE,
    /** A marketplace's own fulfilment network (Amazon FBA, a TikTok warehouse). */
    MARKETPLACE_FULFILLMENT
}

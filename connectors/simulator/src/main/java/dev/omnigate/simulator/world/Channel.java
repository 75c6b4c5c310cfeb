package dev.omnigate.simulator.world;

/**
 * A sales or service channel on which a person or an order of the demo world appears. The names match
 * the connector SPI's {@code Channel} enum, so callers can map with {@code valueOf(name())}.
 */
public enum Channel {
    /** The brand's online store (served now by the Shopify simulator). */
    SHOPIFY,
    /** Amazon marketplace, orders fulfilled by Amazon (FBA). */
    AMAZON,
    /** TikTok Shop. */
    TIKTOK_SHOP,
    /** The tills in the brand's stores (Square-like point of sale). */
    POS,
    /** The support desk (Zendesk-like). */
    HELPDESK
}

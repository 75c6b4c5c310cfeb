package dev.omnigate.connector.api.model;

/**
 * The kind of sales or service channel a connector's data comes from.
 *
 * @since 1.0
 */
public enum Channel {
    /** The brand's own online store (Shopify). */
    SHOPIFY,
    /** Amazon marketplace (Selling Partner API). */
    AMAZON,
    /** TikTok Shop (social commerce). */
    TIKTOK_SHOP,
    /** The brand's physical stores (point of sale, e.g. Square). */
    POS,
    /** The support desk (e.g. Zendesk). */
    HELPDESK
}

package dev.omnigate.connector.api.model;

/**
 * What an email address is good for.
 *
 * @since 1.0
 */
public enum EmailKind {
    /** An address the customer gave the channel; usable as an identity key. */
    PERSONAL,
    /**
     * An anonymised marketplace relay (Amazon {@code @marketplace.amazon.com}, TikTok Shop relay):
     * never an identity key on its own; it links only orders and tickets of the same relay.
     */
    MARKETPLACE_RELAY
}

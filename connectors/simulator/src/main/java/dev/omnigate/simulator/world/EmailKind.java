package dev.omnigate.simulator.world;

/** Whether an e-mail address belongs to the person or is a marketplace's anonymising relay. */
public enum EmailKind {
    /** An address the person gave the channel. */
    PERSONAL,
    /** An Amazon or TikTok Shop relay address; it forwards to the person but never identifies them elsewhere. */
    MARKETPLACE_RELAY
}

package dev.omnigate.simulator.world;

/** Where an order's money stands. */
public enum FinancialStatus {
    /** Payment not captured yet (e.g. pay on pickup). */
    PENDING,
    /** Card authorised, not captured. */
    AUTHORIZED,
    /** Paid in full. */
    PAID,
    /** Some money returned. */
    PARTIALLY_REFUNDED,
    /** All money returned. */
    REFUNDED,
    /** Authorisation cancelled (cancelled before capture). */
    VOIDED
}

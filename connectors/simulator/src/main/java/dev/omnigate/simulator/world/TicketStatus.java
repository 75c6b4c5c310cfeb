package dev.omnigate.simulator.world;

/** Helpdesk ticket states (Zendesk's vocabulary). */
public enum TicketStatus {
    NEW,
    OPEN,
    PENDING,
    HOLD,
    SOLVED,
    CLOSED
}

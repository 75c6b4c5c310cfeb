package dev.omnigate.gateway.events;

/**
 * Which instance polls an account: at most one at a time across all gateway instances. Without Redis every instance
 * is alone and always holds every lease ({@link #local}). Thread-safe.
 */
public interface PollLeases extends AutoCloseable {

    /**
     * Takes the account's lease, or keeps it when this instance already holds it. False while another instance holds
     * it, and when the shared store cannot answer (better no poll than two at once).
     */
    boolean hold(String accountId);

    /** Gives up every lease this instance holds, so another instance takes over at once. Never throws. */
    @Override
    void close();

    static PollLeases local() {
        return new PollLeases() {
            @Override
            public boolean hold(String accountId) {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }
}

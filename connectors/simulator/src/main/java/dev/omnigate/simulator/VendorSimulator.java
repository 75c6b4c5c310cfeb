package dev.omnigate.simulator;

/**
 * One running vendor simulator of the {@link Sandbox}: an HTTP server on loopback serving the demo world in
 * one vendor's wire format, and the account a connector host needs to reach it.
 */
public interface VendorSimulator extends AutoCloseable {

    /** How a connector reaches this simulator: connector id, account id, base URL and connector config. */
    SimulatedAccount account();

    /** Stops the server; idempotent, never throws. */
    @Override
    void close();
}

package dev.omnigate.simulator;

import java.util.List;

/**
 * The running set of vendor simulators serving one demo data set over real HTTP on loopback.
 *
 * <p>API skeleton; the implementation lands with the simulator work.
 */
public final class Sandbox implements AutoCloseable {

    private Sandbox() {
    }

    /** Generates the demo data set and starts every vendor simulator. */
    public static Sandbox start(SandboxOptions options) {
        throw new UnsupportedOperationException("the sandbox simulators are not implemented yet");
    }

    /** One entry per running vendor simulator. */
    public List<SimulatedAccount> accounts() {
        return List.of();
    }

    /** Stops every simulator; idempotent. */
    @Override
    public void close() {
    }
}

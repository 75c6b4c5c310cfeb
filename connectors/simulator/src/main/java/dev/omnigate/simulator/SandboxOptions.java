package dev.omnigate.simulator;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * How to start the sandbox.
 *
 * @param host the loopback address to bind, normally {@code 127.0.0.1}
 * @param seed the demo data set's seed; the same seed gives the same data
 * @param ports fixed port per vendor simulator (key: connector id); absent or 0 picks a free port
 */
public record SandboxOptions(String host, long seed, Map<String, Integer> ports) {

    /** The seed of the documented demo data set. */
    public static final long DEFAULT_SEED = 20261127L;

    public SandboxOptions {
        requireNonNull(host, "host is null");
        ports = Map.copyOf(ports);
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions("127.0.0.1", DEFAULT_SEED, Map.of());
    }
}

package dev.omnigate.simulator;

import static java.util.Objects.requireNonNull;

import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultSettings;
import dev.omnigate.simulator.shopify.ShopifySimulatorOptions;
import java.util.Map;

/**
 * How to start the sandbox.
 *
 * @param host the loopback address to bind, normally {@code 127.0.0.1}
 * @param seed the demo data set's seed; the same seed gives the same data
 * @param ports fixed port per vendor simulator (key: connector id); absent or 0 picks a free port
 * @param shopify the Shopify simulator's limits (bucket size, restore rate, ...); Shopify's standard plan by default
 * @param faults the faults each simulator starts with (key: connector id, one of {@link FaultControls#VENDORS});
 *     changeable at run time through {@link Sandbox#faults()}. Their random draws are seeded with {@code seed}.
 * @param vendorRateLimits whether Amazon's usage plans and Zendesk's per-minute budget apply (true: the vendors'
 *     published limits); false lifts them, for load tests of the gateway itself (Shopify's bucket is {@code shopify})
 */
public record SandboxOptions(String host, long seed, Map<String, Integer> ports, ShopifySimulatorOptions shopify,
        Map<String, FaultSettings> faults, boolean vendorRateLimits) {

    /** The seed of the documented demo data set. */
    public static final long DEFAULT_SEED = 20261127L;

    public SandboxOptions {
        requireNonNull(host, "host is null");
        requireNonNull(shopify, "shopify is null");
        ports = Map.copyOf(ports);
        faults = Map.copyOf(faults);
        faults.keySet().forEach(FaultControls::requireVendor);
        ports.forEach((id, port) -> {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port for '" + id + "' must be within 0..65535, was " + port);
            }
        });
    }

    /** Options without faults. */
    public SandboxOptions(String host, long seed, Map<String, Integer> ports, ShopifySimulatorOptions shopify) {
        this(host, seed, ports, shopify, Map.of(), true);
    }

    /** Options with the Shopify simulator's default limits and no faults. */
    public SandboxOptions(String host, long seed, Map<String, Integer> ports) {
        this(host, seed, ports, ShopifySimulatorOptions.defaults());
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions("127.0.0.1", DEFAULT_SEED, Map.of());
    }

    public SandboxOptions withSeed(long newSeed) {
        return new SandboxOptions(host, newSeed, ports, shopify, faults, vendorRateLimits);
    }

    public SandboxOptions withPorts(Map<String, Integer> newPorts) {
        return new SandboxOptions(host, seed, newPorts, shopify, faults, vendorRateLimits);
    }

    public SandboxOptions withShopify(ShopifySimulatorOptions newShopify) {
        return new SandboxOptions(host, seed, ports, newShopify, faults, vendorRateLimits);
    }

    public SandboxOptions withFaults(Map<String, FaultSettings> newFaults) {
        return new SandboxOptions(host, seed, ports, shopify, newFaults, vendorRateLimits);
    }

    public SandboxOptions withVendorRateLimits(boolean enforced) {
        return new SandboxOptions(host, seed, ports, shopify, faults, enforced);
    }
}

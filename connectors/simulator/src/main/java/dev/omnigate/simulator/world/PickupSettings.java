package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a store hands over orders bought online.
 *
 * @param readyWithin how soon a pickup order is usually ready
 * @param instructions what the customer is told at checkout
 */
public record PickupSettings(Duration readyWithin, String instructions) {

    public PickupSettings {
        requireNonNull(readyWithin, "readyWithin is null");
        requireNonNull(instructions, "instructions is null");
    }
}

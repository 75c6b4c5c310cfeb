/**
 * Fault controls of the sandbox: per vendor simulator, added latency (fixed and random), an error rate with a status
 * (5xx or 429 in the vendor's error shape), connection resets, malformed bodies and "down". {@link
 * dev.omnigate.simulator.faults.FaultControls} holds the live settings (seeded, changeable at run time);
 * {@link dev.omnigate.simulator.faults.FaultingHandler} applies them in front of each simulator's HTTP handler.
 */
package dev.omnigate.simulator.faults;

package dev.omnigate.simulator.faults;

import static java.util.Objects.requireNonNull;

/**
 * A fault setting that cannot be applied: an unknown vendor, a rate outside 0..1, a negative latency, a status that
 * is neither 429 nor 5xx. {@link #field()} names the offending setting as the admin API spells it ({@code errorRate},
 * {@code vendor} ...), so callers can translate it to their own key syntax (e.g. a config property).
 */
public final class InvalidFaultException extends IllegalArgumentException {

    private final String field;

    public InvalidFaultException(String field, String problem) {
        super(requireNonNull(field, "field is null") + " " + requireNonNull(problem, "problem is null"));
        this.field = field;
    }

    /** The setting at fault, e.g. {@code errorRate}. */
    public String field() {
        return field;
    }
}

package dev.omnigate.gateway.graphql.error;

import dev.omnigate.gateway.connector.AccountFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * A data loader's answer for one key: the value (null when absent or unreadable) and the failures of the
 * accounts that should have contributed to it. Lets one key carry partial data and typed errors together.
 */
public record Fetched<T>(T value, List<AccountFailure> failures) {

    public Fetched {
        failures = List.copyOf(failures);
    }

    public static <T> Fetched<T> of(T value) {
        return new Fetched<>(value, List.of());
    }

    public static <T> Fetched<T> failed(AccountFailure failure) {
        return new Fetched<>(null, List.of(failure));
    }

    /** Every failure of several answers, without duplicates, in order. */
    public static List<AccountFailure> failuresOf(Iterable<? extends Fetched<?>> answers) {
        List<AccountFailure> all = new ArrayList<>();
        for (Fetched<?> answer : answers) {
            if (answer == null) {
                continue;
            }
            for (AccountFailure failure : answer.failures()) {
                if (!all.contains(failure)) {
                    all.add(failure);
                }
            }
        }
        return all;
    }
}

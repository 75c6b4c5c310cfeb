package dev.omnigate.gateway.connector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of asking several accounts the same thing: what each successful account answered, in account
 * order, and one failure per failed account. Never "all or nothing".
 *
 * @param values account id to answer, in the order the accounts were asked
 * @param failures failed accounts, in the same order
 */
public record AccountResults<T>(Map<String, T> values, List<AccountFailure> failures) {

    public AccountResults {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        failures = List.copyOf(failures);
    }

    public static <T> AccountResults<T> empty() {
        return new AccountResults<>(Map.of(), List.of());
    }

    /** The failures of this and other results, without duplicates. */
    public List<AccountFailure> failuresWith(List<AccountFailure> others) {
        List<AccountFailure> all = new ArrayList<>(failures);
        for (AccountFailure other : others) {
            if (!all.contains(other)) {
                all.add(other);
            }
        }
        return all;
    }
}

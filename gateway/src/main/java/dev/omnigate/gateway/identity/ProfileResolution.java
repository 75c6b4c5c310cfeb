package dev.omnigate.gateway.identity;

import dev.omnigate.gateway.connector.AccountFailure;
import java.util.List;

/**
 * The outcome of resolving a profile: the profile (null when nobody matched) and the accounts that could not
 * be searched (their records may be missing from the profile).
 */
public record ProfileResolution(CustomerProfile profile, List<AccountFailure> failures) {

    public ProfileResolution {
        failures = List.copyOf(failures);
    }
}

package dev.omnigate.gateway.identity;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Customer;
import java.util.Set;

/**
 * One channel record tied to a profile.
 *
 * @param customer the record
 * @param matchedBy which keys tie it to the profile
 * @param email its primary personal email, normalised; null when none
 * @param phone its primary unmasked phone in E.164; null when none
 * @param round the search round that found it (0: the request's own key or the named record)
 */
public record MatchedIdentity(Customer customer, Set<IdentityKey> matchedBy, String email, String phone, int round) {

    public MatchedIdentity {
        requireNonNull(customer, "customer is null");
        matchedBy = Set.copyOf(matchedBy);
    }

    public String accountId() {
        return customer.source().account();
    }

    public String nativeId() {
        return customer.source().nativeId();
    }
}

package dev.omnigate.gateway.identity;

import java.util.List;

/**
 * One person across channels.
 *
 * @param identities the merged records, the request's own matches first; never empty
 * @param ambiguous records that share a key but were not merged because their account already contributes
 *     a record
 * @param emails normalised personal emails of the merged records, the request's first
 * @param phones E.164 phones of the merged records, the request's first
 */
public record CustomerProfile(List<MatchedIdentity> identities, List<MatchedIdentity> ambiguous, List<String> emails,
        List<String> phones) {

    public CustomerProfile {
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("a profile has at least one identity");
        }
        identities = List.copyOf(identities);
        ambiguous = List.copyOf(ambiguous);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
    }

    /** The first identity: its record's id is the profile's id. */
    public MatchedIdentity primary() {
        return identities.getFirst();
    }

    /** The first identity's display name that is not null. */
    public String displayName() {
        return identities.stream().map(identity -> identity.customer().displayName())
                .filter(name -> name != null && !name.isBlank())
                .findFirst().orElse(null);
    }
}

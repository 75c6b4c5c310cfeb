package dev.omnigate.gateway.graphql.customer;

import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.identity.CustomerProfile;
import dev.omnigate.gateway.identity.IdentityKey;
import dev.omnigate.gateway.identity.MatchedIdentity;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import java.util.List;

/**
 * The GraphQL {@code Customer360}: a resolved profile; {@code orders}, {@code tickets} and {@code metrics} are
 * resolved lazily from {@link #profile()} by {@link Customer360DataFetcher}.
 */
public record Customer360View(String id, String displayName, List<String> emails, List<String> phones, List<Identity> identities,
        List<Identity> ambiguousIdentities, CustomerProfile profile) {

    /** The GraphQL {@code CustomerIdentity}. */
    public record Identity(Customer customer, SourceRef source, String email, String phone, String name, List<IdentityKey> matchedBy) {

        static Identity of(MatchedIdentity matched) {
            return new Identity(matched.customer(), matched.customer().source(), matched.email(), matched.phone(),
                    matched.customer().displayName(), matched.matchedBy().stream().sorted().toList());
        }
    }

    public static Customer360View of(CustomerProfile profile) {
        return new Customer360View(GlobalId.encode(GlobalIdType.Customer, profile.primary().customer().source()), profile.displayName(),
                profile.emails(), profile.phones(), profile.identities().stream().map(Identity::of).toList(),
                profile.ambiguous().stream().map(Identity::of).toList(), profile);
    }
}

package dev.omnigate.gateway.security.graphql;

import dev.omnigate.gateway.security.Scope;
import java.util.List;
import java.util.Set;

/**
 * One {@code @requiresScopes(scopes: [[...], ...])}: satisfied when the client holds every scope of at least one inner
 * list (Apollo Federation's semantics).
 *
 * @param anyOf the alternatives, each a set of scopes needed together
 * @param on where the directive sits, e.g. {@code type Customer} or {@code Query.orders}, for error messages
 */
public record ScopeRequirement(List<Set<Scope>> anyOf, String on) {

    public ScopeRequirement {
        anyOf = anyOf.stream().map(Set::copyOf).toList();
    }

    /** Whether a client with these scopes may read. */
    public boolean satisfiedBy(Set<Scope> scopes) {
        for (Set<Scope> alternative : anyOf) {
            if (scopes.containsAll(alternative)) {
                return true;
            }
        }
        return false;
    }

    /** The alternatives as scope names, for {@code extensions.requiredScopes}. */
    public List<List<String>> names() {
        return anyOf.stream().map(set -> set.stream().map(Scope::value).sorted().toList()).toList();
    }

    /** {@code customers:read} or {@code (orders:read and customers:read) or admin}. */
    public String describe() {
        List<String> alternatives = anyOf.stream().map(set -> {
            List<String> names = set.stream().map(Scope::value).sorted().toList();
            return names.size() == 1 ? names.getFirst() : "(" + String.join(" and ", names) + ")";
        }).toList();
        return String.join(" or ", alternatives);
    }
}

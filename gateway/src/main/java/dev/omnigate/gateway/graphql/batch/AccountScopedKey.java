package dev.omnigate.gateway.graphql.batch;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.ids.GlobalId;

/**
 * A data loader key: a native id within one account. Loaders group keys by {@link #account()} and call each
 * account's reader once per batch.
 *
 * @param account the account id
 * @param nativeId the vendor's id within it
 */
public record AccountScopedKey(String account, String nativeId) {

    public AccountScopedKey {
        requireNonNull(account, "account is null");
        requireNonNull(nativeId, "nativeId is null");
    }

    public static AccountScopedKey of(GlobalId id) {
        return new AccountScopedKey(id.account(), id.nativeId());
    }

    public static AccountScopedKey of(SourceRef source) {
        return new AccountScopedKey(source.account(), source.nativeId());
    }
}

package dev.omnigate.gateway.graphql.admin;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import dev.omnigate.gateway.cache.CacheKind;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;

/**
 * {@code invalidateCache(kind:, account:, id:)} ({@code admin}): drops entity cache entries here, in Redis L2 and, over
 * the broadcast, in every other instance. Arguments are checked before anything is dropped.
 */
@DgsComponent
public class CacheInvalidationDataFetcher {

    /** The GraphQL {@code CacheInvalidation}. */
    public record CacheInvalidation(String scope, long entriesLeft) {
    }

    private final GraphQlSupport support;

    public CacheInvalidationDataFetcher(GraphQlSupport support) {
        this.support = support;
    }

    @DgsMutation
    public CacheInvalidation invalidateCache(@InputArgument String kind, @InputArgument String account, @InputArgument String id) {
        if (id != null && (kind == null || account == null)) {
            throw new BadRequestException("'id' needs 'kind' and 'account': an id means something only within one account and kind");
        }
        if (id != null && (id.isBlank() || id.length() > 1024)) {
            throw new BadRequestException("'id' must be 1 to 1024 characters");
        }
        CacheKind cacheKind = kind == null ? null : CacheKind.valueOf(kind);
        String scope;
        if (account == null) {
            if (cacheKind == null) {
                support.cache().invalidateAll();
                scope = "every entry";
            } else {
                support.accounts().all().forEach(each -> support.cache().invalidateKind(each.accountId(), cacheKind));
                scope = "every " + cacheKind + " entry";
            }
        } else {
            ConnectorAccount known = support.accounts().find(account).orElseThrow(() -> new BadRequestException("'account' names no "
                    + "configured account (the channels query lists them)"));
            if (cacheKind == null) {
                support.cache().invalidateAccount(known.accountId());
                scope = "every entry of account " + known.accountId();
            } else if (id == null) {
                support.cache().invalidateKind(known.accountId(), cacheKind);
                scope = "every " + cacheKind + " entry of account " + known.accountId();
            } else {
                support.cache().invalidate(known.accountId(), cacheKind, id);
                scope = "the " + cacheKind + " entries of " + id + " in account " + known.accountId();
            }
        }
        return new CacheInvalidation(scope, support.cache().size());
    }
}

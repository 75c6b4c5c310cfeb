package dev.omnigate.gateway.graphql.customer;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.read.CustomerReader;
import dev.omnigate.gateway.graphql.batch.AccountBatches;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.Fetched;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Loads channel customer records by (account, native id).
 *
 * <p><b>Why a data loader.</b> A page of 50 orders asks for 50 {@code Order.customer} fields. Resolving each
 * on its own would make 50 vendor calls (the "N+1" problem). Instead each field only registers its key here;
 * when graphql-java has collected every key of that level of the query, it calls {@link #load} once with all
 * of them. The batch function groups the keys by account and calls each account's
 * {@link CustomerReader#getByIds} once per {@code maxBatchSize} ids, so 50 orders from two shops cost two
 * upstream calls. Keys asked for twice in one request are loaded once (per-request caching).
 */
@DgsDataLoader(name = CustomerDataLoader.NAME)
public class CustomerDataLoader implements MappedBatchLoaderWithContext<AccountScopedKey, Fetched<Customer>> {

    public static final String NAME = "customers";

    private final GraphQlSupport support;

    public CustomerDataLoader(GraphQlSupport support) {
        this.support = support;
    }

    @Override
    public CompletionStage<Map<AccountScopedKey, Fetched<Customer>>> load(Set<AccountScopedKey> keys, BatchLoaderEnvironment environment) {
        return AccountBatches.load(keys, support, support.scope(environment), "customers.getByIds",
                account -> account.connector().customers(), CustomerReader::maxBatchSize, CustomerReader::getByIds);
    }
}

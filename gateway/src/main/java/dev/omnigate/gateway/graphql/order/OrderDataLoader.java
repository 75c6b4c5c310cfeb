package dev.omnigate.gateway.graphql.order;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.OrderReader;
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
 * Loads orders by (account, native id), for {@code order(id:)} and {@code node(id:)}.
 *
 * <p><b>Why a data loader.</b> A client may ask for many orders by id in one request (aliases, or
 * {@code node} fields of a list). Every field registers its key; graphql-java then calls {@link #load} once
 * per query level, which asks each account's {@link OrderReader#getByIds} once per {@code maxBatchSize} ids.
 */
@DgsDataLoader(name = OrderDataLoader.NAME)
public class OrderDataLoader implements MappedBatchLoaderWithContext<AccountScopedKey, Fetched<Order>> {

    public static final String NAME = "orders";

    private final GraphQlSupport support;

    public OrderDataLoader(GraphQlSupport support) {
        this.support = support;
    }

    @Override
    public CompletionStage<Map<AccountScopedKey, Fetched<Order>>> load(Set<AccountScopedKey> keys, BatchLoaderEnvironment environment) {
        return AccountBatches.load(keys, support, support.scope(environment), "orders.getByIds",
                account -> account.connector().orders(), OrderReader::maxBatchSize, OrderReader::getByIds);
    }
}

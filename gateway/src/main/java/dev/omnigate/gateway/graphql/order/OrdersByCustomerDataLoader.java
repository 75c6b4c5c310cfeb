package dev.omnigate.gateway.graphql.order;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.gateway.graphql.batch.AccountBatches;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import dev.omnigate.gateway.graphql.batch.GraphQlSupport;
import dev.omnigate.gateway.graphql.error.Fetched;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Loads every order of customers, by (account, native customer id), through
 * {@link OrderReader#getByCustomerIds} ({@code ORDERS_BY_CUSTOMER}).
 *
 * <p><b>Why a data loader.</b> A customer-360 profile merges several channel records, and its {@code orders}
 * and {@code metrics} fields both need the orders of all of them. Each field registers the profile's keys; the
 * loader deduplicates them and, once per query level, asks each account once per {@code maxBatchSize}
 * customers. N customers of one account therefore cost ceil(N / maxBatchSize) upstream calls, however many
 * fields ask.
 */
@DgsDataLoader(name = OrdersByCustomerDataLoader.NAME)
public class OrdersByCustomerDataLoader implements MappedBatchLoaderWithContext<AccountScopedKey, Fetched<List<Order>>> {

    public static final String NAME = "ordersByCustomer";

    private final GraphQlSupport support;

    public OrdersByCustomerDataLoader(GraphQlSupport support) {
        this.support = support;
    }

    @Override
    public CompletionStage<Map<AccountScopedKey, Fetched<List<Order>>>> load(Set<AccountScopedKey> keys,
            BatchLoaderEnvironment environment) {
        return AccountBatches.load(keys, support, support.scope(environment), "orders.getByCustomerIds",
                account -> account.supports(Capability.ORDERS_BY_CUSTOMER) ? account.connector().orders() : Optional.<OrderReader>empty(),
                OrderReader::maxBatchSize, OrderReader::getByCustomerIds);
    }
}

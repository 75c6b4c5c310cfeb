package dev.omnigate.connector.api.read;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.model.Order;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads orders of one account. Obtained from {@link dev.omnigate.connector.api.Connector#orders()}.
 *
 * @since 1.0
 */
public interface OrderReader extends BatchReader {

    /**
     * Looks up orders by native id, one vendor call per {@link #maxBatchSize()} ids. Missing ids are
     * absent from the result, never an error.
     */
    Map<String, Order> getByIds(CallContext context, Set<String> ids);

    /** Searches orders, newest first. An empty page means no match. */
    Page<Order> search(CallContext context, OrderQuery query, PageRequest page);

    /**
     * Every order of each of the given customers, newest first, fetched for all of them together (one
     * vendor call per {@link #maxBatchSize()} customers when their orders fit one vendor page; the
     * reader follows further pages itself within the context's deadline).
     *
     * <p>Customers without orders map to an empty list; unknown customer ids are absent. Available
     * only when the descriptor declares {@link Capability#ORDERS_BY_CUSTOMER}; otherwise refuses with
     * {@link ConnectorException#unsupported(Capability)}.
     */
    default Map<String, List<Order>> getByCustomerIds(CallContext context, Set<String> customerIds) {
        throw ConnectorException.unsupported(Capability.ORDERS_BY_CUSTOMER);
    }
}

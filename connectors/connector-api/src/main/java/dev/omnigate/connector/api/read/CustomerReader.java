package dev.omnigate.connector.api.read;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Customer;
import java.util.Map;
import java.util.Set;

/**
 * Reads customers of one account. Obtained from {@link dev.omnigate.connector.api.Connector#customers()}.
 *
 * @since 1.0
 */
public interface CustomerReader extends BatchReader {

    /**
     * Looks up customers by native id in as few vendor calls as the vendor allows (one per
     * {@link #maxBatchSize()} ids).
     *
     * <p>Called by the host's data loaders on a virtual thread with at most {@link #maxBatchSize()}
     * ids. Ids that do not exist (or that are malformed for this vendor) are <em>absent</em> from the
     * result; that is never an error. Throws {@link dev.omnigate.connector.api.error.ConnectorException}
     * only when the vendor call itself fails.
     *
     * @return native id to customer, only for ids that exist
     */
    Map<String, Customer> getByIds(CallContext context, Set<String> ids);

    /**
     * Searches customers. Email and phone searches match exactly (after the vendor's own
     * normalisation); an empty page is the answer for "nobody", not an error.
     */
    Page<Customer> search(CallContext context, CustomerQuery query, PageRequest page);
}

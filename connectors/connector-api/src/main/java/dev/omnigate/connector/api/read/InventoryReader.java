package dev.omnigate.connector.api.read;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.InventoryLevel;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads stock of one account. Obtained from {@link dev.omnigate.connector.api.Connector#inventory()}.
 *
 * @since 1.0
 */
public interface InventoryReader extends BatchReader {

    /**
     * Inventory levels at every location of this account for each SKU, one vendor call per
     * {@link #maxBatchSize()} SKUs where the vendor allows. SKUs this account does not stock are
     * absent; a stocked SKU with no levels maps to an empty list.
     */
    Map<String, List<InventoryLevel>> getBySkus(CallContext context, Set<String> skus);
}

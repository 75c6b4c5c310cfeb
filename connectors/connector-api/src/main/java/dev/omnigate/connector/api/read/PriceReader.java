package dev.omnigate.connector.api.read;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Price;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads this channel's selling prices. Obtained from {@link dev.omnigate.connector.api.Connector#prices()}.
 *
 * @since 1.0
 */
public interface PriceReader extends BatchReader {

    /**
     * This account's prices for each SKU (usually one; several when the account sells the SKU in
     * several listings or marketplaces). SKUs the account does not list are absent.
     */
    Map<String, List<Price>> getBySkus(CallContext context, Set<String> skus);
}

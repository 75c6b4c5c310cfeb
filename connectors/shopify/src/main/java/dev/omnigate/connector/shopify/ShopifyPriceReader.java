package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.shopify.mapping.ShopifyPriceMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Prices by SKU: each variant's {@code price} and {@code compareAtPrice} in the shop currency. The
 * currency ({@code shop { currencyCode }}) is read once per connector, inside the first price query
 * (so it costs no extra call), and cached; a shop's currency does not change under a running connector.
 */
final class ShopifyPriceReader implements PriceReader {

    /** SKUs per call: a variant as selected costs 2 points. */
    static final int MAX_BATCH = 50;

    private final ShopifyClient client;
    private final ShopifyPriceMapper mapper;
    private final AtomicReference<String> shopCurrency = new AtomicReference<>();

    ShopifyPriceReader(ShopifyClient client, ShopifyPriceMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public Map<String, List<Price>> getBySkus(CallContext context, Set<String> skus) {
        return ShopifyConnections.bySkus(context, ShopifyQueries.PRICES_BY_SKUS, skus, MAX_BATCH,
                variables -> productVariants(context, variables),
                (variant, sku) -> List.of(mapper.toPrice(variant, shopCurrency.get())));
    }

    /** One page of variants; the first query of this connector also reads the shop currency. */
    private JsonNode productVariants(CallContext context, Map<String, Object> variables) {
        boolean needsCurrency = shopCurrency.get() == null;
        ShopifyQueries.Document document = needsCurrency ? ShopifyQueries.PRICES_BY_SKUS_WITH_SHOP : ShopifyQueries.PRICES_BY_SKUS;
        JsonNode data = client.execute(context, document, variables).data();
        if (needsCurrency) {
            String currency = ShopifyJson.string(data.path("shop"), "currencyCode");
            if (currency == null) {
                throw ShopifyJson.malformed("Shop", "lacks currencyCode");
            }
            shopCurrency.compareAndSet(null, currency);
        }
        return data.path("productVariants");
    }
}

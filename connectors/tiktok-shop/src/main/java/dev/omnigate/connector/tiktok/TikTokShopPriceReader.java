package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.tiktok.mapping.TikTokShopProductMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sale prices by seller SKU through the products search (see {@link TikTokShopProducts}); one call per batch. */
final class TikTokShopPriceReader implements PriceReader {

    private final TikTokShopProducts products;
    private final TikTokShopProductMapper mapper;

    TikTokShopPriceReader(TikTokShopProducts products, TikTokShopProductMapper mapper) {
        this.products = products;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return TikTokShopProducts.MAX_SKUS;
    }

    @Override
    public Map<String, List<Price>> getBySkus(CallContext context, Set<String> skus) {
        Map<String, List<Price>> found = new LinkedHashMap<>();
        products.forEachSku(context, "tiktok-shop prices.bySkus", skus, (product, sku) -> {
            Price price = mapper.toPrice(product, sku);
            if (price != null) {
                found.computeIfAbsent(price.sku(), k -> new ArrayList<>()).add(price);
            }
        });
        Map<String, List<Price>> result = new LinkedHashMap<>();
        found.forEach((sku, prices) -> result.put(sku, List.copyOf(prices)));
        return result;
    }
}

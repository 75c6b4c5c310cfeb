package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.tiktok.mapping.TikTokShopProductMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stock per warehouse by seller SKU through the products search (see {@link TikTokShopProducts} for why not the
 * inventory search); one call per batch. A listed SKU without stock entries maps to an empty list.
 */
final class TikTokShopInventoryReader implements InventoryReader {

    private final TikTokShopProducts products;
    private final TikTokShopProductMapper mapper;

    TikTokShopInventoryReader(TikTokShopProducts products, TikTokShopProductMapper mapper) {
        this.products = products;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return TikTokShopProducts.MAX_SKUS;
    }

    @Override
    public Map<String, List<InventoryLevel>> getBySkus(CallContext context, Set<String> skus) {
        Map<String, List<InventoryLevel>> found = new LinkedHashMap<>();
        products.forEachSku(context, "tiktok-shop inventory.bySkus", skus, (product, sku) ->
                found.computeIfAbsent(TikTokShopProductMapper.sellerSku(sku), k -> new ArrayList<>()).addAll(mapper.toLevels(sku)));
        Map<String, List<InventoryLevel>> result = new LinkedHashMap<>();
        found.forEach((sku, levels) -> result.put(sku, List.copyOf(levels)));
        return result;
    }
}

package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.tiktok.mapping.TikTokShopProductMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Looks SKUs up by seller SKU: one {@code POST /product/202309/products/search?page_size=N} with body
 * {@code {"seller_skus": [...]}} per batch of at most {@value #MAX_SKUS} SKUs ({@code ProductSearchProductsRequest.json}).
 * Every product in the answer holds at least one requested SKU, so a page of {@value #MAX_SKUS} products holds them
 * all: one call per batch. Only SKU entries whose seller SKU equals a requested one are used.
 *
 * <p>Why not {@code POST /product/202309/inventory/search} for stock: it takes only TikTok product and SKU ids
 * ({@code ProductGetInventoriesRequest.json}), so a lookup by seller SKU would cost a products search first: two calls
 * per batch. The products search already carries each SKU's stock per warehouse.
 */
final class TikTokShopProducts {

    static final int MAX_SKUS = 50;
    static final String SEARCH_PATH = "/product/202309/products/search";

    private final TikTokShopClient client;

    TikTokShopProducts(TikTokShopClient client) {
        this.client = client;
    }

    /** Calls {@code each(product, sku)} for every SKU entry of {@code skus} found, one call per batch. */
    void forEachSku(CallContext context, String operation, Set<String> skus, BiConsumer<JsonNode, JsonNode> each) {
        List<String> wanted = skus.stream().filter(sku -> sku != null && !sku.isBlank()).distinct().toList();
        for (int from = 0; from < wanted.size(); from += MAX_SKUS) {
            List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + MAX_SKUS));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("seller_skus", new ArrayList<>(batch));
            JsonNode data = client.post(context, operation, SEARCH_PATH, Map.of("page_size", String.valueOf(MAX_SKUS)), body);
            for (JsonNode product : data.path("products")) {
                for (JsonNode sku : product.path("skus")) {
                    String sellerSku = TikTokShopProductMapper.sellerSku(sku);
                    if (sellerSku != null && batch.contains(sellerSku)) {
                        each.accept(product, sku);
                    }
                }
            }
        }
    }
}

package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.shopify.mapping.ShopifyPriceMapper;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final int MAX_PAGES = 100;

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
        List<String> wanted = skus.stream().filter(sku -> sku != null && !sku.isBlank()).toList();
        Map<String, List<Price>> result = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(wanted, MAX_BATCH)) {
            result.putAll(bySkus(context, batch));
        }
        return result;
    }

    private Map<String, List<Price>> bySkus(CallContext context, List<String> wanted) {
        Set<String> skus = Set.copyOf(wanted);
        String search = ShopifySearch.anyOf("sku", wanted);
        List<JsonNode> variants = Paging.collectAll(context, "shopify " + ShopifyQueries.PRICES_BY_SKUS.operationName(),
                MAX_PAGES, cursor -> {
                    boolean needsCurrency = shopCurrency.get() == null;
                    ShopifyQueries.Document document = needsCurrency ? ShopifyQueries.PRICES_BY_SKUS_WITH_SHOP
                            : ShopifyQueries.PRICES_BY_SKUS;
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("first", MAX_BATCH);
                    variables.put("after", cursor);
                    variables.put("query", search);
                    JsonNode data = client.execute(context, document, variables).data();
                    if (needsCurrency) {
                        String currency = ShopifyJson.string(data.path("shop"), "currencyCode");
                        if (currency == null) {
                            throw ShopifyJson.malformed("Shop", "lacks currencyCode");
                        }
                        shopCurrency.compareAndSet(null, currency);
                    }
                    JsonNode connection = data.path("productVariants");
                    return new Page<>(ShopifyJson.nodes(connection),
                            ShopifyJson.hasNextPage(connection) ? ShopifyJson.endCursor(connection) : null);
                });
        Map<String, List<Price>> bySku = new LinkedHashMap<>();
        for (JsonNode variant : variants) {
            String sku = ShopifyJson.string(variant, "sku");
            if (sku != null && skus.contains(sku)) {
                bySku.computeIfAbsent(sku, key -> new ArrayList<>()).add(mapper.toPrice(variant, shopCurrency.get()));
            }
        }
        Map<String, List<Price>> result = new LinkedHashMap<>();
        bySku.forEach((sku, prices) -> result.put(sku, List.copyOf(prices)));
        return result;
    }
}

package dev.omnigate.connector.amazon;

import dev.omnigate.connector.amazon.mapping.AmazonPriceMapper;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.toolkit.json.Json;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Our own offer prices through Listings Items 2021-08-01 {@code searchListingsItems} (listingsItems_2021-08-01.json):
 * {@code identifiersType=SKU} with up to 20 SKUs (the documented maximum of {@code identifiers}, and of
 * {@code pageSize}), {@code includedData=summaries,offers,fulfillmentAvailability}, all configured marketplaces in one
 * call. One call per batch; SKUs without a listing (or without a standard B2C offer) are absent. Product Pricing is
 * not used: it reports competitive and featured offers, not the seller's own listing price, which is what this
 * reader returns.
 */
final class AmazonPriceReader implements PriceReader {

    static final int MAX_SKUS = 20;
    private static final int MAX_PAGES = 20;

    private final AmazonClient client;
    private final AmazonPriceMapper mapper;
    private final AmazonConfig config;

    AmazonPriceReader(AmazonClient client, AmazonPriceMapper mapper, AmazonConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.config = config;
    }

    @Override
    public int maxBatchSize() {
        return MAX_SKUS;
    }

    @Override
    public Map<String, List<Price>> getBySkus(CallContext context, Set<String> skus) {
        List<String> asked = skus.stream().filter(sku -> sku != null && !sku.isBlank() && sku.indexOf(',') < 0).toList();
        Map<String, List<Price>> found = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            return found;
        }
        String operation = "amazon searchListingsItems";
        List<JsonNode> items = Paging.collectAll(context, operation, MAX_PAGES, token -> {
            HttpUrl.Builder url = client.url().addPathSegments("listings/2021-08-01/items").addPathSegment(config.sellerId())
                    .addQueryParameter("marketplaceIds", String.join(",", config.marketplaceIds()))
                    .addQueryParameter("identifiers", String.join(",", asked))
                    .addQueryParameter("identifiersType", "SKU")
                    .addQueryParameter("includedData", "summaries,offers,fulfillmentAvailability")
                    .addQueryParameter("pageSize", Integer.toString(MAX_SKUS));
            if (token != null) {
                url.addQueryParameter("pageToken", token);
            }
            JsonNode body = client.get(context, AmazonOperation.SEARCH_LISTINGS_ITEMS, url.build());
            JsonNode list = body.path("items");
            if (!list.isArray()) {
                throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, operation + ": answer lacks an 'items' array");
            }
            List<JsonNode> page = new ArrayList<>();
            list.forEach(page::add);
            String next = Json.text(body.path("pagination").path("nextToken"));
            return new Page<>(page, next == null || next.isBlank() ? null : next);
        });
        for (JsonNode item : items) {
            String sku = Json.text(item.path("sku"));
            if (sku == null || !skus.contains(sku)) {
                continue;
            }
            List<Price> prices = mapper.map(item, config.marketplaceIds());
            if (!prices.isEmpty()) {
                found.computeIfAbsent(sku, key -> new ArrayList<>()).addAll(prices);
            }
        }
        return found;
    }
}

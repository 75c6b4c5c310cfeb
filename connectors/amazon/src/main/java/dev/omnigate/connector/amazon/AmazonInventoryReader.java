package dev.omnigate.connector.amazon;

import dev.omnigate.connector.amazon.mapping.AmazonInventoryMapper;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.toolkit.json.Json;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * FBA inventory through {@code getInventorySummaries} (fbaInventory.json): up to 50 seller SKUs per call (the
 * documented maximum), {@code details=true}, one call per configured marketplace ({@code marketplaceIds} takes one),
 * following {@code pagination.nextToken}. With one marketplace a batch of SKUs costs one call. SKUs Amazon does not
 * stock in any configured marketplace are absent. Also serves the poller's "changed since" read.
 */
final class AmazonInventoryReader implements InventoryReader {

    static final String SUMMARIES_PATH = "fba/inventory/v1/summaries";
    static final int MAX_SKUS = 50;
    private static final int MAX_PAGES = 100;

    private final AmazonClient client;
    private final AmazonInventoryMapper mapper;
    private final AmazonConfig config;

    AmazonInventoryReader(AmazonClient client, AmazonInventoryMapper mapper, AmazonConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.config = config;
    }

    @Override
    public int maxBatchSize() {
        return MAX_SKUS;
    }

    @Override
    public Map<String, List<InventoryLevel>> getBySkus(CallContext context, Set<String> skus) {
        Map<String, List<InventoryLevel>> found = new LinkedHashMap<>();
        // a comma inside a SKU would split the csv list: such SKUs cannot be asked for in a batch
        List<String> asked = skus.stream().filter(sku -> sku != null && !sku.isBlank() && sku.indexOf(',') < 0).toList();
        if (asked.isEmpty()) {
            return found;
        }
        for (String marketplaceId : config.marketplaceIds()) {
            for (InventoryLevel level : read(context, marketplaceId, asked, null)) {
                if (skus.contains(level.sku())) {
                    found.computeIfAbsent(level.sku(), sku -> new ArrayList<>()).add(level);
                }
            }
        }
        return found;
    }

    /** Every summary of one marketplace, for the given SKUs or (with {@code changedSince}) changed since then. */
    List<InventoryLevel> read(CallContext context, String marketplaceId, List<String> skus, Instant changedSince) {
        String operation = "amazon getInventorySummaries";
        return Paging.collectAll(context, operation, MAX_PAGES, token -> {
            HttpUrl.Builder url = client.url().addPathSegments(SUMMARIES_PATH)
                    .addQueryParameter("details", "true")
                    .addQueryParameter("granularityType", "Marketplace")
                    .addQueryParameter("granularityId", marketplaceId)
                    .addQueryParameter("marketplaceIds", marketplaceId);
            if (changedSince != null) {
                url.addQueryParameter("startDateTime", changedSince.toString());
            } else {
                url.addQueryParameter("sellerSkus", String.join(",", skus));
            }
            if (token != null) {
                url.addQueryParameter("nextToken", token);
            }
            JsonNode body = client.get(context, AmazonOperation.GET_INVENTORY_SUMMARIES, url.build());
            JsonNode summaries = body.path("payload").path("inventorySummaries");
            if (!summaries.isArray()) {
                throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, operation + ": answer lacks payload.inventorySummaries");
            }
            List<InventoryLevel> levels = new ArrayList<>();
            for (JsonNode summary : summaries) {
                InventoryLevel level = mapper.fromSummary(summary, marketplaceId);
                if (level != null) {
                    levels.add(level);
                }
            }
            String next = Json.text(body.path("pagination").path("nextToken"));
            return new Page<>(levels, next == null || next.isBlank() ? null : next);
        });
    }
}

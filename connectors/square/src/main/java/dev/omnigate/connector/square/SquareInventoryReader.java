package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.square.mapping.CatalogVariation;
import dev.omnigate.connector.square.mapping.SquareInventoryMapper;
import dev.omnigate.connector.square.mapping.SquareJson;
import dev.omnigate.connector.toolkit.paging.Batches;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Stock per location from {@code POST /v2/inventory/counts/batch-retrieve} ({@code catalog_object_ids} of the SKUs'
 * item variations, every location, following {@code cursor}).
 *
 * <p>Square keys inventory by catalog variation id, not SKU, so a batch first resolves its SKUs through
 * {@link SquareCatalog} (one catalog search, skipped for SKUs resolved within {@code catalog-cache-ttl}): a cold
 * batch costs two calls, a warm one a single counts call, and a batch of only unknown SKUs just the catalog search.
 * SKUs not in the catalog are absent; a SKU whose variations have no counts maps to an empty list. A 200 may carry
 * per-item {@code errors} next to the counts: the counts are served and the errors reported as described in
 * {@link PartialResults}.
 */
final class SquareInventoryReader implements InventoryReader {

    private static final int MAX_PAGES = 100;
    /** Counts per page ({@code BatchRetrieveInventoryCountsRequest.limit}; Square's maximum is 1000). */
    static final int MAX_COUNTS_PAGE = 1000;

    private final SquareClient client;
    private final SquareCatalog catalog;
    private final SquareInventoryMapper mapper;

    SquareInventoryReader(SquareClient client, SquareCatalog catalog, SquareInventoryMapper mapper) {
        this.client = client;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return SquareCatalog.MAX_SKUS;
    }

    @Override
    public Map<String, List<InventoryLevel>> getBySkus(CallContext context, Set<String> skus) {
        Map<String, List<CatalogVariation>> variations = catalog.resolve(context, skus);
        if (variations.isEmpty()) {
            return Map.of();
        }
        Set<String> variationIds = new LinkedHashSet<>();
        variations.values().forEach(list -> list.forEach(variation -> variationIds.add(variation.id())));
        String operation = "square inventory.batchRetrieveCounts";
        PartialResults partial = new PartialResults(operation, context);
        Map<String, List<JsonNode>> countsByVariation = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(variationIds, SquareCatalog.MAX_SKUS)) {
            List<JsonNode> counts = Paging.collectAll(context, operation, MAX_PAGES, cursor -> {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("catalog_object_ids", batch);
                request.put("limit", MAX_COUNTS_PAGE);
                if (cursor != null) {
                    request.put("cursor", cursor);
                }
                SquareClient.Answer answer = client.post(context, "inventory.batchRetrieveCounts",
                        "/v2/inventory/counts/batch-retrieve", request);
                answer.errors().forEach(error -> partial.itemError(null, error));
                List<JsonNode> page = new ArrayList<>();
                answer.body().path("counts").forEach(page::add);
                return new dev.omnigate.connector.api.read.Page<>(page, SquareJson.string(answer.body(), "cursor"));
            });
            for (JsonNode count : counts) {
                String variationId = SquareJson.string(count, "catalog_object_id");
                if (variationId != null) {
                    countsByVariation.computeIfAbsent(variationId, key -> new ArrayList<>()).add(count);
                }
            }
        }
        Map<String, List<InventoryLevel>> result = new LinkedHashMap<>();
        variations.forEach((sku, list) -> {
            List<InventoryLevel> levels = new ArrayList<>();
            for (CatalogVariation variation : list) {
                List<JsonNode> counts = countsByVariation.getOrDefault(variation.id(), List.of());
                partial.map(sku, () -> mapper.toLevels(sku, variation.id(), counts)).ifPresent(levels::addAll);
            }
            result.put(sku, List.copyOf(levels));
        });
        partial.finish();
        return result;
    }
}

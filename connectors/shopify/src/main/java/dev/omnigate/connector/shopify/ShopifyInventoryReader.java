package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.shopify.mapping.ShopifyInventoryMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Inventory by SKU: {@code productVariants(query: "sku:\"A\" OR sku:\"B\"")} → each variant's inventory
 * item → its inventory levels with the quantities {@code available}, {@code committed}, {@code on_hand}
 * and {@code incoming}. Only variants whose SKU equals a requested one exactly are used (Shopify's search
 * may match more loosely); several variants with the same SKU contribute all their levels.
 *
 * <p>Cost: a variant with {@value ShopifyQueries#LEVELS_PER_ITEM} levels costs about 65 points, so one
 * call covers {@value #MAX_BATCH} SKUs; items stocked at more locations get the rest in follow-up calls.
 */
final class ShopifyInventoryReader implements InventoryReader {

    static final int MAX_BATCH = 10;
    private static final int MAX_PAGES = 100;

    private final ShopifyClient client;
    private final ShopifyInventoryMapper mapper;

    ShopifyInventoryReader(ShopifyClient client, ShopifyInventoryMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public Map<String, List<InventoryLevel>> getBySkus(CallContext context, Set<String> skus) {
        List<String> wanted = skus.stream().filter(sku -> sku != null && !sku.isBlank()).toList();
        Map<String, List<InventoryLevel>> result = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(wanted, MAX_BATCH)) {
            result.putAll(bySkus(context, batch));
        }
        return result;
    }

    private Map<String, List<InventoryLevel>> bySkus(CallContext context, List<String> wanted) {
        Set<String> skus = Set.copyOf(wanted);
        String search = ShopifySearch.anyOf("sku", wanted);
        List<JsonNode> variants = Paging.collectAll(context, "shopify " + ShopifyQueries.INVENTORY_BY_SKUS.operationName(),
                MAX_PAGES, cursor -> {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("first", MAX_BATCH);
                    variables.put("after", cursor);
                    variables.put("query", search);
                    JsonNode connection = client.execute(context, ShopifyQueries.INVENTORY_BY_SKUS, variables).data()
                            .path("productVariants");
                    return new Page<>(ShopifyJson.nodes(connection),
                            ShopifyJson.hasNextPage(connection) ? ShopifyJson.endCursor(connection) : null);
                });
        Map<String, List<InventoryLevel>> bySku = new LinkedHashMap<>();
        for (JsonNode variant : variants) {
            String sku = ShopifyJson.string(variant, "sku");
            if (sku == null || !skus.contains(sku)) {
                continue;
            }
            List<InventoryLevel> levels = bySku.computeIfAbsent(sku, key -> new ArrayList<>());
            for (JsonNode level : levels(context, variant.path("inventoryItem"))) {
                levels.add(mapper.toLevel(level, sku));
            }
        }
        Map<String, List<InventoryLevel>> result = new LinkedHashMap<>();
        bySku.forEach((sku, levels) -> result.put(sku, List.copyOf(levels)));
        return result;
    }

    /** The item's levels, following further pages when it is stocked at many locations. */
    private List<JsonNode> levels(CallContext context, JsonNode item) {
        JsonNode connection = item.path("inventoryLevels");
        List<JsonNode> levels = new ArrayList<>(ShopifyJson.nodes(connection));
        if (!ShopifyJson.hasNextPage(connection)) {
            return levels;
        }
        String gid = ShopifyJson.string(item, "id");
        String first = ShopifyJson.endCursor(connection);
        levels.addAll(Paging.collectAll(context, "shopify " + ShopifyQueries.INVENTORY_LEVELS.operationName(), MAX_PAGES,
                cursor -> {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("ids", List.of(gid));
                    variables.put("after", cursor == null ? first : cursor);
                    JsonNode nodes = client.execute(context, ShopifyQueries.INVENTORY_LEVELS, variables).data().path("nodes");
                    JsonNode more = nodes.isArray() && !nodes.isEmpty() ? nodes.get(0).path("inventoryLevels") : null;
                    return new Page<>(ShopifyJson.nodes(more), ShopifyJson.hasNextPage(more) ? ShopifyJson.endCursor(more) : null);
                }));
        return levels;
    }
}

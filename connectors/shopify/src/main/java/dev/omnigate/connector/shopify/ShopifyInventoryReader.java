package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.read.InventoryReader;
import dev.omnigate.connector.shopify.mapping.ShopifyInventoryMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import java.util.ArrayList;
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
        return ShopifyConnections.bySkus(context, ShopifyQueries.INVENTORY_BY_SKUS, skus, MAX_BATCH,
                variables -> client.execute(context, ShopifyQueries.INVENTORY_BY_SKUS, variables).data().path("productVariants"),
                (variant, sku) -> levels(context, variant.path("inventoryItem")).stream().map(level -> mapper.toLevel(level, sku))
                        .toList());
    }

    /** The item's levels, following further pages when it is stocked at many locations. */
    private List<JsonNode> levels(CallContext context, JsonNode item) {
        JsonNode connection = item.path("inventoryLevels");
        List<JsonNode> levels = new ArrayList<>(ShopifyJson.nodes(connection));
        if (ShopifyJson.hasNextPage(connection)) {
            levels.addAll(ShopifyConnections.restOfNested(client, context, ShopifyQueries.INVENTORY_LEVELS,
                    ShopifyJson.string(item, "id"), "inventoryLevels", ShopifyJson.endCursor(connection)));
        }
        return levels;
    }
}

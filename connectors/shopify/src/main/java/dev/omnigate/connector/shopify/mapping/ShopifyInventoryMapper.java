package dev.omnigate.connector.shopify.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Shopify {@code InventoryLevel} → SPI {@link InventoryLevel}. Pure; thread-safe.
 *
 * <p>Quantities come from {@code quantities(names: [...])}: {@code on_hand}, {@code committed},
 * {@code available}, {@code incoming}; a name Shopify did not return counts as 0. The level's native id
 * is the tail of its global id ({@code 106318430514?inventory_item_id=53204673823026}, location and item).
 */
public final class ShopifyInventoryMapper {

    /** The quantity names the connector asks for. */
    public static final List<String> QUANTITY_NAMES = List.of("available", "committed", "on_hand", "incoming");

    private final SourceRefs refs;

    public ShopifyInventoryMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /**
     * @param level an {@code InventoryLevel} object
     * @param sku the SKU of the inventory item the level belongs to
     * @throws dev.omnigate.connector.api.error.ConnectorException BAD_RESPONSE when id or location is missing
     */
    public InventoryLevel toLevel(JsonNode level, String sku) {
        String what = ShopifyJson.label("InventoryLevel", level);
        String id = ShopifyIds.tail(Json.text(level.get("id"))).orElseThrow(() -> ShopifyJson.malformed(what, "lacks id"));
        String locationId = ShopifyIds.legacyId(level.get("location"))
                .orElseThrow(() -> ShopifyJson.malformed(what, "lacks location"));
        return new InventoryLevel(refs.of(id), sku, locationId,
                quantity(level, "on_hand"), quantity(level, "committed"), quantity(level, "available"),
                quantity(level, "incoming"), ShopifyJson.instant(level, "updatedAt", what));
    }

    /** The quantity with this name, 0 when absent. */
    public static long quantity(JsonNode level, String name) {
        JsonNode quantities = level.get("quantities");
        if (quantities != null && quantities.isArray()) {
            for (JsonNode quantity : quantities) {
                if (name.equals(Json.text(quantity.get("name")))) {
                    return ShopifyJson.number(quantity, "quantity", 0);
                }
            }
        }
        return 0;
    }
}

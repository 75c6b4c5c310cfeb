package dev.omnigate.connector.square.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Square catalog objects ({@code SearchCatalogObjectsResponse}) → {@link CatalogVariation}s and {@link Price}s.
 *
 * <p>Accepts both shapes Square answers with: {@code ITEM_VARIATION} objects (with their parent {@code ITEM}s in
 * {@code related_objects} when {@code include_related_objects} was set) and {@code ITEM} objects that nest their
 * variations in {@code item_data.variations}. Deleted objects are skipped. The price is the variation's
 * {@code price_money} in the seller's currency; a variation with variable pricing (no {@code price_money}) has no
 * price. Per-location price overrides ({@code location_overrides}) are not reported: the SPI's {@link Price} has no
 * location. Square has no compare-at price.
 */
public final class SquareCatalogMapper {

    private final SourceRefs refs;

    public SquareCatalogMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /** Every live item variation in the answer, in answer order, each once. */
    public static List<CatalogVariation> variations(JsonNode body) {
        Map<String, String> itemNames = new HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        body.path("objects").forEach(all::add);
        body.path("related_objects").forEach(all::add);
        for (JsonNode object : all) {
            if ("ITEM".equals(SquareJson.string(object, "type")) && SquareJson.string(object, "id") != null) {
                String name = SquareJson.string(object.path("item_data"), "name");
                if (name != null) {
                    itemNames.put(SquareJson.string(object, "id"), name);
                }
            }
        }
        Map<String, CatalogVariation> variations = new LinkedHashMap<>();
        for (JsonNode object : body.path("objects")) {
            String type = SquareJson.string(object, "type");
            if ("ITEM_VARIATION".equals(type)) {
                add(variations, object, itemNames);
            } else if ("ITEM".equals(type) && !object.path("is_deleted").asBoolean(false)) {
                object.path("item_data").path("variations").forEach(variation -> add(variations, variation, itemNames));
            }
        }
        return List.copyOf(variations.values());
    }

    private static void add(Map<String, CatalogVariation> variations, JsonNode object, Map<String, String> itemNames) {
        String id = SquareJson.string(object, "id");
        JsonNode data = object.path("item_variation_data");
        if (id == null || object.path("is_deleted").asBoolean(false) || !data.isObject()) {
            return;
        }
        String itemId = SquareJson.string(data, "item_id");
        variations.putIfAbsent(id, new CatalogVariation(id, SquareJson.string(data, "sku"),
                itemId == null ? null : itemNames.get(itemId), SquareJson.string(data, "name"), data));
    }

    /** The variation's fixed price, or null for variable pricing. */
    public Price toPrice(CatalogVariation variation) {
        Money price = SquareJson.money(variation.data(), "price_money", "square item variation " + variation.id());
        if (price == null || variation.sku() == null) {
            return null;
        }
        return new Price(refs.of(variation.id()), variation.sku(), variation.title(), price, null);
    }
}

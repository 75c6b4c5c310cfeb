package dev.omnigate.connector.square.mapping;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;

/**
 * A Square catalog item variation as the price and inventory readers need it.
 *
 * @param id the variation's catalog object id (what inventory counts and order lines refer to)
 * @param sku the variation's SKU, or null
 * @param itemName the parent item's name, or null when Square did not send the item
 * @param variationName the variation's own name (e.g. "Regular", "M"), or null
 * @param data the {@code item_variation_data} object
 */
public record CatalogVariation(String id, String sku, String itemName, String variationName, JsonNode data) {

    public CatalogVariation {
        requireNonNull(id, "id is null");
        requireNonNull(data, "data is null");
    }

    /** "Item (Variation)", or whichever of the two is known. */
    public String title() {
        if (itemName == null) {
            return variationName;
        }
        return variationName == null ? itemName : itemName + " (" + variationName + ")";
    }
}

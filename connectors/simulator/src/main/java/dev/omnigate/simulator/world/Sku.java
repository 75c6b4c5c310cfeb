package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * One sellable variant of a product.
 *
 * @param sku the stock keeping unit, e.g. {@code OO-SDJ-GLA-M}
 * @param productKey the owning {@link Product#key()}
 * @param title the variant title, e.g. "Glacier / M"; "Default Title" for single-variant products
 * @param optionValues the option values in {@link Product#optionNames()} order
 * @param position 1-based position within the product
 * @param price the selling price in the brand's currency (exact, two decimals)
 * @param compareAtPrice the struck-through "was" price, or null when not on sale
 * @param barcode a UPC-A barcode
 */
public record Sku(String sku, String productKey, String title, List<String> optionValues, int position,
        BigDecimal price, BigDecimal compareAtPrice, String barcode) {

    public Sku {
        requireNonNull(sku, "sku is null");
        requireNonNull(productKey, "productKey is null");
        requireNonNull(title, "title is null");
        requireNonNull(price, "price is null");
        optionValues = List.copyOf(optionValues);
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive for " + sku + ", was " + price);
        }
    }
}

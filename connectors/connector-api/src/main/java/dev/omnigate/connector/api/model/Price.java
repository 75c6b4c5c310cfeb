package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

/**
 * What one channel sells a SKU for.
 *
 * @param source where this record lives ({@code nativeId}: the vendor's variant, listing or offer id)
 * @param sku seller SKU
 * @param title the title the channel lists the SKU under; nullable
 * @param price current selling price
 * @param compareAtPrice the "was" price shown struck through; nullable
 * @since 1.0
 */
public record Price(SourceRef source, String sku, String title, Money price, Money compareAtPrice) {

    public Price {
        requireNonNull(source, "source is null");
        requireNonNull(sku, "sku is null");
        requireNonNull(price, "price is null");
    }
}

package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.ShopifyJson.string;
import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.toolkit.SourceRefs;
import tools.jackson.databind.JsonNode;

/**
 * Shopify {@code ProductVariant} → SPI {@link Price}. Pure; thread-safe.
 *
 * <p>{@code price} and {@code compareAtPrice} are {@code Money} scalars (decimal strings without a
 * currency): the shop's currency applies. The title is the variant's {@code displayName}, else
 * "product title - variant title", or the product title alone for Shopify's "Default Title" variant.
 */
public final class ShopifyPriceMapper {

    private static final String DEFAULT_VARIANT_TITLE = "Default Title";

    private final SourceRefs refs;

    public ShopifyPriceMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /**
     * @param variant a {@code ProductVariant} object with a SKU
     * @param shopCurrency the shop's ISO 4217 currency ({@code shop.currencyCode})
     * @throws dev.omnigate.connector.api.error.ConnectorException BAD_RESPONSE when id, sku or price is missing
     */
    public Price toPrice(JsonNode variant, String shopCurrency) {
        String what = ShopifyJson.label("ProductVariant", variant);
        String id = ShopifyIds.legacyId(variant).orElseThrow(() -> ShopifyJson.malformed(what, "lacks id"));
        String sku = string(variant, "sku");
        if (sku == null) {
            throw ShopifyJson.malformed(what, "has no SKU");
        }
        String price = string(variant, "price");
        if (price == null) {
            throw ShopifyJson.malformed(what, "lacks price");
        }
        String compareAt = string(variant, "compareAtPrice");
        try {
            return new Price(refs.of(id), sku, title(variant), Money.of(price, shopCurrency),
                    compareAt == null ? null : Money.of(compareAt, shopCurrency));
        } catch (IllegalArgumentException e) {
            throw ShopifyJson.malformed(what, e.getMessage());
        }
    }

    static String title(JsonNode variant) {
        String displayName = string(variant, "displayName");
        if (displayName != null) {
            return displayName;
        }
        String product = string(variant.path("product"), "title");
        String title = string(variant, "title");
        if (product == null) {
            return title;
        }
        return title == null || DEFAULT_VARIANT_TITLE.equals(title) ? product : product + " - " + title;
    }
}

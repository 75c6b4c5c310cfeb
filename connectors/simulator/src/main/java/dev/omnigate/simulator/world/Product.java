package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A catalogue product; each sellable variant is a {@link Sku}.
 *
 * @param key the world's stable key (the SKU prefix, e.g. {@code OO-SDJ})
 * @param title the product title
 * @param handle URL handle
 * @param productType e.g. "Jackets"
 * @param optionNames the variant option names in order, e.g. ["Color", "Size"]; empty for single-variant products
 * @param tags merchandising tags
 * @param createdAt when the product was created
 * @param skus the variants' SKUs in position order
 */
public record Product(String key, String title, String handle, String productType, List<String> optionNames,
        List<String> tags, Instant createdAt, List<String> skus) {

    public Product {
        requireNonNull(key, "key is null");
        requireNonNull(title, "title is null");
        requireNonNull(handle, "handle is null");
        requireNonNull(productType, "productType is null");
        requireNonNull(createdAt, "createdAt is null");
        optionNames = List.copyOf(optionNames);
        tags = List.copyOf(tags);
        skus = List.copyOf(skus);
    }
}

package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.PriceReader;
import dev.omnigate.connector.square.mapping.CatalogVariation;
import dev.omnigate.connector.square.mapping.SquareCatalogMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices from catalog item variations ({@code price_money}), one catalog search per {@value SquareCatalog#MAX_SKUS}
 * SKUs, always fresh (the gateway owns caching of data). A SKU whose variations all use variable pricing is absent;
 * an unknown currency leaves that variation out as described in {@link PartialResults}.
 */
final class SquarePriceReader implements PriceReader {

    private final SquareCatalog catalog;
    private final SquareCatalogMapper mapper;

    SquarePriceReader(SquareCatalog catalog, SquareCatalogMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @Override
    public int maxBatchSize() {
        return SquareCatalog.MAX_SKUS;
    }

    @Override
    public Map<String, List<Price>> getBySkus(CallContext context, Set<String> skus) {
        Map<String, List<Price>> result = new LinkedHashMap<>();
        PartialResults partial = new PartialResults("square prices.bySkus", context);
        catalog.search(context, skus).forEach((sku, variations) -> {
            List<Price> prices = new ArrayList<>();
            for (CatalogVariation variation : variations) {
                partial.map(sku, () -> mapper.toPrice(variation)).ifPresent(prices::add);
            }
            if (!prices.isEmpty()) {
                result.put(sku, List.copyOf(prices));
            }
        });
        partial.finish();
        return result;
    }
}

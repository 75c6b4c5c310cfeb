package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.square.mapping.CatalogVariation;
import dev.omnigate.connector.square.mapping.SquareCatalogMapper;
import dev.omnigate.connector.square.mapping.SquareJson;
import dev.omnigate.connector.toolkit.paging.Batches;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Resolves SKUs to catalog item variations: {@code POST /v2/catalog/search} with {@code object_types:
 * [ITEM_VARIATION]}, a {@code set_query} on the {@code sku} attribute (at most 250 values per query) and
 * {@code include_related_objects} (for the parent item's name), following {@code cursor}.
 *
 * <p>Square matches SKUs case-insensitively; only variations whose SKU equals the requested one exactly are kept,
 * so {@code abc} and {@code ABC} stay two SKUs. A SKU may name several variations (Square does not enforce unique
 * SKUs). Resolutions (variation ids and titles, never prices or stock) are kept for {@code catalog-cache-ttl}, so
 * the inventory reader skips the catalog call for SKUs seen recently by either reader. Thread-safe.
 */
final class SquareCatalog {

    /** SKUs per catalog search ({@code CatalogQuerySet.attribute_values}: at most 250). */
    static final int MAX_SKUS = 100;
    private static final int MAX_PAGES = 50;

    private record Entry(List<CatalogVariation> variations, Instant resolvedAt) {
    }

    private final SquareClient client;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    SquareCatalog(SquareClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** SKU → its variations, fresh from Square (and remembered); SKUs without a variation are absent. */
    Map<String, List<CatalogVariation>> search(CallContext context, Set<String> skus) {
        Map<String, List<CatalogVariation>> found = new LinkedHashMap<>();
        List<String> wanted = skus.stream().filter(sku -> sku != null && !sku.isBlank()).toList();
        for (List<String> batch : Batches.of(wanted, MAX_SKUS)) {
            Map<String, Object> query = Map.of("set_query", Map.of("attribute_name", "sku", "attribute_values", batch));
            List<CatalogVariation> variations = Paging.collectAll(context, "square catalog.search", MAX_PAGES, cursor -> {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("object_types", List.of("ITEM_VARIATION"));
                request.put("include_related_objects", true);
                request.put("query", query);
                request.put("limit", 1000);
                if (cursor != null) {
                    request.put("cursor", cursor);
                }
                JsonNode body = client.post(context, "catalog.search", "/v2/catalog/search", request)
                        .requireNoErrors("square catalog.search");
                return new dev.omnigate.connector.api.read.Page<>(SquareCatalogMapper.variations(body),
                        SquareJson.string(body, "cursor"));
            });
            Instant now = clock.instant();
            for (String sku : batch) {
                List<CatalogVariation> matching = variations.stream().filter(v -> sku.equals(v.sku())).toList();
                if (!matching.isEmpty()) {
                    found.put(sku, matching);
                }
                if (!ttl.isZero()) {
                    cache.put(sku, new Entry(matching, now));
                }
            }
        }
        return found;
    }

    /** Like {@link #search}, but SKUs resolved within the TTL come from memory (no call when all do). */
    Map<String, List<CatalogVariation>> resolve(CallContext context, Set<String> skus) {
        Map<String, List<CatalogVariation>> result = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Instant now = clock.instant();
        for (String sku : skus) {
            Entry entry = cache.get(sku);
            if (entry != null && !ttl.isZero() && entry.resolvedAt().plus(ttl).isAfter(now)) {
                if (!entry.variations().isEmpty()) {
                    result.put(sku, entry.variations());
                }
            } else {
                unknown.add(sku);
            }
        }
        if (!unknown.isEmpty()) {
            result.putAll(search(context, new java.util.LinkedHashSet<>(unknown)));
        }
        return result;
    }
}

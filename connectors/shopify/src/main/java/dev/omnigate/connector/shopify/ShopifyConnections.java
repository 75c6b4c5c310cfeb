package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.shopify.mapping.ShopifyIds;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.toolkit.paging.Batches;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL plumbing the Shopify readers share: pages of a connection, every page of a connection
 * within the deadline, lookups through {@code nodes(ids:)}, per-SKU lookups through
 * {@code productVariants(query:)}, and the rest of a nested connection (an order's lines, an item's levels).
 * Each method sends exactly the requests its javadoc names, in that order; the readers own the documents,
 * batch sizes and mapping.
 */
final class ShopifyConnections {

    /** Guard against endless paging (see {@link Paging#collectAll}). */
    static final int MAX_PAGES = 100;

    private ShopifyConnections() {
    }

    /** One page of a connection: its nodes, mapped, and its end cursor when Shopify says there is a next page. */
    static <T> Page<T> page(JsonNode connection, Function<JsonNode, T> map) {
        return new Page<>(ShopifyJson.nodes(connection).stream().map(map).toList(),
                ShopifyJson.hasNextPage(connection) ? ShopifyJson.endCursor(connection) : null);
    }

    /** Every page of a connection: {@code fetch} gets null, then each next cursor; errors name {@code document}. */
    static <T> List<T> collectAll(CallContext context, ShopifyQueries.Document document, Function<String, Page<T>> fetch) {
        return Paging.collectAll(context, "shopify " + document.operationName(), MAX_PAGES, fetch);
    }

    /**
     * Objects by legacy id through {@code nodes(ids:)}: one call per {@code batchSize} well-formed ids
     * (malformed ids cost no call), nodes of other types ignored, and only requested ids kept.
     *
     * @param type the GraphQL type, e.g. {@code Customer}
     * @param nativeId the legacy id of a mapped record
     */
    static <T> Map<String, T> byIds(ShopifyClient client, CallContext context, ShopifyQueries.Document document, String type,
            Set<String> ids, int batchSize, Function<JsonNode, T> map, Function<T, String> nativeId) {
        List<String> gids = ids.stream().filter(ShopifyIds::isLegacyId).map(id -> ShopifyIds.gid(type, id)).toList();
        Map<String, T> found = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(gids, batchSize)) {
            JsonNode nodes = client.execute(context, document, Map.of("ids", batch)).data().path("nodes");
            for (JsonNode node : nodes) {
                if (ShopifyIds.type(ShopifyJson.string(node, "id")).filter(type::equals).isPresent()) {
                    T mapped = map.apply(node);
                    if (ids.contains(nativeId.apply(mapped))) {
                        found.put(nativeId.apply(mapped), mapped);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Records per SKU through {@code productVariants(first:, after:, query: "sku:\"A\" OR ...")}: blank SKUs
     * cost no call; per batch of {@code batchSize} SKUs, every page of variants first (the page size is the
     * batch size), then {@code recordsOf} for each variant whose SKU equals a requested one exactly (Shopify's
     * search may match more loosely). Several variants with one SKU contribute all their records.
     *
     * @param document names the paging in errors
     * @param productVariants sends the page's variables ({@code first}, {@code after}, {@code query}) and
     *     returns the {@code productVariants} connection
     * @param recordsOf a variant and its SKU to the records it contributes (may call Shopify again)
     */
    static <T> Map<String, List<T>> bySkus(CallContext context, ShopifyQueries.Document document, Set<String> skus,
            int batchSize, Function<Map<String, Object>, JsonNode> productVariants,
            BiFunction<JsonNode, String, Collection<T>> recordsOf) {
        List<String> wanted = skus.stream().filter(sku -> sku != null && !sku.isBlank()).toList();
        Map<String, List<T>> result = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(wanted, batchSize)) {
            Set<String> batchSkus = Set.copyOf(batch);
            String search = ShopifySearch.anyOf("sku", batch);
            List<JsonNode> variants = collectAll(context, document, cursor -> {
                Map<String, Object> variables = new HashMap<>();
                variables.put("first", batchSize);
                variables.put("after", cursor);
                variables.put("query", search);
                return page(productVariants.apply(variables), node -> node);
            });
            Map<String, List<T>> bySku = new LinkedHashMap<>();
            for (JsonNode variant : variants) {
                String sku = ShopifyJson.string(variant, "sku");
                if (sku != null && batchSkus.contains(sku)) {
                    bySku.computeIfAbsent(sku, key -> new ArrayList<>()).addAll(recordsOf.apply(variant, sku));
                }
            }
            bySku.forEach((sku, records) -> result.put(sku, List.copyOf(records)));
        }
        return result;
    }

    /**
     * The rest of a connection nested in one object (an order's {@code lineItems}, an item's
     * {@code inventoryLevels}) through {@code nodes(ids: [gid]) { field(after:) }}, starting after
     * {@code firstCursor}; empty when the object is gone.
     */
    static List<JsonNode> restOfNested(ShopifyClient client, CallContext context, ShopifyQueries.Document document,
            String gid, String field, String firstCursor) {
        return collectAll(context, document, cursor -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("ids", List.of(gid));
            variables.put("after", cursor == null ? firstCursor : cursor);
            JsonNode nodes = client.execute(context, document, variables).data().path("nodes");
            return page(nodes.isArray() && !nodes.isEmpty() ? nodes.get(0).path(field) : null, node -> node);
        });
    }
}

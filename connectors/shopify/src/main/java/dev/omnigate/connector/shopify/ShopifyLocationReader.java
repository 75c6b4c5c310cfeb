package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.shopify.mapping.ShopifyIds;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.shopify.mapping.ShopifyLocationMapper;
import dev.omnigate.connector.toolkit.paging.Paging;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Locations: {@code locations(includeInactive: true)} page by page for {@link #listAll}, and
 * {@code nodes(ids:)} for lookups by id (one call, whatever the number of locations).
 */
final class ShopifyLocationReader implements LocationReader {

    /** Locations per page: 2 + 50 × 3 points. */
    static final int PAGE_SIZE = 50;
    /** Shopify's limit of ids per {@code nodes} call (250 × 3 points). */
    static final int MAX_IDS_PER_CALL = 250;
    private static final int MAX_PAGES = 100;

    private final ShopifyClient client;
    private final ShopifyLocationMapper mapper;

    ShopifyLocationReader(ShopifyClient client, ShopifyLocationMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public List<Location> listAll(CallContext context) {
        return Paging.collectAll(context, "shopify " + ShopifyQueries.LOCATIONS.operationName(), MAX_PAGES, cursor -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", PAGE_SIZE);
            variables.put("after", cursor);
            JsonNode connection = client.execute(context, ShopifyQueries.LOCATIONS, variables).data().path("locations");
            return new Page<>(ShopifyJson.nodes(connection).stream().map(mapper::toLocation).toList(),
                    ShopifyJson.hasNextPage(connection) ? ShopifyJson.endCursor(connection) : null);
        });
    }

    @Override
    public Map<String, Location> getByIds(CallContext context, Set<String> ids) {
        List<String> gids = ids.stream().filter(ShopifyIds::isLegacyId).map(id -> ShopifyIds.gid("Location", id)).toList();
        Map<String, Location> found = new LinkedHashMap<>();
        for (int from = 0; from < gids.size(); from += MAX_IDS_PER_CALL) {
            List<String> chunk = gids.subList(from, Math.min(gids.size(), from + MAX_IDS_PER_CALL));
            JsonNode nodes = client.execute(context, ShopifyQueries.LOCATIONS_BY_IDS, Map.of("ids", chunk)).data().path("nodes");
            for (JsonNode node : nodes) {
                if (ShopifyIds.type(ShopifyJson.string(node, "id")).filter("Location"::equals).isPresent()) {
                    Location location = mapper.toLocation(node);
                    if (ids.contains(location.source().nativeId())) {
                        found.put(location.source().nativeId(), location);
                    }
                }
            }
        }
        return found;
    }
}

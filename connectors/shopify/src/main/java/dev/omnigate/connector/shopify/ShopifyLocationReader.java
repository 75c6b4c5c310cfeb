package dev.omnigate.connector.shopify;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.shopify.mapping.ShopifyLocationMapper;
import java.util.HashMap;
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

    private final ShopifyClient client;
    private final ShopifyLocationMapper mapper;

    ShopifyLocationReader(ShopifyClient client, ShopifyLocationMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public List<Location> listAll(CallContext context) {
        return ShopifyConnections.collectAll(context, ShopifyQueries.LOCATIONS, cursor -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", PAGE_SIZE);
            variables.put("after", cursor);
            JsonNode connection = client.execute(context, ShopifyQueries.LOCATIONS, variables).data().path("locations");
            return ShopifyConnections.page(connection, mapper::toLocation);
        });
    }

    @Override
    public Map<String, Location> getByIds(CallContext context, Set<String> ids) {
        return ShopifyConnections.byIds(client, context, ShopifyQueries.LOCATIONS_BY_IDS, "Location", ids, MAX_IDS_PER_CALL,
                mapper::toLocation, location -> location.source().nativeId());
    }
}

package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.square.mapping.SquareJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * The location ids {@code SearchOrders} must name: the configured {@code location-ids}, or else every location of
 * the seller, listed once ({@code GET /v2/locations}) on first need and kept for the connector's lifetime (sellers
 * rarely add locations; restart or configure {@code location-ids} after adding one). More than
 * {@value SquareConfig#MAX_SEARCH_LOCATIONS} locations cannot be searched in one call: that is a {@code CONFIG}
 * error asking for {@code location-ids}. Thread-safe.
 */
final class SquareLocations {

    private final SquareClient client;
    private final List<String> configured;
    private final AtomicReference<List<String>> listed = new AtomicReference<>();

    SquareLocations(SquareClient client, List<String> configured) {
        this.client = client;
        this.configured = List.copyOf(configured);
    }

    List<String> forOrderSearch(CallContext context) {
        if (!configured.isEmpty()) {
            return configured;
        }
        List<String> known = listed.get();
        if (known != null) {
            return known;
        }
        JsonNode body = client.get(context, "locations.list", "/v2/locations").requireNoErrors("square locations.list");
        List<String> ids = new ArrayList<>();
        for (JsonNode location : body.path("locations")) {
            String id = SquareJson.string(location, "id");
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.size() > SquareConfig.MAX_SEARCH_LOCATIONS) {
            throw ConnectorException.of(ErrorCategory.CONFIG, "square orders.search: the seller has " + ids.size()
                    + " locations but SearchOrders accepts at most " + SquareConfig.MAX_SEARCH_LOCATIONS
                    + "; set location-ids to the locations whose orders to read");
        }
        listed.compareAndSet(null, List.copyOf(ids));
        return listed.get();
    }
}

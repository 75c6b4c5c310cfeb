package dev.omnigate.connector.square;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.square.mapping.SquareLocationMapper;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Every location of the seller, active and inactive, from one {@code GET /v2/locations} (Square does not page it). */
final class SquareLocationReader implements LocationReader {

    private final SquareClient client;
    private final SquareLocationMapper mapper;

    SquareLocationReader(SquareClient client, SquareLocationMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public List<Location> listAll(CallContext context) {
        JsonNode body = client.get(context, "locations.list", "/v2/locations").requireNoErrors("square locations.list");
        PartialResults partial = new PartialResults("square locations.list");
        List<Location> locations = new ArrayList<>();
        for (JsonNode location : body.path("locations")) {
            partial.map(() -> mapper.toLocation(location)).ifPresent(locations::add);
        }
        partial.finish();
        return locations;
    }
}

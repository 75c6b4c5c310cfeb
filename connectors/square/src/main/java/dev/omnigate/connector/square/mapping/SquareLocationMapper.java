package dev.omnigate.connector.square.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.toolkit.SourceRefs;
import tools.jackson.databind.JsonNode;

/**
 * Square {@code Location} → {@link Location}. Every Square location is a business location where the seller takes
 * payments ({@code PHYSICAL} shops and {@code MOBILE} stands alike), so the kind is always {@code STORE}.
 * Coordinates come from {@code coordinates} (null when absent or out of range); {@code active} is
 * {@code status == ACTIVE}.
 */
public final class SquareLocationMapper {

    private final SourceRefs refs;

    public SquareLocationMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    public Location toLocation(JsonNode location) {
        String id = SquareJson.required(location, "id", "square location");
        String name = SquareJson.string(location, "name");
        return new Location(refs.of(id), name == null ? id : name, LocationKind.STORE,
                SquareAddresses.toAddress(location.get("address")), geo(location.path("coordinates")),
                "ACTIVE".equals(SquareJson.string(location, "status")));
    }

    private static GeoPoint geo(JsonNode coordinates) {
        JsonNode latitude = coordinates.get("latitude");
        JsonNode longitude = coordinates.get("longitude");
        if (latitude == null || longitude == null || !latitude.isNumber() || !longitude.isNumber()) {
            return null;
        }
        try {
            return new GeoPoint(latitude.decimalValue().doubleValue(), longitude.decimalValue().doubleValue());
        } catch (IllegalArgumentException e) {
            return null; // out of range: better no map pin than a wrong one
        }
    }
}

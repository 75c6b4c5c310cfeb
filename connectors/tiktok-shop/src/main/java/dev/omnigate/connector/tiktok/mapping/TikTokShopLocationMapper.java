package dev.omnigate.connector.tiktok.mapping;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * Maps a warehouse of {@code GET /logistics/202309/warehouses} ({@code LogisticsGetWarehousesResponse.json}) to a
 * {@link Location} of kind WAREHOUSE: active when {@code effect_status} is {@code ENABLED}; address from
 * {@code address_line1} (else {@code full_address}), {@code city}, {@code state}, {@code postal_code},
 * {@code region_code}; coordinates from {@code geolocation}'s decimal strings when both are valid.
 */
public final class TikTokShopLocationMapper {

    private final SourceRefs refs;

    public TikTokShopLocationMapper(SourceRefs refs) {
        this.refs = requireNonNull(refs, "refs is null");
    }

    /** The location; null for an entry without id. */
    public Location toLocation(JsonNode warehouse) {
        String id = TikTokShopJson.text(warehouse, "id");
        if (id == null) {
            return null;
        }
        JsonNode address = warehouse.path("address");
        String line1 = TikTokShopJson.text(address, "address_line1");
        String country = TikTokShopJson.text(address, "region_code");
        Address mapped = address.isObject()
                ? new Address(line1 != null ? line1 : TikTokShopJson.text(address, "full_address"),
                        TikTokShopJson.text(address, "address_line2"), TikTokShopJson.text(address, "city"),
                        TikTokShopJson.text(address, "state"), TikTokShopJson.text(address, "postal_code"),
                        country != null && country.matches("[A-Za-z]{2}") ? country : null)
                : null;
        String name = TikTokShopJson.text(warehouse, "name");
        return new Location(refs.of(id), name == null ? id : name, LocationKind.WAREHOUSE, mapped,
                geo(address.path("geolocation")), "ENABLED".equalsIgnoreCase(TikTokShopJson.text(warehouse, "effect_status")));
    }

    private static GeoPoint geo(JsonNode geolocation) {
        try {
            String latitude = TikTokShopJson.text(geolocation, "latitude");
            String longitude = TikTokShopJson.text(geolocation, "longitude");
            if (latitude == null || longitude == null) {
                return null;
            }
            return new GeoPoint(new BigDecimal(latitude).doubleValue(), new BigDecimal(longitude).doubleValue());
        } catch (IllegalArgumentException e) {
            return null; // coordinates are decoration: a malformed pair drops them, not the warehouse
        }
    }
}

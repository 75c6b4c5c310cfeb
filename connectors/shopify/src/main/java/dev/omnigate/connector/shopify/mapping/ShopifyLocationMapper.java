package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.ShopifyJson.string;
import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Shopify {@code Location} → SPI {@link Location}. Pure; thread-safe.
 *
 * <p>Kind: a location listed in {@code store-location-ids} is a STORE and one in
 * {@code warehouse-location-ids} a WAREHOUSE; otherwise a location with {@code localPickupSettingsV2} set
 * (customers can pick up there) is a STORE and any other a WAREHOUSE. An absent {@code isActive} (only in
 * payloads that did not select it) counts as active, as Shopify lists active locations by default.
 */
public final class ShopifyLocationMapper {

    private final SourceRefs refs;
    private final Set<String> storeIds;
    private final Set<String> warehouseIds;

    public ShopifyLocationMapper(SourceRefs refs, Set<String> storeIds, Set<String> warehouseIds) {
        this.refs = requireNonNull(refs, "refs is null");
        this.storeIds = Set.copyOf(storeIds);
        this.warehouseIds = Set.copyOf(warehouseIds);
    }

    /** @throws dev.omnigate.connector.api.error.ConnectorException BAD_RESPONSE when id or name is missing */
    public Location toLocation(JsonNode location) {
        String what = ShopifyJson.label("Location", location);
        String id = ShopifyIds.legacyId(location).orElseThrow(() -> ShopifyJson.malformed(what, "lacks id"));
        String name = string(location, "name");
        if (name == null) {
            throw ShopifyJson.malformed(what, "lacks name");
        }
        JsonNode address = location.get("address");
        JsonNode active = location.get("isActive");
        return new Location(refs.of(id), name, kind(id, location), address(address, what), geo(address, what),
                active == null || active.isNull() || active.asBoolean());
    }

    LocationKind kind(String id, JsonNode location) {
        if (storeIds.contains(id)) {
            return LocationKind.STORE;
        }
        if (warehouseIds.contains(id)) {
            return LocationKind.WAREHOUSE;
        }
        JsonNode pickup = location.get("localPickupSettingsV2");
        return pickup != null && pickup.isObject() ? LocationKind.STORE : LocationKind.WAREHOUSE;
    }

    private static Address address(JsonNode address, String what) {
        if (address == null || !address.isObject()) {
            return null;
        }
        String region = string(address, "province") != null ? string(address, "province") : string(address, "provinceCode");
        try {
            return new Address(string(address, "address1"), string(address, "address2"), string(address, "city"), region,
                    string(address, "zip"), string(address, "countryCode"));
        } catch (IllegalArgumentException e) {
            throw ShopifyJson.malformed(what, "address: " + e.getMessage());
        }
    }

    private static GeoPoint geo(JsonNode address, String what) {
        if (address == null || !address.isObject()) {
            return null;
        }
        JsonNode latitude = address.get("latitude");
        JsonNode longitude = address.get("longitude");
        if (latitude == null || longitude == null || !latitude.isNumber() || !longitude.isNumber()) {
            return null;
        }
        try {
            return new GeoPoint(latitude.asDouble(), longitude.asDouble());
        } catch (IllegalArgumentException e) {
            throw ShopifyJson.malformed(what, e.getMessage());
        }
    }
}

package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.MappingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Location mapping; synthetic locations follow ShopifyLocationFields with the 2026-04 schema's types. */
final class ShopifyLocationMapperTest {

    private static final String STORE = """
            {'id':'gid://shopify/Location/113786487090','legacyResourceId':'113786487090','name':'Union Square',
             'isActive':true,'fulfillsOnlineOrders':true,'shipsInventory':false,
             'localPickupSettingsV2':{'pickupTime':'TWO_HOURS','instructions':'Ask at the counter'},
             'address':{'address1':'170 O Farrell St','address2':null,'city':'San Francisco','province':'California',
                        'provinceCode':'CA','zip':'94102','country':'United States','countryCode':'US',
                        'latitude':37.7867,'longitude':-122.4075}}
            """;

    private static final String WAREHOUSE = """
            {'id':'gid://shopify/Location/113786519858','legacyResourceId':'113786519858','name':'Oakland DC',
             'isActive':false,'fulfillsOnlineOrders':true,'shipsInventory':true,'localPickupSettingsV2':null,
             'address':{'address1':null,'address2':null,'city':'Oakland','province':null,'provinceCode':'CA','zip':null,
                        'country':'United States','countryCode':'US','latitude':null,'longitude':null}}
            """;

    private static ShopifyLocationMapper mapper(Set<String> stores, Set<String> warehouses) {
        return new ShopifyLocationMapper(MappingFixtures.REFS, stores, warehouses);
    }

    @Test
    void aLocationWithLocalPickupIsAStoreWithCoordinates() {
        Location location = mapper(Set.of(), Set.of()).toLocation(json(STORE));
        assertThat(location).isEqualTo(new Location(MappingFixtures.REFS.of("113786487090"), "Union Square", LocationKind.STORE,
                new Address("170 O Farrell St", null, "San Francisco", "California", "94102", "US"),
                new GeoPoint(37.7867, -122.4075), true));
    }

    @Test
    void aLocationWithoutLocalPickupIsAWarehouse() {
        Location location = mapper(Set.of(), Set.of()).toLocation(json(WAREHOUSE));
        assertThat(location.kind()).isEqualTo(LocationKind.WAREHOUSE);
        assertThat(location.active()).isFalse();
        assertThat(location.geo()).as("no coordinates, no point").isNull();
        assertThat(location.address().region()).isEqualTo("CA");
    }

    @Test
    void configuredIdsOverrideTheRule() {
        assertThat(mapper(Set.of("113786519858"), Set.of()).toLocation(json(WAREHOUSE)).kind()).isEqualTo(LocationKind.STORE);
        assertThat(mapper(Set.of(), Set.of("113786487090")).toLocation(json(STORE)).kind()).isEqualTo(LocationKind.WAREHOUSE);
    }

    @Test
    void impossibleCoordinatesAreABadResponse() {
        assertThatThrownBy(() -> mapper(Set.of(), Set.of()).toLocation(json(STORE.replace("37.7867", "137.7867"))))
                .hasMessageContaining("latitude");
    }

    @Test
    void anAbsentIsActiveCountsAsActiveAndANamelessLocationIsRefused() {
        assertThat(mapper(Set.of(), Set.of()).toLocation(json("{'id':'gid://shopify/Location/1','name':'Shop location'}")).active())
                .isTrue();
        assertThatThrownBy(() -> mapper(Set.of(), Set.of()).toLocation(json("{'id':'gid://shopify/Location/1','isActive':true}")))
                .hasMessageContaining("lacks name");
    }
}

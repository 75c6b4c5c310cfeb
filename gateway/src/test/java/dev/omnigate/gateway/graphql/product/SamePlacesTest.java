package dev.omnigate.gateway.graphql.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SamePlacesTest {

    private final Map<AccountScopedKey, Location> locations = new HashMap<>();

    private InventoryLevel level(Channel channel, String account, String locationId, LocationKind kind, GeoPoint geo, long available) {
        SourceRef source = new SourceRef(channel, channel.name().toLowerCase(), account, locationId + ":SKU-1");
        locations.put(new AccountScopedKey(account, locationId), new Location(source.withNativeId(locationId), locationId, kind, null, geo,
                true));
        return new InventoryLevel(source, "SKU-1", locationId, available, 0, available, 0, null);
    }

    private static final GeoPoint MISSION = new GeoPoint(37.7599, -122.4148);
    private static final GeoPoint MISSION_30M_AWAY = new GeoPoint(37.7601, -122.4150);
    private static final GeoPoint OAKLAND = new GeoPoint(37.8044, -122.2712);

    @Test
    void aStoreOnTheShopAndOnThePosCountsOnceWithThePosFigures() {
        InventoryLevel shop = level(Channel.SHOPIFY, "a-shop", "gid-1", LocationKind.STORE, MISSION, 5);
        InventoryLevel pos = level(Channel.POS, "z-pos", "L1", LocationKind.STORE, MISSION_30M_AWAY, 5);

        assertThat(SamePlaces.duplicates(List.of(shop, pos), locations, 100)).containsExactly(shop);
        assertThat(SamePlaces.meters(MISSION, MISSION_30M_AWAY)).isBetween(20.0, 40.0);
    }

    @Test
    void warehousesOfTwoAccountsCountOnceWithTheFirstAccountsFigures() {
        InventoryLevel shop = level(Channel.SHOPIFY, "a-shop", "gid-9", LocationKind.WAREHOUSE, OAKLAND, 40);
        InventoryLevel tiktok = level(Channel.TIKTOK_SHOP, "b-tiktok", "W1", LocationKind.WAREHOUSE, OAKLAND, 40);

        assertThat(SamePlaces.duplicates(List.of(tiktok, shop), locations, 100)).containsExactly(tiktok);
    }

    @Test
    void differentPlacesKindsAccountsOrMissingCoordinatesAreNeverMerged() {
        InventoryLevel store = level(Channel.SHOPIFY, "a-shop", "gid-1", LocationKind.STORE, MISSION, 5);
        InventoryLevel farAway = level(Channel.POS, "z-pos", "L2", LocationKind.STORE, OAKLAND, 5);
        InventoryLevel warehouseNextDoor = level(Channel.POS, "z-pos", "L3", LocationKind.WAREHOUSE, MISSION, 5);
        InventoryLevel sameAccountNextDoor = level(Channel.SHOPIFY, "a-shop", "gid-2", LocationKind.STORE, MISSION_30M_AWAY, 5);
        InventoryLevel noCoordinates = level(Channel.POS, "z-pos", "L4", LocationKind.STORE, null, 5);

        assertThat(SamePlaces.duplicates(List.of(store, farAway, warehouseNextDoor, sameAccountNextDoor, noCoordinates), locations, 100))
                .isEmpty();
    }

    @Test
    void aRadiusOfZeroNeverMerges() {
        InventoryLevel shop = level(Channel.SHOPIFY, "a-shop", "gid-1", LocationKind.STORE, MISSION, 5);
        InventoryLevel pos = level(Channel.POS, "z-pos", "L1", LocationKind.STORE, MISSION, 5);

        assertThat(SamePlaces.duplicates(List.of(shop, pos), locations, 0)).isEmpty();
    }
}

package dev.omnigate.gateway.graphql.product;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.gateway.graphql.batch.AccountScopedKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds inventory levels that several accounts report for one physical place, so that availability counts the place
 * once. A store on the POS and on the online shop (for pickup) has the same stock in both systems: summing both would
 * promise twice what is on the shelf.
 *
 * <p>Rule: two locations of different accounts are the same place when they are of the same kind and their
 * coordinates lie within the configured radius of each other. Of a group, the level counted is the POS account's for
 * stores (the till is the system of record for shelf stock), otherwise the first account in id order. Locations
 * without coordinates are never merged.
 */
final class SamePlaces {

    private SamePlaces() {
    }

    /** The levels not to count (another account's level for the same place is counted instead). */
    static Set<InventoryLevel> duplicates(List<InventoryLevel> levels, Map<AccountScopedKey, Location> locations, double radiusMeters) {
        Set<InventoryLevel> duplicates = new HashSet<>();
        if (radiusMeters <= 0) {
            return duplicates;
        }
        List<InventoryLevel> ordered = new ArrayList<>(levels);
        ordered.sort(Comparator.comparing((InventoryLevel level) -> preference(level, locations))
                .thenComparing(level -> level.source().account()).thenComparing(InventoryLevel::locationId));
        List<InventoryLevel> counted = new ArrayList<>();
        for (InventoryLevel level : ordered) {
            Location here = locations.get(key(level));
            boolean same = here != null && here.geo() != null && counted.stream().anyMatch(kept -> {
                Location there = locations.get(key(kept));
                return there != null && there.geo() != null && !kept.source().account().equals(level.source().account())
                        && there.kind() == here.kind() && meters(there.geo(), here.geo()) <= radiusMeters;
            });
            if (same) {
                duplicates.add(level);
            } else {
                counted.add(level);
            }
        }
        return duplicates;
    }

    /** 0 for a POS account's store (preferred), 1 otherwise. */
    private static int preference(InventoryLevel level, Map<AccountScopedKey, Location> locations) {
        Location location = locations.get(key(level));
        boolean posStore = location != null && level.source().channel() == Channel.POS
                && location.kind() == dev.omnigate.connector.api.model.LocationKind.STORE;
        return posStore ? 0 : 1;
    }

    static AccountScopedKey key(InventoryLevel level) {
        return new AccountScopedKey(level.source().account(), level.locationId());
    }

    /** Great-circle distance (haversine). */
    static double meters(GeoPoint a, GeoPoint b) {
        double earthRadius = 6_371_008.8;
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

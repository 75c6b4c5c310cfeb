package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.tiktok.mapping.TikTokShopLocationMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Warehouses: one {@code GET /logistics/202309/warehouses} (unpaged) lists them all; lookups by id filter it. */
final class TikTokShopLocationReader implements LocationReader {

    static final String PATH = "/logistics/202309/warehouses";

    private final TikTokShopClient client;
    private final TikTokShopLocationMapper mapper;

    TikTokShopLocationReader(TikTokShopClient client, TikTokShopLocationMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    @Override
    public List<Location> listAll(CallContext context) {
        JsonNode data = client.get(context, "tiktok-shop warehouses.list", PATH, Map.of());
        List<Location> locations = new ArrayList<>();
        for (JsonNode warehouse : data.path("warehouses")) {
            Location location = mapper.toLocation(warehouse);
            if (location != null) {
                locations.add(location);
            }
        }
        return locations;
    }
}

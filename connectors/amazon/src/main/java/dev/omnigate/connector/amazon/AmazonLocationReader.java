package dev.omnigate.connector.amazon;

import dev.omnigate.connector.amazon.mapping.AmazonJson;
import dev.omnigate.connector.amazon.mapping.AmazonLocationMapper;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.read.LocationReader;
import dev.omnigate.connector.toolkit.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One FBA location per configured marketplace the seller participates in, from {@code getMarketplaceParticipations}
 * (sellers.json; one call). A configured marketplace the answer does not list has no location.
 */
final class AmazonLocationReader implements LocationReader {

    private final AmazonClient client;
    private final AmazonLocationMapper mapper;
    private final AmazonConfig config;

    AmazonLocationReader(AmazonClient client, AmazonLocationMapper mapper, AmazonConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.config = config;
    }

    @Override
    public List<Location> listAll(CallContext context) {
        List<Location> locations = new ArrayList<>();
        for (JsonNode participation : participations(client, context)) {
            String id = AmazonJson.requireText(participation.path("marketplace"), "id", "a marketplace participation");
            if (config.marketplaceIds().contains(id)) {
                locations.add(mapper.map(participation));
            }
        }
        return locations;
    }

    /** The {@code payload} of getMarketplaceParticipations. */
    static JsonNode participations(AmazonClient client, CallContext context) {
        JsonNode body = client.get(context, AmazonOperation.GET_MARKETPLACE_PARTICIPATIONS,
                client.url().addPathSegments("sellers/v1/marketplaceParticipations").build());
        JsonNode payload = body.path("payload");
        if (!payload.isArray()) {
            throw ConnectorException.of(ErrorCategory.BAD_RESPONSE, "amazon getMarketplaceParticipations: answer lacks a payload array"
                    + (body.has("errors") ? " (errors: " + Json.text(body.path("errors").path(0).path("code")) + ")" : ""));
        }
        return payload;
    }
}

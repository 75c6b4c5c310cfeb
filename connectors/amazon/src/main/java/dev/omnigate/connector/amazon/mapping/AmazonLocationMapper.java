package dev.omnigate.connector.amazon.mapping;

import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Sellers API {@code MarketplaceParticipation} (sellers.json) → the marketplace's FBA location: Amazon exposes no
 * fulfilment-centre list, so each configured marketplace is one MARKETPLACE_FULFILLMENT location {@code FBA:<id>},
 * named after the marketplace, in its country, active while the seller participates there.
 */
public final class AmazonLocationMapper {

    private final SourceRefs refs;

    public AmazonLocationMapper(SourceRefs refs) {
        this.refs = refs;
    }

    public Location map(JsonNode participation) {
        JsonNode marketplace = participation.path("marketplace");
        String id = AmazonJson.requireText(marketplace, "id", "a marketplace participation");
        String name = Json.text(marketplace.path("name"));
        String country = Json.text(marketplace.path("countryCode"));
        Address address = country != null && country.matches("[A-Za-z]{2}") ? new Address(null, null, null, null, null, country) : null;
        boolean active = participation.path("participation").path("isParticipating").asBoolean(false);
        return new Location(refs.of(AmazonOrderMapper.fbaLocationId(id)), "Amazon FBA " + (name == null ? id : name) + " (" + id + ")",
                LocationKind.MARKETPLACE_FULFILLMENT, address, null, active);
    }
}

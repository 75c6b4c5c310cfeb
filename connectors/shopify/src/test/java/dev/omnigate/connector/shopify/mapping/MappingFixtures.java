package dev.omnigate.connector.shopify.mapping;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import tools.jackson.databind.JsonNode;

/** Shared bits of the mapper tests. JSON here is written after the 2026-04 schema's field names and types. */
final class MappingFixtures {

    static final SourceRefs REFS = new SourceRefs(Channel.SHOPIFY, "shopify", "shop-a");

    private MappingFixtures() {
    }

    /** JSON with single quotes for readability. */
    static JsonNode json(String singleQuoted) {
        return Json.mapper().readTree(singleQuoted.replace('\'', '"'));
    }
}

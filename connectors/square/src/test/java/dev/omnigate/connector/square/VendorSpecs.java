package dev.omnigate.connector.square;

import dev.omnigate.connector.testkit.VendorSpecFiles;
import tools.jackson.databind.JsonNode;

/**
 * Square's official OpenAPI document {@code square/api.json}, read in place through {@link VendorSpecFiles} (a
 * missing file fails the test: these tests must never pass by skipping).
 */
final class VendorSpecs {

    private static JsonNode api;

    private VendorSpecs() {
    }



    /** The whole {@code square/api.json}, parsed once. */
    static synchronized JsonNode api() {
        if (api == null) {
            api = VendorSpecFiles.json(VendorSpecFiles.vendor("square").resolve("api.json"));
        }
        return api;
    }

    /** A schema of {@code components.schemas}. */
    static JsonNode schema(String name) {
        JsonNode schema = api().path("components").path("schemas").path(name);
        if (!schema.isObject()) {
            throw new IllegalStateException("square/api.json has no schema " + name);
        }
        return schema;
    }

    /** The {@code example} of a schema (a deep copy the caller may change). */
    static JsonNode example(String schemaName) {
        JsonNode example = schema(schemaName).get("example");
        if (example == null || !example.isObject()) {
            throw new IllegalStateException("schema " + schemaName + " in square/api.json has no example object");
        }
        return example.deepCopy();
    }
}

package dev.omnigate.connector.square;

import dev.omnigate.connector.toolkit.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * Square's official OpenAPI document {@code square/api.json}, read in place from the shared vendor specs: system
 * property {@code omnigate.vendorSpecs} (set by surefire) or, when unset, {@code ../shared/vendor-specs} next to the
 * repository root. A missing file fails the test: these tests must never pass by skipping.
 */
final class VendorSpecs {

    private static JsonNode api;

    private VendorSpecs() {
    }

    static Path root() {
        String configured = System.getProperty("omnigate.vendorSpecs");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        if (!Files.isRegularFile(root.resolve("square").resolve("api.json"))) {
            throw new IllegalStateException("vendor specs not found at " + root.toAbsolutePath().normalize()
                    + " (expected square/api.json); set -Domnigate.vendorSpecs=/path/to/shared/vendor-specs");
        }
        return root.toAbsolutePath().normalize();
    }

    private static Path defaultRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("connectors")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate.resolve("../shared/vendor-specs").normalize();
            }
        }
        return dir.resolve("../../../shared/vendor-specs").normalize();
    }

    /** The whole {@code square/api.json}, parsed once. */
    static synchronized JsonNode api() {
        if (api == null) {
            try {
                api = Json.mapper().readTree(Files.readAllBytes(root().resolve("square").resolve("api.json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

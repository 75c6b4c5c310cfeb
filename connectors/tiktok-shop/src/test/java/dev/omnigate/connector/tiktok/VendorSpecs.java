package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.toolkit.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared vendor specs, read in place: system property {@code omnigate.vendorSpecs} (set by surefire) or, when
 * unset, {@code ../shared/vendor-specs} next to the repository root. A missing folder fails the test: these tests
 * must never pass by skipping.
 */
final class VendorSpecs {

    private VendorSpecs() {
    }

    static Path root() {
        String configured = System.getProperty("omnigate.vendorSpecs");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        if (!Files.isDirectory(root.resolve("tiktok-shop"))) {
            throw new IllegalStateException("vendor specs not found at " + root.toAbsolutePath().normalize()
                    + " (expected a 'tiktok-shop' folder); set -Domnigate.vendorSpecs=/path/to/shared/vendor-specs");
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

    static Path apiSample(String file) {
        return root().resolve("tiktok-shop/api-samples").resolve(file);
    }

    static Path webhookSample(String file) {
        return root().resolve("tiktok-shop/webhooks").resolve(file);
    }

    /** Every JSON file of a folder under {@code tiktok-shop/}, sorted by name. */
    static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(root().resolve("tiktok-shop").resolve(folder))) {
            List<Path> list = files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no samples in tiktok-shop/" + folder);
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        return Json.mapper().readTree(bytes(file));
    }

    /** A mutable copy of an API sample. */
    static ObjectNode api(String file) {
        return (ObjectNode) read(apiSample(file));
    }
}

package dev.omnigate.connector.shopify;

import dev.omnigate.connector.toolkit.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The shared vendor specs, read in place: system property {@code omnigate.vendorSpecs} (set by surefire)
 * or, when unset, {@code ../shared/vendor-specs} next to the repository root. A missing folder fails the
 * test: these tests must never pass by skipping.
 */
public final class VendorSpecs {

    private VendorSpecs() {
    }

    public static Path root() {
        String configured = System.getProperty("omnigate.vendorSpecs");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        if (!Files.isDirectory(root.resolve("shopify"))) {
            throw new IllegalStateException("vendor specs not found at " + root.toAbsolutePath().normalize()
                    + " (expected a 'shopify' folder); set -Domnigate.vendorSpecs=/path/to/shared/vendor-specs");
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

    public static Path shopify(String file) {
        return root().resolve("shopify").resolve(file);
    }

    public static Path capturesDir() {
        return root().resolve("shopify").resolve("captures");
    }

    /** Every capture file, sorted by name (new files are picked up automatically). */
    public static List<Path> captureFiles() {
        try (Stream<Path> files = Files.list(capturesDir())) {
            List<Path> list = files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no capture files in " + capturesDir());
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode capture(String file) {
        return read(capturesDir().resolve(file));
    }

    public static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

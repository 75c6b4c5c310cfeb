package dev.omnigate.connector.amazon;

import dev.omnigate.connector.toolkit.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

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
        if (!Files.isDirectory(root.resolve("amazon"))) {
            throw new IllegalStateException("vendor specs not found at " + root.toAbsolutePath().normalize()
                    + " (expected an 'amazon' folder); set -Domnigate.vendorSpecs=/path/to/shared/vendor-specs");
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

    /** A model of {@code amazon/models/}, e.g. {@code orders_2026-01-01.json}. */
    static JsonNode model(String file) {
        return read(root().resolve("amazon").resolve("models").resolve(file));
    }

    /** A notification schema of {@code amazon/notifications/}. */
    static JsonNode notification(String file) {
        return read(root().resolve("amazon").resolve("notifications").resolve(file));
    }

    static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

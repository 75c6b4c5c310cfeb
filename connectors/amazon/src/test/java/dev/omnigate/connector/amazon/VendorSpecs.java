package dev.omnigate.connector.amazon;

import dev.omnigate.connector.testkit.VendorSpecFiles;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * Amazon's files of the shared vendor specs, read in place through {@link VendorSpecFiles} (a missing folder fails
 * the test: these tests must never pass by skipping).
 */
final class VendorSpecs {

    private VendorSpecs() {
    }



    /** A model of {@code amazon/models/}, e.g. {@code orders_2026-01-01.json}. */
    static JsonNode model(String file) {
        return read(VendorSpecFiles.vendor("amazon").resolve("models").resolve(file));
    }

    /** A notification schema of {@code amazon/notifications/}. */
    static JsonNode notification(String file) {
        return read(VendorSpecFiles.vendor("amazon").resolve("notifications").resolve(file));
    }

    static JsonNode read(Path file) {
        return VendorSpecFiles.json(file);
    }
}

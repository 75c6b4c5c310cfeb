package dev.omnigate.connector.shopify;

import dev.omnigate.connector.testkit.VendorSpecFiles;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Shopify's files of the shared vendor specs, read in place through {@link VendorSpecFiles} (a missing folder
 * fails the test: these tests must never pass by skipping).
 */
public final class VendorSpecs {

    private VendorSpecs() {
    }



    public static Path shopify(String file) {
        return VendorSpecFiles.vendor("shopify").resolve(file);
    }

    public static Path capturesDir() {
        return VendorSpecFiles.vendor("shopify").resolve("captures");
    }

    /** Every capture file, sorted by name (new files are picked up automatically). */
    public static List<Path> captureFiles() {
        return VendorSpecFiles.files(capturesDir(), ".json");
    }

    public static JsonNode capture(String file) {
        return read(capturesDir().resolve(file));
    }

    public static JsonNode read(Path file) {
        return VendorSpecFiles.json(file);
    }

    public static String text(Path file) {
        return VendorSpecFiles.text(file);
    }
}

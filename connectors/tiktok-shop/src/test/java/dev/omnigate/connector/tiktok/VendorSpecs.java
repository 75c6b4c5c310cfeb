package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.testkit.VendorSpecFiles;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TikTok Shop's files of the shared vendor specs, read in place through {@link VendorSpecFiles} (a missing folder
 * fails the test: these tests must never pass by skipping).
 */
final class VendorSpecs {

    private VendorSpecs() {
    }



    static Path apiSample(String file) {
        return VendorSpecFiles.vendor("tiktok-shop").resolve("api-samples").resolve(file);
    }

    static Path webhookSample(String file) {
        return VendorSpecFiles.vendor("tiktok-shop").resolve("webhooks").resolve(file);
    }

    /** Every JSON file of a folder under {@code tiktok-shop/}, sorted by name. */
    static List<Path> files(String folder) {
        return VendorSpecFiles.files(VendorSpecFiles.vendor("tiktok-shop").resolve(folder), ".json");
    }

    static byte[] bytes(Path file) {
        return VendorSpecFiles.bytes(file);
    }

    static JsonNode read(Path file) {
        return VendorSpecFiles.json(file);
    }

    /** A mutable copy of an API sample. */
    static ObjectNode api(String file) {
        return (ObjectNode) read(apiSample(file));
    }
}

package dev.omnigate.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the vendors' specs live: the system property {@code omnigate.vendorSpecs} (surefire sets it), else
 * {@code ../shared/vendor-specs} next to the repository root. Tests read the files in place and fail, never skip,
 * when the folder is missing.
 */
public final class VendorSpecs {

    private VendorSpecs() {
    }

    public static Path root() {
        String configured = System.getProperty("omnigate.vendorSpecs");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("vendor specs folder not found at " + root.toAbsolutePath()
                    + " (set -Domnigate.vendorSpecs=/path/to/shared/vendor-specs)");
        }
        return root;
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("vendor spec file missing: " + file.toAbsolutePath());
        }
        return file;
    }

    private static Path defaultRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return (dir == null || dir.getParent() == null ? Path.of("..") : dir.getParent()).resolve("shared/vendor-specs");
    }
}

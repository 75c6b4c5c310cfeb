package dev.omnigate.connector.testkit;

import dev.omnigate.connector.toolkit.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The shared vendor specs, read in place (never copied into the repository): system property
 * {@code omnigate.vendorSpecs} (set by surefire from {@code vendor.specs.dir}) or, when unset, {@code ../shared/vendor-specs}
 * next to the repository root. A missing folder fails the test with the path it looked at: tests that prove vendor
 * examples parse must never pass by skipping.
 */
public final class VendorSpecFiles {

    private VendorSpecFiles() {
    }

    /** The folder of one vendor, e.g. {@code vendor("amazon")}; fails when it is not there. */
    public static Path vendor(String name) {
        String configured = System.getProperty("omnigate.vendorSpecs");
        Path root = (configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot()).toAbsolutePath().normalize();
        Path folder = root.resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("vendor specs not found at " + root + " (expected a '" + name
                    + "' folder); set -Domnigate.vendorSpecs=/path/to/shared/vendor-specs");
        }
        return folder;
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

    /** Every file of a folder whose name ends with {@code suffix}, sorted by name; fails when there is none. */
    public static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> list = files.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no *" + suffix + " files in " + folder);
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        return Json.mapper().readTree(bytes(file));
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
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

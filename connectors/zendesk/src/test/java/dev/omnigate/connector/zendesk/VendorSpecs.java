package dev.omnigate.connector.zendesk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The shared vendor specs, read in place: system property {@code omnigate.vendorSpecs} (set by surefire) or, when
 * unset, {@code ../shared/vendor-specs} next to the repository root. A missing folder fails the test: these tests
 * must never pass by skipping.
 */
final class VendorSpecs {

    private static volatile Map<String, Object> oas;

    private VendorSpecs() {
    }

    static Path root() {
        String configured = System.getProperty("omnigate.vendorSpecs");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        if (!Files.isDirectory(root.resolve("zendesk"))) {
            throw new IllegalStateException("vendor specs not found at " + root.toAbsolutePath().normalize()
                    + " (expected a 'zendesk' folder); set -Domnigate.vendorSpecs=/path/to/shared/vendor-specs");
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

    /** {@code zendesk/support-api.oas.yaml}, parsed once with SnakeYAML (PyYAML's SafeLoader rejects it). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> supportApi() {
        Map<String, Object> loaded = oas;
        if (loaded == null) {
            synchronized (VendorSpecs.class) {
                if (oas == null) {
                    LoaderOptions options = new LoaderOptions();
                    options.setCodePointLimit(16 * 1024 * 1024);
                    try (Reader reader = Files.newBufferedReader(root().resolve("zendesk/support-api.oas.yaml"), StandardCharsets.UTF_8)) {
                        oas = (Map<String, Object>) new Yaml(options).load(reader);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                loaded = oas;
            }
        }
        return loaded;
    }
}

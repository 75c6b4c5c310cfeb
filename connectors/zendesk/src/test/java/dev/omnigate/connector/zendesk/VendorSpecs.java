package dev.omnigate.connector.zendesk;

import dev.omnigate.connector.testkit.VendorSpecFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Zendesk's files of the shared vendor specs, read in place through {@link VendorSpecFiles} (a missing folder fails
 * the test: these tests must never pass by skipping).
 */
final class VendorSpecs {

    private static volatile Map<String, Object> oas;

    private VendorSpecs() {
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
                    try (Reader reader = Files.newBufferedReader(VendorSpecFiles.vendor("zendesk").resolve("support-api.oas.yaml"),
                            StandardCharsets.UTF_8)) {
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

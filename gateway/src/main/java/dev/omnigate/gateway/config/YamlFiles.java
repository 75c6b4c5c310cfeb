package dev.omnigate.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The configuration folders' YAML files (store files, client files): which files a folder holds, and each one read
 * safely (no custom tags, duplicate keys refused) with a problem that gives line and column only, never the text (a
 * file may hold a pasted credential).
 */
public final class YamlFiles {

    private YamlFiles() {
    }

    /** A file's content, or what is wrong with it. */
    public record Read(Object document, String problem) {
        public boolean failed() {
            return problem != null;
        }
    }

    /**
     * The {@code *.yml} and {@code *.yaml} files of a folder in name order ({@code *.sample} and others are ignored); empty
     * when the folder does not exist.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".yml") || path.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    /** Reads one file; never throws. */
    public static Read read(Path file) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Read(new Yaml(new SafeConstructor(options)).load(Files.readString(file, StandardCharsets.UTF_8)), null);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            return new Read(null, "is not valid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            return new Read(null, "is not valid YAML");
        } catch (IOException e) {
            return new Read(null, "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** A YAML mapping with text keys, or null when the value is not a mapping. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        return copy;
    }
}

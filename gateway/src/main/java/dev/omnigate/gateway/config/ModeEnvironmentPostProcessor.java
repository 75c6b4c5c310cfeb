package dev.omnigate.gateway.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides the mode before anything is built, so a production install can never run demo accounts by accident:
 *
 * <ul>
 *   <li>{@code omnigate.sandbox.enabled} ({@code OMNIGATE_SANDBOX}) {@code true} or {@code false} decides; unset or
 *       {@code auto}, the sandbox runs only when the stores folder holds no store file. Store files present and the
 *       variable unset means stores mode: demo and real accounts never run side by side (an explicit sandbox ignores
 *       the store files, and says so at startup).</li>
 *   <li>Outside the sandbox, introspection ({@code spring.graphql.schema.introspection.enabled}) and GraphiQL
 *       ({@code omnigate.graphiql.enabled}) are off unless set; in the sandbox they are on.</li>
 * </ul>
 * Runs after the config files are read and before DGS's own defaults. The decision and its reason are left in
 * {@code omnigate.sandbox.enabled} and {@code omnigate.mode.reason}.
 */
public final class ModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Where the reason for the mode is left for the startup report. */
    public static final String REASON = "omnigate.mode.reason";
    static final String SANDBOX = "omnigate.sandbox.enabled";
    static final String INTROSPECTION = "spring.graphql.schema.introspection.enabled";
    static final String DGS_INTROSPECTION = "dgs.graphql.introspection.enabled";
    static final String GRAPHIQL = "omnigate.graphiql.enabled";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10; // after config data; before DGS's defaults, which copy the introspection switch
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(SANDBOX);
        Path storesDir = Path.of(environment.getProperty("omnigate.stores-dir", "config/stores"));
        List<Path> storeFiles = storeFiles(storesDir);
        boolean sandbox;
        String reason;
        String value = configured == null ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "true" -> {
                sandbox = true;
                reason = storeFiles.isEmpty() ? "omnigate.sandbox.enabled=true"
                        : "omnigate.sandbox.enabled=true: the " + storeFiles.size() + " store file(s) in " + storesDir + " are ignored";
            }
            case "false" -> {
                sandbox = false;
                reason = "omnigate.sandbox.enabled=false";
            }
            case "auto", "" -> {
                sandbox = storeFiles.isEmpty();
                reason = sandbox ? "no store file in " + storesDir + " and OMNIGATE_SANDBOX unset"
                        : "store files in " + storesDir + " (" + names(storeFiles) + ") and OMNIGATE_SANDBOX unset";
            }
            default -> throw new IllegalArgumentException("omnigate.sandbox.enabled (OMNIGATE_SANDBOX) must be true, false or auto, but was '"
                    + (configured.length() > 20 ? configured.substring(0, 20) + "…" : configured) + "'");
        }
        Map<String, Object> decided = new LinkedHashMap<>();
        decided.put(SANDBOX, sandbox);
        decided.put(REASON, reason);
        environment.getPropertySources().addFirst(new MapPropertySource("omnigate-mode", decided));
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (environment.getProperty(INTROSPECTION) == null && environment.getProperty(DGS_INTROSPECTION) == null) {
            defaults.put(INTROSPECTION, sandbox);
        }
        if (environment.getProperty(GRAPHIQL) == null) {
            defaults.put(GRAPHIQL, sandbox);
        }
        environment.getPropertySources().addLast(new MapPropertySource("omnigate-mode-defaults", defaults));
    }

    /** The store files of the folder (what the stores mode would read). */
    static List<Path> storeFiles(Path folder) {
        try {
            return YamlFiles.list(folder);
        } catch (IOException e) {
            return List.of(folder); // unreadable: better stores mode (and its error report) than a silent sandbox
        }
    }

    private static String names(List<Path> files) {
        List<String> names = files.stream().map(path -> path.getFileName().toString()).limit(5).toList();
        return String.join(", ", names) + (files.size() > 5 ? ", …" : "");
    }
}

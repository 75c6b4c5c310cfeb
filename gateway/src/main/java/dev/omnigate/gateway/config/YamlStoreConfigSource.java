package dev.omnigate.gateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every {@code *.yml} / {@code *.yaml} file of the stores folder (not {@code *.sample}), in file-name
 * order. Each file holds {@code omnigate.stores.<store>.accounts.<account>.{connector, enabled, config}}.
 *
 * <p>Values are read as written: {@code ${VAR}} placeholders are resolved later, by the validator, so that an
 * unset variable becomes one listed problem instead of an exception. YAML syntax errors are reported with
 * their line and column only, never with the offending text (it may hold a pasted credential).
 */
public final class YamlStoreConfigSource implements StoreConfigSource {

    private static final Set<String> STORE_KEYS = Set.of("accounts", "name");
    private static final Set<String> ACCOUNT_KEYS = Set.of("connector", "enabled", "config");

    private final Path folder;
    private final List<AccountDefinition> accounts = new ArrayList<>();
    private final List<StoreConfigProblem> problems = new ArrayList<>();
    private int files;

    public YamlStoreConfigSource(Path folder) {
        this.folder = folder;
        load();
    }

    private void load() {
        List<Path> storeFiles;
        try {
            storeFiles = YamlFiles.list(folder);
        } catch (IOException e) {
            problems.add(new StoreConfigProblem(folder.toString(), null, null, null, "cannot list the folder: " + e.getMessage()));
            return;
        }
        for (Path file : storeFiles) {
            files++;
            readFile(file);
        }
    }

    private void readFile(Path file) {
        String origin = file.toString();
        YamlFiles.Read read = YamlFiles.read(file);
        if (read.failed()) {
            problems.add(new StoreConfigProblem(origin, null, null, null, read.problem()));
            return;
        }
        Object document = read.document();
        if (document == null) {
            return; // an empty file defines nothing
        }
        Map<String, Object> root = asMap(document);
        if (root == null || !root.keySet().equals(Set.of("omnigate"))) {
            problems.add(new StoreConfigProblem(origin, null, null, null,
                    "must contain exactly one top-level key, 'omnigate' (with 'stores' under it)"));
            return;
        }
        Map<String, Object> omnigate = asMap(root.get("omnigate"));
        if (omnigate == null || !omnigate.keySet().equals(Set.of("stores"))) {
            problems.add(new StoreConfigProblem(origin, null, null, null,
                    "'omnigate' must contain only 'stores' (gateway settings belong in config/application.yml)"));
            return;
        }
        Map<String, Object> stores = asMap(omnigate.get("stores"));
        if (stores == null) {
            problems.add(new StoreConfigProblem(origin, null, null, null, "'omnigate.stores' must be a map of store ids"));
            return;
        }
        stores.forEach((storeId, storeValue) -> readStore(origin, storeId, storeValue));
    }

    private void readStore(String origin, String storeId, Object value) {
        Map<String, Object> store = asMap(value);
        if (store == null) {
            problems.add(new StoreConfigProblem(origin, storeId, null, null, "must be a map with 'accounts'"));
            return;
        }
        for (String key : store.keySet()) {
            if (!STORE_KEYS.contains(key)) {
                problems.add(new StoreConfigProblem(origin, storeId, null, null,
                        "'" + key + "' is not a store setting; known settings are " + STORE_KEYS.stream().sorted().toList()));
            }
        }
        Map<String, Object> accountMap = asMap(store.get("accounts"));
        if (accountMap == null || accountMap.isEmpty()) {
            problems.add(new StoreConfigProblem(origin, storeId, null, null, "'accounts' must be a non-empty map of account ids"));
            return;
        }
        accountMap.forEach((accountId, accountValue) -> readAccount(origin, storeId, accountId, accountValue));
    }

    private void readAccount(String origin, String storeId, String accountId, Object value) {
        Map<String, Object> account = asMap(value);
        List<String> structure = new ArrayList<>();
        if (account == null) {
            accounts.add(new AccountDefinition(origin, storeId, accountId, null, true, Map.of(),
                    List.of("must be a map with 'connector' and 'config'")));
            return;
        }
        for (String key : account.keySet()) {
            if (!ACCOUNT_KEYS.contains(key)) {
                structure.add("'" + key + "' is not an account setting; known settings are " + ACCOUNT_KEYS.stream().sorted().toList());
            }
        }
        Object connector = account.get("connector");
        String connectorId = connector instanceof String text && !text.isBlank() ? text.trim() : null;
        if (connector != null && connectorId == null) {
            structure.add("'connector' must be a connector id such as shopify");
        }
        boolean enabled = true;
        Object enabledValue = account.get("enabled");
        if (enabledValue instanceof Boolean flag) {
            enabled = flag;
        } else if (enabledValue != null) {
            structure.add("'enabled' must be true or false, but was '" + enabledValue + "'");
        }
        Map<String, Object> config = Map.of();
        if (account.containsKey("config")) {
            config = asMap(account.get("config"));
            if (config == null) {
                structure.add("'config' must be a map of the connector's keys");
                config = Map.of();
            }
        }
        accounts.add(new AccountDefinition(origin, storeId, accountId, connectorId, enabled, config, structure));
    }

    private static Map<String, Object> asMap(Object value) {
        return YamlFiles.asMap(value);
    }

    @Override
    public List<AccountDefinition> accounts() {
        return List.copyOf(accounts);
    }

    @Override
    public List<StoreConfigProblem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public String describe() {
        return Files.isDirectory(folder)
                ? folder + " (" + files + (files == 1 ? " file)" : " files)")
                : folder + " (missing: no store files)";
    }
}

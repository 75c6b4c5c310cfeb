package dev.omnigate.gateway.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One account as written in a store source, before validation: placeholders are still unresolved and the
 * connector config is the raw map.
 *
 * @param origin where it was defined, for messages (a file path, or {@code sandbox})
 * @param storeId the store (brand) it belongs to
 * @param accountId its id, unique over all stores
 * @param connectorId the {@code connector:} value; null when missing
 * @param enabled whether the gateway should create it
 * @param rawConfig the {@code config:} map as read (values: strings, numbers, booleans, lists)
 * @param problems structural problems found while reading (unknown account-level keys, wrong types)
 */
public record AccountDefinition(String origin, String storeId, String accountId, String connectorId, boolean enabled,
        Map<String, Object> rawConfig, java.util.List<String> problems) {

    public AccountDefinition {
        requireNonNull(origin, "origin is null");
        requireNonNull(storeId, "storeId is null");
        requireNonNull(accountId, "accountId is null");
        // LinkedHashMap keeps the file's key order for messages; values may be null (an empty YAML value)
        rawConfig = Collections.unmodifiableMap(new LinkedHashMap<>(rawConfig == null ? Map.of() : rawConfig));
        problems = problems == null ? java.util.List.of() : java.util.List.copyOf(problems);
    }
}

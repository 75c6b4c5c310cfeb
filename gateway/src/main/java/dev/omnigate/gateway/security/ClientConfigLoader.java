package dev.omnigate.gateway.security;

import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.gateway.config.YamlFiles;
import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads and validates the API clients: every {@code *.yml} / {@code *.yaml} file of the clients folder (in file-name
 * order) and {@code omnigate.clients.*} from the application's properties, both of the same shape:
 *
 * <pre>
 * omnigate:
 *   clients:
 *     support-desk:
 *       name: Support desk sidebar
 *       scopes: [customers:read, orders:read, tickets:read]
 *       api-keys:
 *         - id: 7q3xk2m9abcd
 *           hash: "{bcrypt}$2a$10$..."
 *           expires-at: 2027-06-30T00:00:00Z   # optional
 *           revoked: false                       # optional
 *       partner:                                  # optional row-level limits
 *         skus: ["ACME-*"]
 *         location-kinds: [WAREHOUSE]
 *         locations: ["&lt;Location id&gt;"]
 * </pre>
 *
 * Every problem of every source is collected (file › client › key: what is wrong); no message ever contains a key or a
 * hash, and YAML syntax errors are reported by line and column only (the text may hold a pasted key).
 */
public final class ClientConfigLoader {

    /** The settings of a client. */
    static final List<String> CLIENT_KEYS = List.of("name", "scopes", "api-keys", "partner", "quota");
    /** The settings of a client's cost limits. */
    static final List<String> QUOTA_KEYS = List.of("max-request-cost", "bucket-size", "restore-rate");
    /** The settings of one API key. */
    static final List<String> KEY_KEYS = List.of("id", "hash", "expires-at", "revoked");
    /** The settings of a partner filter. */
    static final List<String> PARTNER_KEYS = List.of("skus", "location-kinds", "locations");

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final String PROPERTIES_ORIGIN = "application properties (omnigate.clients)";

    /**
     * What was read: the valid clients, every problem (the configuration is unusable when there is any), warnings that do
     * not stop it, and a description for the startup log.
     */
    public record Result(List<ClientDefinition> clients, List<ClientConfigProblem> problems, List<String> warnings, String description) {
        public Result {
            clients = List.copyOf(clients);
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        public List<String> problemLines() {
            return problems.stream().map(ClientConfigProblem::describe).toList();
        }
    }

    private record RawClient(String origin, String id, Object value) {
    }

    private final Path folder;
    private final Environment environment;

    /**
     * @param folder the clients folder (absent is fine: no file clients)
     * @param environment where {@code omnigate.clients.*} is bound from; null for none
     */
    public ClientConfigLoader(Path folder, Environment environment) {
        this.folder = folder;
        this.environment = environment;
    }

    /** Reads every source again (the registry calls this to reload). Never throws for bad content. */
    public Result load() {
        List<ClientConfigProblem> problems = new ArrayList<>();
        List<RawClient> raw = new ArrayList<>();
        int files = readFolder(raw, problems);
        readEnvironment(raw, problems);
        List<String> warnings = new ArrayList<>();
        List<ClientDefinition> clients = validate(raw, problems, warnings);
        String description = (Files.isDirectory(folder) ? folder + " (" + files + (files == 1 ? " file" : " files") + ")"
                : folder + " (missing)") + (raw.stream().anyMatch(client -> client.origin().equals(PROPERTIES_ORIGIN))
                ? " and omnigate.clients properties" : "");
        return new Result(clients, problems, warnings, description);
    }

    /** A digest of each client file's content, to notice changes (client files are small; timestamps can be coarse). */
    public Map<Path, String> fingerprint() {
        Map<Path, String> digests = new TreeMap<>();
        for (Path file : files()) {
            try {
                digests.put(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            } catch (IOException | NoSuchAlgorithmException e) {
                digests.put(file, "unreadable");
            }
        }
        return digests;
    }

    private List<Path> files() {
        try {
            return YamlFiles.list(folder);
        } catch (IOException e) {
            return List.of();
        }
    }

    private int readFolder(List<RawClient> raw, List<ClientConfigProblem> problems) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files = files();
        for (Path file : files) {
            readFile(file, raw, problems);
        }
        return files.size();
    }

    private static void readFile(Path file, List<RawClient> raw, List<ClientConfigProblem> problems) {
        String origin = file.toString();
        YamlFiles.Read read = YamlFiles.read(file);
        if (read.failed()) {
            problems.add(new ClientConfigProblem(origin, null, null, read.problem()));
            return;
        }
        Object document = read.document();
        if (document == null) {
            return; // an empty file defines nothing
        }
        Map<String, Object> root = asMap(document);
        Map<String, Object> omnigate = root == null ? null : asMap(root.get("omnigate"));
        if (root == null || !root.keySet().equals(Set.of("omnigate")) || omnigate == null || !omnigate.keySet().equals(Set.of("clients"))) {
            problems.add(new ClientConfigProblem(origin, null, null,
                    "must contain exactly 'omnigate' with only 'clients' under it (gateway settings belong in config/application.yml)"));
            return;
        }
        Map<String, Object> clients = asMap(omnigate.get("clients"));
        if (clients == null) {
            problems.add(new ClientConfigProblem(origin, null, null, "'omnigate.clients' must be a map of client ids"));
            return;
        }
        clients.forEach((id, value) -> raw.add(new RawClient(origin, id, value)));
    }

    private void readEnvironment(List<RawClient> raw, List<ClientConfigProblem> problems) {
        if (environment == null) {
            return;
        }
        Map<String, Object> clients;
        try {
            clients = Binder.get(environment).bind("omnigate.clients", Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        } catch (RuntimeException e) {
            problems.add(new ClientConfigProblem(PROPERTIES_ORIGIN, null, null, "cannot be read as a map of client ids"));
            return;
        }
        clients.forEach((id, value) -> raw.add(new RawClient(PROPERTIES_ORIGIN, id, listsFromIndexedMaps(value))));
    }

    /** Spring binds {@code scopes[0]} as a map keyed {@code 0}; such maps are lists. */
    private static Object listsFromIndexedMaps(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        boolean indexed = !map.isEmpty() && map.keySet().stream().allMatch(key -> String.valueOf(key).matches("\\d{1,6}"));
        if (indexed) {
            TreeMap<Integer, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(Integer.parseInt(String.valueOf(key)), listsFromIndexedMaps(item)));
            return new ArrayList<>(sorted.values());
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, item) -> copy.put(String.valueOf(key), listsFromIndexedMaps(item)));
        return copy;
    }

    private static List<ClientDefinition> validate(List<RawClient> raw, List<ClientConfigProblem> problems, List<String> warnings) {
        List<ClientDefinition> clients = new ArrayList<>();
        Map<String, String> originOfClient = new HashMap<>();
        Map<String, String> clientOfKey = new HashMap<>();
        for (RawClient client : raw) {
            Issues issues = new Issues(client.origin(), client.id(), problems);
            if (!CLIENT_ID.matcher(client.id()).matches()) {
                issues.add(null, "is not a valid client id: use 1 to 63 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
                continue;
            }
            String earlier = originOfClient.putIfAbsent(client.id(), client.origin());
            if (earlier != null) {
                issues.add(null, "is defined twice (also in " + earlier + ")");
                continue;
            }
            ClientDefinition definition = client(client, issues, warnings);
            if (definition == null) {
                continue;
            }
            for (int i = 0; i < definition.apiKeys().size(); i++) {
                String keyId = definition.apiKeys().get(i).id();
                String owner = clientOfKey.putIfAbsent(keyId, definition.id());
                if (owner != null) {
                    issues.add("api-keys[" + i + "].id", "key id '" + keyId + "' is already used by client '" + owner
                            + "'; every key needs its own id (generate a new key)");
                }
            }
            if (!issues.any()) {
                clients.add(definition);
            }
        }
        return clients;
    }

    /** Problems of one client. */
    private static final class Issues {
        private final String origin;
        private final String client;
        private final List<ClientConfigProblem> problems;
        private boolean any;

        Issues(String origin, String client, List<ClientConfigProblem> problems) {
            this.origin = origin;
            this.client = client;
            this.problems = problems;
        }

        void add(String key, String message) {
            any = true;
            problems.add(new ClientConfigProblem(origin, client, key, message));
        }

        boolean any() {
            return any;
        }
    }

    private static ClientDefinition client(RawClient raw, Issues issues, List<String> warnings) {
        Map<String, Object> settings = asMap(raw.value());
        if (settings == null) {
            issues.add(null, "must be a map with 'scopes' (and 'api-keys', 'name', 'partner')");
            return null;
        }
        for (String key : settings.keySet()) {
            if (!CLIENT_KEYS.contains(key)) {
                issues.add(key, plainTextKeyName(key) ? "API keys are never configured in plain text: store the key's hash under "
                        + "'api-keys' (the new-api-key command prints it)" : "is not a client setting; known settings are " + CLIENT_KEYS);
            }
        }
        String name = raw.id();
        Object nameValue = settings.get("name");
        if (nameValue instanceof String text && !text.isBlank() && text.length() <= 200) {
            name = text.trim();
        } else if (nameValue != null) {
            issues.add("name", "must be a text of at most 200 characters");
        }
        Set<Scope> scopes = scopes(settings.get("scopes"), issues);
        List<ApiKeyDefinition> keys = keys(raw.id(), settings.get("api-keys"), issues, warnings, raw.origin());
        PartnerFilter partner = partner(settings.get("partner"), issues);
        ClientQuota quota = quota(settings.get("quota"), issues);
        return new ClientDefinition(raw.id(), name, scopes, keys, partner, raw.origin(), quota);
    }

    private static boolean plainTextKeyName(String key) {
        return Set.of("key", "api-key", "apikey", "secret", "token", "password").contains(key.toLowerCase(java.util.Locale.ROOT));
    }

    private static Set<Scope> scopes(Object value, Issues issues) {
        List<String> names = strings(value);
        if (names == null || names.isEmpty()) {
            issues.add("scopes", "must list at least one scope of " + Scope.names());
            return Set.of();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            Scope.of(name.trim()).ifPresentOrElse(scopes::add, () -> issues.add("scopes", "'" + shorten(name)
                    + "' is not a scope; known scopes are " + Scope.names()));
        }
        return scopes;
    }

    private static List<ApiKeyDefinition> keys(String clientId, Object value, Issues issues, List<String> warnings, String origin) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            issues.add("api-keys", "must be a list of keys, each with 'id' and 'hash'");
            return List.of();
        }
        List<ApiKeyDefinition> keys = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "api-keys[" + i + "]";
            Map<String, Object> key = asMap(list.get(i));
            if (key == null) {
                issues.add(at, list.get(i) instanceof String text && text.startsWith(ApiKeys.PREFIX)
                        ? "holds an API key in plain text; store only its hash (the new-api-key command prints it)"
                        : "must be a map with 'id' and 'hash'");
                continue;
            }
            for (String setting : key.keySet()) {
                if (!KEY_KEYS.contains(setting)) {
                    issues.add(at + "." + setting, plainTextKeyName(setting)
                            ? "API keys are never configured in plain text: store only the key's hash under 'hash'"
                            : "is not a key setting; known settings are " + KEY_KEYS);
                }
            }
            Object idValue = key.get("id");
            String id = idValue instanceof String text ? text.trim() : idValue == null ? null : String.valueOf(idValue);
            if (!ApiKeys.isKeyId(id)) {
                issues.add(at + ".id", "must be the key's id (3 to 40 of a-z, 0-9 and '-': the part of the key between 'og_' and the next '_')");
                id = null;
            } else if (!ids.add(id)) {
                issues.add(at + ".id", "key id '" + id + "' is listed twice");
            }
            Object hashValue = key.get("hash");
            String hash = null;
            if (!(hashValue instanceof String text) || text.isBlank()) {
                issues.add(at + ".hash", "is required: the key's bcrypt or Argon2 hash as printed by the new-api-key command");
            } else if (text.trim().startsWith(ApiKeys.PREFIX)) {
                issues.add(at + ".hash", "holds an API key in plain text; store only its hash (the new-api-key command prints it)");
            } else {
                hash = ApiKeyHashes.normalize(text).orElse(null);
                if (hash == null) {
                    issues.add(at + ".hash", "is not a bcrypt or Argon2 hash (expected {bcrypt}$2a$... or {argon2@SpringSecurity_v5_8}$argon2id$..."
                            + " as printed by the new-api-key command); plain-text keys and other digests are refused");
                } else if (ApiKeyHashes.kindOf(hash) == ApiKeyHashes.Kind.BCRYPT
                        && ApiKeyHashes.bcryptStrength(hash) < ApiKeyHashes.WEAK_BCRYPT_STRENGTH) {
                    warnings.add(origin + " › client '" + clientId + "' › '" + at + ".hash': bcrypt cost "
                            + ApiKeyHashes.bcryptStrength(hash) + " is weak for production (generated hashes use "
                            + ApiKeyHashes.BCRYPT_STRENGTH + ")");
                }
            }
            Instant expiresAt = instant(key.get("expires-at"), at + ".expires-at", issues);
            boolean revoked = false;
            Object revokedValue = key.get("revoked");
            if (revokedValue instanceof Boolean flag) {
                revoked = flag;
            } else if (revokedValue instanceof String text && (text.equals("true") || text.equals("false"))) {
                revoked = Boolean.parseBoolean(text);
            } else if (revokedValue != null) {
                issues.add(at + ".revoked", "must be true or false");
            }
            if (id != null && hash != null) {
                keys.add(new ApiKeyDefinition(id, hash, expiresAt, revoked));
            }
        }
        return keys;
    }

    private static Instant instant(Object value, String key, Issues issues) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant(); // YAML reads an unquoted timestamp as a date
        }
        String text = String.valueOf(value).trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                issues.add(key, "must be an instant such as 2027-06-30T00:00:00Z or a date such as 2027-06-30");
                return null;
            }
        }
    }

    private static PartnerFilter partner(Object value, Issues issues) {
        if (value == null) {
            return PartnerFilter.NONE;
        }
        Map<String, Object> settings = asMap(value);
        if (settings == null) {
            issues.add("partner", "must be a map with 'skus', 'location-kinds' and/or 'locations'");
            return PartnerFilter.NONE;
        }
        for (String key : settings.keySet()) {
            if (!PARTNER_KEYS.contains(key)) {
                issues.add("partner." + key, "is not a partner setting; known settings are " + PARTNER_KEYS);
            }
        }
        List<String> skus = new ArrayList<>();
        if (settings.containsKey("skus")) {
            List<String> patterns = strings(settings.get("skus"));
            if (patterns == null || patterns.isEmpty()) {
                issues.add("partner.skus", "must be a non-empty list of SKU patterns such as ACME-* (leave it out to allow every SKU)");
            } else if (patterns.size() > PartnerFilter.MAX_SKU_PATTERNS) {
                issues.add("partner.skus", "holds " + patterns.size() + " patterns; at most " + PartnerFilter.MAX_SKU_PATTERNS);
            } else {
                for (String pattern : patterns) {
                    if (pattern.isBlank() || pattern.length() > 255) {
                        issues.add("partner.skus", "patterns must be 1 to 255 characters");
                    } else {
                        skus.add(pattern.trim());
                    }
                }
            }
        }
        Set<LocationKind> kinds = EnumSet.noneOf(LocationKind.class);
        if (settings.containsKey("location-kinds")) {
            List<String> names = strings(settings.get("location-kinds"));
            if (names == null || names.isEmpty()) {
                issues.add("partner.location-kinds", "must be a non-empty list of " + Arrays.toString(LocationKind.values()));
            } else {
                for (String name : names) {
                    try {
                        kinds.add(LocationKind.valueOf(name.trim()));
                    } catch (IllegalArgumentException e) {
                        issues.add("partner.location-kinds", "'" + shorten(name) + "' is not a location kind; known kinds are "
                                + Arrays.toString(LocationKind.values()));
                    }
                }
            }
        }
        Set<PartnerFilter.LocationRef> locations = new LinkedHashSet<>();
        if (settings.containsKey("locations")) {
            List<String> ids = strings(settings.get("locations"));
            if (ids == null || ids.isEmpty()) {
                issues.add("partner.locations", "must be a non-empty list of Location ids (as the locations query returns them)");
            } else {
                for (String id : ids) {
                    try {
                        GlobalId location = GlobalId.decode(id.trim(), GlobalIdType.Location, "locations");
                        locations.add(new PartnerFilter.LocationRef(location.account(), location.nativeId()));
                    } catch (BadRequestException e) {
                        issues.add("partner.locations", "'" + shorten(id) + "' is not a Location id (copy the id field of the locations query)");
                    }
                }
            }
        }
        return new PartnerFilter(skus, kinds, locations);
    }

    private static ClientQuota quota(Object value, Issues issues) {
        if (value == null) {
            return ClientQuota.DEFAULTS;
        }
        Map<String, Object> settings = asMap(value);
        if (settings == null) {
            issues.add("quota", "must be a map with 'max-request-cost', 'bucket-size' and/or 'restore-rate'");
            return ClientQuota.DEFAULTS;
        }
        for (String key : settings.keySet()) {
            if (!QUOTA_KEYS.contains(key)) {
                issues.add("quota." + key, "is not a quota setting; known settings are " + QUOTA_KEYS);
            }
        }
        Integer maxRequestCost = positive(settings.get("max-request-cost"), "quota.max-request-cost", issues);
        Integer bucketSize = positive(settings.get("bucket-size"), "quota.bucket-size", issues);
        Integer restoreRate = positive(settings.get("restore-rate"), "quota.restore-rate", issues);
        if (maxRequestCost != null && bucketSize != null && maxRequestCost > bucketSize) {
            issues.add("quota.max-request-cost", "must not exceed quota.bucket-size: such a request could never run");
        }
        return new ClientQuota(maxRequestCost, bucketSize, restoreRate);
    }

    private static Integer positive(Object value, String key, Issues issues) {
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(String.valueOf(value).trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        issues.add(key, "must be a whole number of at least 1");
        return null;
    }

    /** A list of texts: a YAML list or a comma-separated text; null when it is neither. */
    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            for (Object item : list) {
                if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                    return null;
                }
                texts.add(String.valueOf(item));
            }
            return texts;
        }
        if (value instanceof String text) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }
        return null;
    }

    /** A configured value safe to quote in a message: short, and never something that looks like a key. */
    private static String shorten(String text) {
        if (text.trim().startsWith(ApiKeys.PREFIX)) {
            return "(a value that looks like an API key)";
        }
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    private static Map<String, Object> asMap(Object value) {
        return YamlFiles.asMap(value);
    }
}

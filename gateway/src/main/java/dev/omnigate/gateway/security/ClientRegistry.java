package dev.omnigate.gateway.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API clients in force: the configured ones ({@link ClientConfigLoader}) and the built-in ones (the sandbox's demo
 * clients). Built once at startup, where any problem stops the gateway; then {@link #reloadIfChanged()} re-reads the
 * client files when they change: a valid new configuration replaces the old one at once (a revoked or removed key stops
 * working on the next request), an invalid one is logged and ignored, so a typo never locks every client out.
 */
public final class ClientRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);

    /** One key and the client it belongs to. */
    public record KeyEntry(ClientDefinition client, ApiKeyDefinition key) {
    }

    private record Snapshot(Map<String, ClientDefinition> clients, Map<String, KeyEntry> keys) {
    }

    private final ClientConfigLoader loader;
    private final List<BuiltInClients> builtIns;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile Map<Path, String> fingerprint;
    private volatile String description;

    /**
     * @throws InvalidClientConfigException when the configuration has any problem
     */
    public ClientRegistry(ClientConfigLoader loader, List<BuiltInClients> builtIns) {
        this.loader = loader;
        this.builtIns = List.copyOf(builtIns);
        this.fingerprint = loader.fingerprint();
        ClientConfigLoader.Result result = loader.load();
        List<String> problems = new ArrayList<>(result.problemLines());
        Snapshot snapshot = snapshot(result, problems);
        if (!problems.isEmpty()) {
            throw new InvalidClientConfigException(problems);
        }
        result.warnings().forEach(warning -> LOG.warn("client configuration: {}", warning));
        current.set(snapshot);
        description = result.description();
    }

    private Snapshot snapshot(ClientConfigLoader.Result result, List<String> problems) {
        Map<String, ClientDefinition> clients = new LinkedHashMap<>();
        List<ClientDefinition> all = new ArrayList<>(result.clients());
        builtIns.forEach(source -> all.addAll(source.clients()));
        for (ClientDefinition client : all) {
            ClientDefinition earlier = clients.putIfAbsent(client.id(), client);
            if (earlier != null) {
                problems.add(client.origin() + " › client '" + client.id() + "': is defined twice (also in " + earlier.origin() + ")");
            }
        }
        Map<String, KeyEntry> keys = new LinkedHashMap<>();
        for (ClientDefinition client : clients.values()) {
            for (ApiKeyDefinition key : client.apiKeys()) {
                KeyEntry earlier = keys.putIfAbsent(key.id(), new KeyEntry(client, key));
                if (earlier != null && earlier.client() != client) {
                    problems.add(client.origin() + " › client '" + client.id() + "': key id '" + key.id() + "' is already used by client '"
                            + earlier.client().id() + "'");
                }
            }
        }
        return new Snapshot(java.util.Collections.unmodifiableMap(clients), Map.copyOf(keys)); // clients in file order
    }

    /** The key with this id and its client; empty for an unknown id. */
    public Optional<KeyEntry> key(String keyId) {
        return Optional.ofNullable(current.get().keys().get(keyId));
    }

    /** The configured client with this id (JWT subjects are matched against it for partner limits). */
    public Optional<ClientDefinition> client(String clientId) {
        return Optional.ofNullable(current.get().clients().get(clientId));
    }

    /** Every client in force. */
    public List<ClientDefinition> clients() {
        return List.copyOf(current.get().clients().values());
    }

    /** Where the clients come from, for the startup log. */
    public String describe() {
        StringBuilder text = new StringBuilder(description);
        builtIns.forEach(source -> text.append(" + ").append(source.describe()));
        return text.toString();
    }

    /** Runs after every successful reload (caches of verified keys are dropped this way). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Re-reads the client files when they changed since the last look.
     *
     * @return whether a new configuration was put in force
     */
    public synchronized boolean reloadIfChanged() {
        Map<Path, String> now = loader.fingerprint();
        if (now.equals(fingerprint)) {
            return false;
        }
        fingerprint = now;
        ClientConfigLoader.Result result = loader.load();
        List<String> problems = new ArrayList<>(result.problemLines());
        Snapshot snapshot = snapshot(result, problems);
        if (!problems.isEmpty()) {
            LOG.error("the changed client configuration has {} problem(s) and was NOT applied; the previous clients stay in force:{}{}",
                    problems.size(), System.lineSeparator(), String.join(System.lineSeparator(), problems));
            return false;
        }
        result.warnings().forEach(warning -> LOG.warn("client configuration: {}", warning));
        current.set(snapshot);
        description = result.description();
        changeListeners.forEach(Runnable::run);
        LOG.info("client configuration reloaded: {} client(s), {} API key(s)", snapshot.clients().size(), snapshot.keys().size());
        return true;
    }
}

package dev.omnigate.gateway.connector;

import dev.omnigate.connector.api.error.ConnectorException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records of one request that failed inside otherwise successful batch answers, by account and key (see
 * {@link dev.omnigate.connector.api.ItemFailureSink}); loaders report them for their key alone. Thread-safe.
 */
public final class ItemFailures {

    private record Key(String account, String key) {
    }

    private final Map<Key, ConnectorException> failures = new ConcurrentHashMap<>();

    void add(String account, String key, ConnectorException failure) {
        if (account != null && key != null && failure != null) {
            failures.putIfAbsent(new Key(account, key), failure);
        }
    }

    /** The failure a connector reported for this key of the account in this request, if any. */
    public Optional<ConnectorException> of(String account, String key) {
        return Optional.ofNullable(failures.get(new Key(account, key)));
    }
}

package dev.omnigate.gateway.connector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers one request got from cache entries past their freshness, one note per account and operation (the
 * oldest age kept): served while being refreshed ({@code revalidating}) or because the vendor call failed
 * ({@code upstreamFailed}). Thread-safe: loaders of several levels add to it concurrently.
 */
public final class StaleServes {

    /**
     * @param account the account whose data was stale
     * @param operation e.g. {@code inventory.getBySkus}
     * @param age how old the oldest served entry was
     * @param reason {@code revalidating} or {@code upstreamFailed}
     */
    public record StaleServe(String account, String operation, Duration age, String reason) {
    }

    private final Map<String, StaleServe> serves = new LinkedHashMap<>();

    public synchronized void add(String account, String operation, Duration age, String reason) {
        serves.merge(account + "\u0000" + operation + "\u0000" + reason, new StaleServe(account, operation, age, reason),
                (kept, added) -> kept.age().compareTo(added.age()) >= 0 ? kept : added);
    }

    public synchronized List<StaleServe> all() {
        return new ArrayList<>(serves.values());
    }

    /** The notes as the response's {@code extensions.stale} entries. */
    public synchronized List<Map<String, Object>> asExtensions() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (StaleServe serve : serves.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("account", serve.account());
            entry.put("operation", serve.operation());
            entry.put("ageSeconds", serve.age().toSeconds());
            entry.put("reason", serve.reason());
            list.add(entry);
        }
        return list;
    }
}

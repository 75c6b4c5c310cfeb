package dev.omnigate.connector.api;

import java.time.Clock;
import java.util.Optional;

/**
 * Services the host hands to a connector when it creates it. Owned by the host; a connector keeps it
 * for its lifetime and never implements it (tests use the testkit's implementation).
 *
 * @since 1.0
 */
public interface ConnectorContext {

    /** The id of the account this connector instance serves, as configured (e.g. {@code shopify-us}). */
    String accountId();

    /** The host's clock; use it instead of {@link Clock#systemUTC()} for anything time-based. */
    Clock clock();

    /**
     * A host-provided service of the given type, if the host offers one: for example a shared
     * {@code okhttp3.OkHttpClient} to derive per-account clients from. Connectors must work when the
     * service is absent. Never throws.
     */
    default <T> Optional<T> service(Class<T> type) {
        return Optional.empty();
    }
}

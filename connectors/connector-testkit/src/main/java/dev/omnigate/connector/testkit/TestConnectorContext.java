package dev.omnigate.connector.testkit;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.ConnectorContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The host context for tests: an account id, a clock, and optionally host services keyed by type.
 *
 * @param accountId the account the connector serves
 * @param clock the clock handed to the connector
 * @param services host services by type (e.g. a shared {@code okhttp3.OkHttpClient}); may be empty
 */
public record TestConnectorContext(String accountId, Clock clock, Map<Class<?>, Object> services) implements ConnectorContext {

    public TestConnectorContext {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(clock, "clock is null");
        services = Map.copyOf(services);
    }

    /** A context on the system UTC clock with no host services. */
    public static TestConnectorContext of(String accountId) {
        return new TestConnectorContext(accountId, Clock.systemUTC(), Map.of());
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }
}

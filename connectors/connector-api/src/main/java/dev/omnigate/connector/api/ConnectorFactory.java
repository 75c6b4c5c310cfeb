package dev.omnigate.connector.api;

import dev.omnigate.connector.api.config.ConnectorConfig;

/**
 * Entry point of a connector plugin, found through {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/dev.omnigate.connector.api.ConnectorFactory}.
 *
 * <p>The gateway instantiates each factory once at startup through its public no-argument
 * constructor, reads {@link #descriptor()}, validates each configured account against the
 * descriptor's {@link dev.omnigate.connector.api.config.ConfigSpec} (reporting every problem of every
 * account at once), and only then calls {@link #create} once per account.
 *
 * @since 1.0
 */
public interface ConnectorFactory {

    /**
     * Describes this connector. Called several times; must return an equal value each time, must be
     * cheap, and must not throw.
     */
    ConnectorDescriptor descriptor();

    /**
     * Creates the connector for one account.
     *
     * <p>Called from the gateway's startup thread (or a configuration-reload thread), once per account.
     * {@code config} has already passed {@code descriptor().configSpec()} validation, so required keys
     * are present and typed. Must not perform network I/O: connectivity problems are reported later by
     * {@link Connector#checkHealth}. May throw {@link dev.omnigate.connector.api.error.ConnectorException}
     * with category {@code CONFIG} for cross-field problems the spec cannot express; the message must
     * name the key and must not contain secret values.
     */
    Connector create(ConnectorConfig config, ConnectorContext context);
}

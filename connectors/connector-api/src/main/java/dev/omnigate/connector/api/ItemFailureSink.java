package dev.omnigate.connector.api;

import dev.omnigate.connector.api.error.ConnectorException;

/**
 * Receives the failure of one record inside an otherwise successful batch answer (a bulk endpoint's per-item error,
 * a record the connector cannot map, such as money in an unknown currency). The record's key is then absent from the
 * batch result, and the host reports the failure for that key alone while serving the rest.
 *
 * <p>Connectors call it through {@link CallContext#reportItemFailure} on the thread of the reader call; it never
 * throws. Keys are the ids or SKUs exactly as the batch method received them.
 *
 * @since 1.1
 */
@FunctionalInterface
public interface ItemFailureSink {

    void failed(String key, ConnectorException failure);

    /** A sink that drops every report (contexts built without a host, e.g. in connector tests). */
    static ItemFailureSink ignoring() {
        return (key, failure) -> {
        };
    }
}

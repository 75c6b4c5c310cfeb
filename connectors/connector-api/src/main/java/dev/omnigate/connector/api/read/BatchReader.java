package dev.omnigate.connector.api.read;

/**
 * Common part of every batch-first reader.
 *
 * @since 1.0
 */
public interface BatchReader {

    /**
     * The most ids (or SKUs) one batch method call accepts; the host splits larger sets into chunks
     * of at most this size. Constant for the reader's lifetime; at least 1.
     */
    int maxBatchSize();
}

package dev.omnigate.gateway.audit;

/**
 * Where PII audit records go: a JSON-lines file, the application log, or a Redis Stream (see
 * {@code omnigate.audit.sink}). Called on the thread that finishes the request, once per answer that held personal
 * data; must not throw (a failure is counted and logged without the record's content).
 */
public interface AuditSink extends AutoCloseable {

    void write(PiiAuditRecord record);

    /** A short description for the startup log, e.g. {@code file logs/audit.jsonl}. */
    String describe();

    @Override
    default void close() {
    }
}

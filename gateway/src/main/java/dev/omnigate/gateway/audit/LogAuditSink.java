package dev.omnigate.gateway.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each record as one JSON line to the logger {@code omnigate.audit} at INFO (route it with the logging config). */
public final class LogAuditSink implements AuditSink {

    /** The logger name operators route. */
    public static final String LOGGER = "omnigate.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void write(PiiAuditRecord record) {
        LOG.info("{}", AuditJson.line(record));
    }

    @Override
    public String describe() {
        return "log (logger " + LOGGER + ")";
    }
}

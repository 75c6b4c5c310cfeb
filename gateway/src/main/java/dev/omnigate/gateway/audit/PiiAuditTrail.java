package dev.omnigate.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands PII audit records to the configured sink and counts them ({@code omnigate.audit.records{outcome}}). A sink that
 * fails is logged (without the record) and counted as {@code failed}; the answer is still sent, since refusing service
 * because the audit store blinked would turn an audit outage into a support outage.
 */
public final class PiiAuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(PiiAuditTrail.class);

    private final AuditSink sink;
    private final Counter written;
    private final Counter failed;

    public PiiAuditTrail(AuditSink sink, MeterRegistry meters) {
        this.sink = sink;
        this.written = Counter.builder("omnigate.audit.records").tag("outcome", "written")
                .description("PII audit records by outcome").register(meters);
        this.failed = Counter.builder("omnigate.audit.records").tag("outcome", "failed")
                .description("PII audit records by outcome").register(meters);
    }

    public void record(PiiAuditRecord record) {
        try {
            sink.write(record);
            written.increment();
        } catch (RuntimeException e) {
            failed.increment();
            LOG.error("could not write a PII audit record for request {} to {}: {}", record.requestId(), sink.describe(),
                    e.getClass().getSimpleName());
        }
    }

    public String describe() {
        return sink.describe();
    }
}

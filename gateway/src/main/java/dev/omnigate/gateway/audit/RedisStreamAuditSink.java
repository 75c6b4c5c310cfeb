package dev.omnigate.gateway.audit;

import dev.omnigate.gateway.events.EventStoreUnavailableException;
import dev.omnigate.gateway.events.EventsRedis;
import io.lettuce.core.XAddArgs;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each record to the Redis Stream {@code <prefix>audit} (one entry per record, field {@code record} holding the
 * JSON line, plus {@code client} and {@code requestId} for XRANGE scans), trimmed to about {@code redis-max-length}
 * entries. Shared by every gateway instance on the Redis. When Redis cannot take a record it goes to the application log
 * ({@link LogAuditSink}) instead, so no record is lost silently.
 */
public final class RedisStreamAuditSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(RedisStreamAuditSink.class);

    private final EventsRedis redis;
    private final String stream;
    private final long maxLength;
    private final AuditSink fallback = new LogAuditSink();

    public RedisStreamAuditSink(EventsRedis redis, long maxLength) {
        this.redis = redis;
        this.stream = redis.keyOf("audit");
        this.maxLength = maxLength;
    }

    /** The stream's key. */
    public String stream() {
        return stream;
    }

    @Override
    public void write(PiiAuditRecord record) {
        String line = AuditJson.line(record);
        Map<String, String> entry = new java.util.LinkedHashMap<>();
        entry.put("record", line);
        entry.put("client", record.client());
        entry.put("requestId", record.requestId() == null ? "" : record.requestId());
        try {
            redis.call("append a PII audit record", commands -> commands.xadd(stream, XAddArgs.Builder.maxlen(maxLength).approximateTrimming(),
                    entry));
        } catch (EventStoreUnavailableException e) {
            LOG.warn("Redis did not take a PII audit record; it is written to the log {} instead", LogAuditSink.LOGGER);
            fallback.write(record);
        }
    }

    @Override
    public String describe() {
        return "Redis stream " + stream + " (about " + maxLength + " records kept)";
    }
}

package dev.omnigate.gateway.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the PII audit trail goes ({@code omnigate.audit.*}); documented in {@code config/README.md}.
 *
 * @param sink {@code auto} (a Redis stream when {@code omnigate.redis.url} is set, else the file), {@code file},
 *     {@code log} (logger {@code omnigate.audit}) or {@code redis}
 * @param file the JSON-lines file of the {@code file} sink, relative to the working directory
 * @param redisMaxLength about how many records the Redis stream keeps (older ones are trimmed)
 */
@ConfigurationProperties(prefix = "omnigate.audit")
public record AuditProperties(@DefaultValue("auto") Sink sink, @DefaultValue("logs/omnigate-audit.jsonl") Path file,
        @DefaultValue("1000000") long redisMaxLength) {

    public AuditProperties {
        if (redisMaxLength < 1_000) {
            throw new IllegalArgumentException("omnigate.audit.redis-max-length must be at least 1000, but was " + redisMaxLength);
        }
    }

    /** The audit sinks. */
    public enum Sink {
        AUTO,
        FILE,
        LOG,
        REDIS
    }
}

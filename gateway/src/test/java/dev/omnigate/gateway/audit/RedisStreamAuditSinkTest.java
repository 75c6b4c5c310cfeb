package dev.omnigate.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.cache.RedisL2Properties;
import dev.omnigate.gateway.events.EventsRedis;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Redis Stream sink against the real Redis on 127.0.0.1:6379: one entry per record, the JSON line intact. */
final class RedisStreamAuditSinkTest {

    private static final String URL = "redis://127.0.0.1:6379";

    @Test
    void eachRecordIsOneStreamEntryHoldingItsJsonLine() {
        String prefix = "omnigate-test:audit:" + UUID.randomUUID() + ":";
        RedisClient client = RedisClient.create(URL);
        try (EventsRedis redis = new EventsRedis(new RedisL2Properties(URL, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(200), prefix)); StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisStreamAuditSink sink = new RedisStreamAuditSink(redis, 1_000);
            PiiAuditRecord record = new PiiAuditRecord(Instant.parse("2026-12-07T10:00:00Z"), "support-desk", "Support desk", "API_KEY",
                    "req-1", "Lookup", "http", List.of("b2cxOkN1c3RvbWVy"), false, List.of("EMAIL"), List.of("Customer.emails"));

            sink.write(record);
            sink.write(record);

            List<StreamMessage<String, String>> entries = connection.sync().xrange(prefix + "audit", Range.create("-", "+"));
            assertThat(entries).hasSize(2);
            assertThat(entries.getFirst().getBody()).containsEntry("client", "support-desk").containsEntry("requestId", "req-1")
                    .containsEntry("record", AuditJson.line(record));
            assertThat(sink.stream()).isEqualTo(prefix + "audit");
            connection.sync().del(prefix + "audit");
        } finally {
            client.shutdown();
        }
    }
}

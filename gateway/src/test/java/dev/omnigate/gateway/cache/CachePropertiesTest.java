package dev.omnigate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Redis and L2 settings: validated at startup naming the key, secrets masked, every key documented. */
final class CachePropertiesTest {

    @Test
    void badRedisSettingsNameTheKeyAndNeverShowThePassword() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RedisL2Properties("redis://127.0.0.1:6379", Duration.ZERO, null, null, null))
                .withMessage("omnigate.redis.command-timeout must be positive, but was PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> new RedisL2Properties("redis://127.0.0.1:6379", Duration.ofMillis(50),
                Duration.ofSeconds(-1), Duration.ofSeconds(1), null)).withMessageContaining("omnigate.redis.connect-timeout");
        assertThatIllegalArgumentException().isThrownBy(() -> RedisL2Properties.of("http://:s3cr3t@cache.example:6379"))
                .withMessageContaining("omnigate.redis.url").withMessageContaining("***@cache.example")
                .withMessageNotContaining("s3cr3t")
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void noUrlMeansNoL2AndTheDefaultsAreTheDocumentedOnes() {
        assertThat(RedisL2Properties.of(" ").enabled()).isFalse();
        RedisL2Properties properties = RedisL2Properties.of("redis://127.0.0.1:6379");
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.commandTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(properties.redisUri().getTimeout()).as("the handshake's").isEqualTo(Duration.ofSeconds(1));
        assertThat(new CacheProperties(true, 10, null, null, null, null, null, null).piiInL2()).isFalse();
        assertThat(RedisL2Properties.masked("rediss://user:pw@h:1/0")).isEqualTo("rediss://***@h:1/0");
    }

    @Test
    void everyPersonalDataKindAndOperationIsKnown() {
        assertThat(Stream.of(CacheKind.values()).filter(CacheKind::personalData)).containsExactlyInAnyOrder(CacheKind.CUSTOMERS,
                CacheKind.ORDERS, CacheKind.TICKETS);
        assertThat(CacheKind.ORDERS.operations()).containsExactly("orders.getByIds", "orders.getByCustomerIds");
        assertThat(CacheKind.PRICES.operations()).containsExactly("prices.getBySkus");
    }

    @Test
    void everyRedisAndL2KeyIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("..", "config", "README.md"), StandardCharsets.UTF_8);
        List<String> keys = List.of("omnigate.cache.pii-in-l2", "omnigate.redis.url", "omnigate.redis.command-timeout",
                "omnigate.redis.connect-timeout", "omnigate.redis.reconnect-max-delay", "omnigate.redis.key-prefix");
        assertThat(RedisL2Properties.class.getRecordComponents()).hasSize(5);
        assertThat(keys).allSatisfy(key -> assertThat(readme).contains("`" + key + "`"));
    }
}

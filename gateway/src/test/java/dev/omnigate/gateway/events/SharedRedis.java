package dev.omnigate.gateway.events;

import dev.omnigate.gateway.cache.RedisL2Properties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The real Redis on 127.0.0.1:6379 under a key prefix of the test's own (so parallel builds sharing that Redis do not
 * meet), with the keys removed afterwards.
 */
final class SharedRedis implements AutoCloseable {

    static final String URL = "redis://127.0.0.1:6379";

    final String prefix;
    private final RedisClient client = RedisClient.create(URL);
    private final StatefulRedisConnection<String, String> connection = client.connect();

    SharedRedis(String owner) {
        this.prefix = "omnigate-test:" + owner + ":" + UUID.randomUUID() + ":";
    }

    /** Settings for an {@link EventsRedis} under this prefix; the build machine is shared, so commands get 2 s. */
    RedisL2Properties properties() {
        return new RedisL2Properties(URL, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(200), prefix);
    }

    io.lettuce.core.api.sync.RedisCommands<String, String> commands() {
        return connection.sync();
    }

    void clean() {
        List<String> keys = connection.sync().keys(prefix.replace("*", "\\*") + "*");
        if (!keys.isEmpty()) {
            connection.sync().del(keys.toArray(String[]::new));
        }
    }

    @Override
    public void close() {
        clean();
        connection.close();
        client.shutdown();
    }
}

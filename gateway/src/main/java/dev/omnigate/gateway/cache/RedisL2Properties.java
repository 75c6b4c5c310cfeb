package dev.omnigate.gateway.cache;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional Redis L2 of the entity cache and its invalidation broadcast ({@code omnigate.redis.*}); documented in
 * {@code config/README.md}. Without a URL the gateway runs with the in-process cache only and needs no Redis. Invalid
 * values stop startup with a message naming the key (and the value, with any password masked).
 *
 * @param url e.g. {@code redis://127.0.0.1:6379} or {@code rediss://:secret@cache.example:6380/2}; null or blank = no L2
 * @param commandTimeout how long one Redis command may take before the cache answers without L2 (L1, then the vendor)
 * @param connectTimeout how long one connection attempt may take (in the background, never on a request)
 * @param reconnectMaxDelay the longest pause between reconnection attempts while Redis is unreachable
 * @param keyPrefix prefix of every key and of the pub/sub channel, so several gateways (or tests) can share a Redis
 */
@ConfigurationProperties(prefix = "omnigate.redis")
public record RedisL2Properties(String url, @DefaultValue("50ms") Duration commandTimeout, @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration reconnectMaxDelay, @DefaultValue("omnigate:") String keyPrefix) {

    public RedisL2Properties {
        url = url == null || url.isBlank() ? null : url.trim();
        positive(commandTimeout, "omnigate.redis.command-timeout");
        positive(connectTimeout, "omnigate.redis.connect-timeout");
        positive(reconnectMaxDelay, "omnigate.redis.reconnect-max-delay");
        keyPrefix = keyPrefix == null ? "omnigate:" : keyPrefix;
        if (url != null) {
            parse(url, connectTimeout); // a malformed URL stops startup here rather than at the first connection attempt
        }
    }

    /** Properties for {@code url} with every other setting at its default. */
    public static RedisL2Properties of(String url) {
        return new RedisL2Properties(url, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(2), "omnigate:");
    }

    /** Whether an L2 is configured. */
    public boolean enabled() {
        return url != null;
    }

    /**
     * The parsed URL. Its timeout, which Lettuce applies to the connection handshake, is the connect timeout; commands
     * get the command timeout from the client options.
     */
    public RedisURI redisUri() {
        return parse(url, connectTimeout);
    }

    private static RedisURI parse(String url, Duration handshakeTimeout) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("omnigate.redis.url must be a redis:// or rediss:// URL, but was '" + masked(url) + "'"); // no cause: its message may hold the password
        }
        uri.setTimeout(handshakeTimeout);
        return uri;
    }

    /** The URL without its password, for messages and health details. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        // userinfo (user:password@) is a secret; keep only the scheme and what follows the last '@'
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        return scheme >= 0 && at > scheme ? url.substring(0, scheme + 3) + "***@" + url.substring(at + 1) : url;
    }

    private static void positive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, but was " + value);
        }
    }
}

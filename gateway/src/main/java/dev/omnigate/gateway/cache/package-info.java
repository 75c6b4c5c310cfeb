/**
 * The entity cache between the schema and the connectors: {@link dev.omnigate.gateway.cache.EntityCache} (Caffeine L1
 * per instance; fresh, stale-while-revalidate, stale-if-error per {@link dev.omnigate.gateway.cache.CacheKind};
 * single-flight) and its optional shared L2 in Redis, {@link dev.omnigate.gateway.cache.RedisL2} (Lettuce; entries as
 * versioned JSON envelopes of the SPI records with their stored-at time; invalidation broadcast over pub/sub).
 *
 * <p>Rules: personal data (customers, orders, tickets) reaches Redis only with {@code omnigate.cache.pii-in-l2=true};
 * an L2 value that does not deserialize is dropped and refetched; Redis unreachable or slower than
 * {@code omnigate.redis.command-timeout} means L1 only, never a request error, and health component {@code redis}
 * reports {@code DEGRADED} until it answers again.
 */
package dev.omnigate.gateway.cache;

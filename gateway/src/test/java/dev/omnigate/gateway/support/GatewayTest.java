package dev.omnigate.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole gateway on a random loopback port over the {@link FakeWorld} accounts, without the sandbox or
 * store files. Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=false",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=1500ms",
        "omnigate.health.cache-ttl=0s",
        "omnigate.health.timeout=500ms",
        // these tests inject failures on purpose and count calls: resilience and the cache have their own tests
        "omnigate.cache.enabled=false",
        // no two fake accounts share a place; the sandbox tests cover counting shared places once
        "omnigate.inventory.same-place-radius=0",
        "omnigate.resilience.breaker.enabled=false",
        "omnigate.resilience.bulkhead.enabled=false",
        "omnigate.resilience.rate-limit.enabled=false",
        "omnigate.resilience.retry.max-attempts=1",
        // off by default outside the sandbox; the page's own tests run here
        "omnigate.graphiql.enabled=true",
        "spring.graphql.schema.introspection.enabled=true",
        // an SSE stream whose client left stays open on the server until it next writes (or Tomcat's 30 s async
        // timeout); a graceful shutdown at the end of the run would wait for it
        "server.shutdown=immediate"
})
@Import(FakeWorld.class)
public @interface GatewayTest {
}

package dev.omnigate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorInvoker;
import dev.omnigate.gateway.connector.RequestScope;
import dev.omnigate.gateway.connector.StaleServes.StaleServe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The entity cache over the real invoker: hits, absent ids, stale-while-revalidate, stale-if-error, single-flight. */
final class EntityCacheTest {

    private static final CacheProperties.Policy PRICES = new CacheProperties.Policy(Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofMinutes(10));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock();
    private final ConnectorInvoker invoker = new ConnectorInvoker(List.of(), meters);
    private final EntityCache cache = new EntityCache(new CacheProperties(true, 1000, null, PRICES, null, null, null, null), invoker,
            meters, clock, Duration.ofSeconds(2));
    private final ConnectorAccount account = account("shop");

    /** A vendor that knows SKU-1 and SKU-2, counts calls and the ids asked for, and can be switched off. */
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Set<String>> asked = new ArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final Map<String, String> catalogue = new HashMap<>(Map.of("SKU-1", "9.99 USD", "SKU-2", "19.99 USD"));
    private final BiFunction<CallContext, Set<String>, Map<String, String>> vendor = (context, skus) -> {
        calls.incrementAndGet();
        synchronized (asked) {
            asked.add(Set.copyOf(skus));
        }
        if (down.get()) {
            throw ConnectorException.of(ErrorCategory.UNAVAILABLE, "HTTP 503 from the vendor");
        }
        Map<String, String> found = new HashMap<>();
        skus.forEach(sku -> {
            if (catalogue.containsKey(sku)) {
                found.put(sku, catalogue.get(sku));
            }
        });
        return found;
    };

    @AfterEach
    void close() {
        invoker.close();
    }

    private static ConnectorAccount account(String id) {
        FakeConnectorFactory factory = FakeConnectorFactory.builder("fake", Channel.SHOPIFY).build();
        Connector connector = factory.create(factory.descriptor().configSpec().validate(Map.of()).orElseThrow(), TestConnectorContext.of(id));
        return new ConnectorAccount("store", id, factory.descriptor(), connector);
    }

    private static RequestScope scope() {
        return RequestScope.start("req", Duration.ofSeconds(2), Clock.systemUTC());
    }

    private Map<String, String> load(RequestScope scope, String... skus) {
        return cache.load(account, "prices.getBySkus", scope, List.of(skus), 50, vendor).join();
    }

    @Test
    void aFreshEntryAndAnAbsentSkuAreServedWithoutAskingTheVendorAgain() {
        assertThat(load(scope(), "SKU-1", "NOPE")).containsExactly(Map.entry("SKU-1", "9.99 USD"));

        clock.advance(Duration.ofSeconds(59));
        assertThat(load(scope(), "SKU-1", "NOPE")).containsExactly(Map.entry("SKU-1", "9.99 USD"));

        assertThat(calls).hasValue(1);
        assertThat(meters.counter("omnigate.cache.lookups", "kind", "prices", "outcome", "hit").count()).isEqualTo(2);
    }

    @Test
    void onlyTheMissingIdsAreAskedFor() {
        load(scope(), "SKU-1");
        load(scope(), "SKU-1", "SKU-2");

        assertThat(asked).containsExactly(Set.of("SKU-1"), Set.of("SKU-2"));
    }

    @Test
    void aStaleEntryIsServedAtOnceAndRefreshedInTheBackground() {
        load(scope(), "SKU-1");
        catalogue.put("SKU-1", "7.99 USD");
        clock.advance(Duration.ofSeconds(90));
        RequestScope scope = scope();

        assertThat(load(scope, "SKU-1")).containsEntry("SKU-1", "9.99 USD");
        assertThat(scope.staleServes().all()).singleElement().satisfies(serve -> {
            assertThat(serve.reason()).isEqualTo("revalidating");
            assertThat(serve.age()).isEqualTo(Duration.ofSeconds(90));
        });

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(load(scope(), "SKU-1")).containsEntry("SKU-1", "7.99 USD"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void whenTheVendorFailsAnEntryWithinItsStaleIfErrorWindowIsServedAndMarked() {
        load(scope(), "SKU-1");
        clock.advance(Duration.ofMinutes(5));
        down.set(true);
        RequestScope scope = scope();

        assertThat(load(scope, "SKU-1")).containsEntry("SKU-1", "9.99 USD");
        assertThat(scope.staleServes().all()).extracting(StaleServe::reason).containsExactly("upstreamFailed");
        assertThat(scope.staleServes().asExtensions()).singleElement().satisfies(extension -> assertThat(extension)
                .containsEntry("account", "shop").containsEntry("operation", "prices.getBySkus").containsEntry("ageSeconds", 300L));
    }

    @Test
    void whenTheVendorFailsAndAnIdHasNoUsableEntryTheFailureIsReported() {
        load(scope(), "SKU-1");
        clock.advance(Duration.ofMinutes(5));
        down.set(true);

        assertThatThrownBy(() -> load(scope(), "SKU-1", "SKU-2")).hasMessageContaining("HTTP 503");
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> load(scope(), "SKU-1")).as("past stale-if-error the entry is gone").hasMessageContaining("HTTP 503");
    }

    @Test
    void aThousandConcurrentMissesForOneSkuMakeOneVendorCall() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger upstream = new AtomicInteger();
        BiFunction<CallContext, Set<String>, Map<String, String>> slowVendor = (context, skus) -> {
            upstream.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("SKU-9", "1.00 USD");
        };
        List<CompletableFuture<Map<String, String>>> loads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            loads.add(cache.load(account, "prices.getBySkus", scope(), List.of("SKU-9"), 50, slowVendor));
        }
        release.countDown();

        assertThat(loads).allSatisfy(load -> assertThat(load.join()).containsEntry("SKU-9", "1.00 USD"));
        assertThat(upstream).hasValue(1);
    }

    @Test
    void invalidationMakesTheNextReadAskTheVendor() {
        load(scope(), "SKU-1");
        cache.invalidate("shop", CacheKind.PRICES, "SKU-1");
        load(scope(), "SKU-1");

        assertThat(calls).hasValue(2);
    }

    @Test
    void searchesAndDisabledCachesGoStraightToTheVendor() {
        EntityCache off = new EntityCache(new CacheProperties(false, 10, null, null, null, null, null, null), invoker, meters, clock,
                Duration.ofSeconds(1));
        off.load(account, "prices.getBySkus", scope(), List.of("SKU-1"), 50, vendor).join();
        off.load(account, "prices.getBySkus", scope(), List.of("SKU-1"), 50, vendor).join();
        cache.load(account, "customers.search", scope(), List.of("x"), 50, vendor).join();
        cache.load(account, "customers.search", scope(), List.of("x"), 50, vendor).join();

        assertThat(calls).hasValue(4);
    }

    @Test
    void settingsGivenInPartKeepTheKindsDefaultsAndBadOnesNameTheKey() {
        CacheProperties properties = new CacheProperties(true, 10, new CacheProperties.Policy(Duration.ofSeconds(2), null, null),
                null, null, null, null, null);
        assertThat(properties.inventory()).isEqualTo(new CacheProperties.Policy(Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofMinutes(10)));
        assertThat(properties.orders().fresh()).isEqualTo(Duration.ofSeconds(30));

        assertThatIllegalArgumentException().isThrownBy(() -> new CacheProperties(true, 10, null, null, null, null,
                new CacheProperties.Policy(Duration.ofSeconds(-1), null, null), null))
                .withMessage("omnigate.cache.orders.fresh must be zero or positive, but was PT-1S");
        assertThatIllegalArgumentException().isThrownBy(() -> new CacheProperties(true, 0, null, null, null, null, null, null))
                .withMessageContaining("omnigate.cache.max-entries");
    }
}

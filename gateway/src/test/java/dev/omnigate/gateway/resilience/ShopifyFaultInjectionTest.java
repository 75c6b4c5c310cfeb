package dev.omnigate.gateway.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.omnigate.connector.testkit.fake.FakeAccountBuilder.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.cache.EntityCache;
import dev.omnigate.gateway.config.AccountDefinition;
import dev.omnigate.gateway.health.ConnectorsHealthIndicator;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.InMemoryStoreConfigSource;
import dev.omnigate.gateway.support.TestClients;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Fault injection over real HTTP: the real Shopify connector talks to WireMock (stubs in the Admin GraphQL shapes),
 * through the gateway's whole data path (GraphQL engine, data loaders, entity cache, bulkhead, rate limiter, breaker,
 * deadline, retries). Each fault gets its own Shopify account (its own breaker, retry budget and limiter), all on one
 * WireMock under a path prefix per account; every other account answers normally, so each test also sees that one
 * vendor's trouble leaves the others' data in place. A fake POS account (in memory) holds Ava Chen and a priced SKU.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(properties = {
        "omnigate.sandbox.enabled=false",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=" + ShopifyFaultInjectionTest.DEADLINE_MILLIS + "ms",
        "omnigate.health.cache-ttl=0s",
        "omnigate.health.timeout=500ms",
        "omnigate.inventory.same-place-radius=0",
        "omnigate.resilience.breaker.sliding-window-size=4",
        "omnigate.resilience.breaker.minimum-number-of-calls=4",
        "omnigate.resilience.breaker.wait-in-open=" + ShopifyFaultInjectionTest.WAIT_IN_OPEN_MILLIS + "ms",
        "omnigate.resilience.breaker.permitted-calls-in-half-open=1",
        "omnigate.resilience.retry.max-attempts=2"
})
final class ShopifyFaultInjectionTest {

    /** Long enough that 1,000 concurrent queries on a busy 2-core machine finish well within it (the herd). */
    static final long DEADLINE_MILLIS = 4000;
    static final long WAIT_IN_OPEN_MILLIS = 500;
    /** Scheduling slack for the wall-time checks on a busy 2-core machine; the faults themselves last far longer. */
    private static final Duration MARGIN = Duration.ofMillis(750);

    static final WireMockServer WIREMOCK = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
            .containerThreads(64));

    static {
        WIREMOCK.start();
    }

    /** The Shopify accounts, one per fault. */
    static final List<String> SHOPS = List.of("shop-slow", "shop-flaky", "shop-throttled", "shop-reset", "shop-garbled",
            "shop-down", "shop-herd");

    static final FakeConnectorFactory POS = FakeConnectorFactory.builder("fault-pos", Channel.POS)
            .capabilities(Capability.CUSTOMERS_READ, Capability.ORDERS_READ, Capability.ORDERS_BY_CUSTOMER,
                    Capability.PRICES_READ)
            .account("pos-store", account -> account
                    .customer("p-1", "Ava Chen", "ava.chen@example.com", "+14155550142")
                    .order("pos-1", "p-1", "2025-07-01T18:00:00Z", "12.00", "USD", line("MUG-1", "Omnigate Mug", 1, "12.00", "USD"))
                    .price("MUG-1", "Omnigate Mug", "12.00", "USD"))
            .build();

    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {

        @Bean
        FakeConnectorFactory faultPos() {
            return POS;
        }

        @Bean
        InMemoryStoreConfigSource faultStores() {
            List<AccountDefinition> accounts = new ArrayList<>();
            for (String shop : SHOPS) {
                accounts.add(new AccountDefinition("test", "acme", shop, "shopify", true, Map.of(
                        "shop-domain", shop + ".myshopify.com",
                        "access-token", "shpat_fault_test_" + shop.replace('-', '_'),
                        "base-url", WIREMOCK.baseUrl() + "/" + shop), List.of()));
            }
            accounts.add(new AccountDefinition("test", "acme", "pos-store", "fault-pos", true, Map.of(), List.of()));
            return new InMemoryStoreConfigSource(accounts);
        }
    }

    @Autowired
    DgsQueryExecutor executor;

    @Autowired
    EntityCache cache;

    @Autowired
    CircuitBreakerInterceptor breakers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Autowired
    ConnectorsHealthIndicator connectorsHealth;

    GraphQlClient graphql;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        WIREMOCK.resetAll();
        SHOPS.forEach(ShopifyFaultInjectionTest::stubHealthyEmptyShop);
        cache.invalidateAll();
        SHOPS.forEach(shop -> breakers.breaker(shop).reset());
    }

    @AfterAll
    static void stopWireMock() {
        WIREMOCK.stop();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stubs in Shopify's shapes
    // ---------------------------------------------------------------------------------------------------------

    private static String path(String shop) {
        return "/" + shop + "/admin/api/2026-04/graphql.json";
    }

    /** Requests of one shop's documents whose operation name matches {@code operationRegex}. */
    private static RequestPatternBuilder requestsOf(String shop, String operationRegex) {
        return postRequestedFor(urlPathEqualTo(path(shop))).withRequestBody(matchingJsonPath("$.operationName", matching(operationRegex)));
    }

    private static int count(String shop, String operationRegex) {
        return WIREMOCK.countRequestsMatching(requestsOf(shop, operationRegex).build()).getCount();
    }

    /**
     * The success envelope of the Admin GraphQL API: {@code data} plus {@code extensions.cost} as in
     * {@code shopify/captures/2025-01__customers__customer-detail.json} (bucket 2000, restore 100/s).
     */
    private static ResponseDefinitionBuilder ok(String data) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"data\":" + data
                + ",\"extensions\":{\"cost\":{\"requestedQueryCost\":12,\"actualQueryCost\":4,\"throttleStatus\":"
                + "{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1996,\"restoreRate\":100.0}}}}");
    }

    /** An empty {@code ProductVariantConnection} (admin-graphql-2026-04.schema.graphql: nodes, pageInfo). */
    private static final String NO_VARIANTS = "{\"nodes\":[],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}";

    /** One {@code ProductVariant} with the fields of the connector's {@code ShopifyPriceFields} fragment. */
    private static String pricedVariant(String sku, String price) {
        return "{\"nodes\":[{\"id\":\"gid://shopify/ProductVariant/44001\",\"legacyResourceId\":\"44001\",\"sku\":\"" + sku + "\","
                + "\"title\":\"Default Title\",\"displayName\":\"Fault Mug - Default Title\",\"price\":\"" + price + "\","
                + "\"compareAtPrice\":null,\"product\":{\"id\":\"gid://shopify/Product/9001\",\"title\":\"Fault Mug\"}}],"
                + "\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}";
    }

    /** A shop that knows no SKU and no customer: what every account answers unless a test says otherwise. */
    private static void stubHealthyEmptyShop(String shop) {
        stub(shop, "ShopifyPricesBySkus.*", ok("{\"shop\":{\"currencyCode\":\"USD\"},\"productVariants\":" + NO_VARIANTS + "}"), 10);
        stub(shop, "ShopifyInventoryBySkus", ok("{\"productVariants\":" + NO_VARIANTS + "}"), 10);
        stub(shop, "ShopifyCustomerSearch", ok("{\"customers\":{\"nodes\":[],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}"), 10);
        stub(shop, "ShopifyHealth", ok("{\"shop\":{\"name\":\"" + shop + "\"}}"), 10);
    }

    private static void stub(String shop, String operationRegex, ResponseDefinitionBuilder answer, int priority) {
        WIREMOCK.stubFor(post(urlPathEqualTo(path(shop))).atPriority(priority)
                .withRequestBody(matchingJsonPath("$.operationName", matching(operationRegex))).willReturn(answer));
    }

    /** Every request of a shop answers this (above the healthy defaults). */
    private static void stubAll(String shop, ResponseDefinitionBuilder answer) {
        WIREMOCK.stubFor(post(urlPathEqualTo(path(shop))).atPriority(1).willReturn(answer));
    }

    /** Shopify's 503 page is HTML (PROTOCOLS.md §1 Errors: 5xx bodies are not JSON). */
    private static ResponseDefinitionBuilder unavailable() {
        return aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody("<html><body>503 Service Unavailable</body></html>");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Queries and answer helpers
    // ---------------------------------------------------------------------------------------------------------

    private static final String PRODUCTS = "query($skus: [String!]!) { products(skus: $skus) { sku prices { source { account } "
            + "price { amount currencyCode } } } }";

    private static final String CUSTOMER_360 = "{ customer360(email: \"ava.chen@example.com\") { displayName "
            + "identities { source { account } } orders(first: 10) { edges { node { name source { account } } } } } }";

    private Answer products(String... skus) {
        return graphql.execute(PRODUCTS, Map.of("skus", List.of(skus)));
    }

    private static List<Map<String, Object>> errorsOf(Answer answer, String account) {
        return answer.errorExtensions().stream().filter(extensions -> account.equals(extensions.get("account"))).toList();
    }

    private static final AtomicInteger SKU_SEQUENCE = new AtomicInteger();

    /** A SKU no earlier query asked for, so the entity cache cannot answer it. */
    private static String freshSku() {
        return "FAULT-" + SKU_SEQUENCE.incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    private String healthBreakerState(String account) {
        Health health = connectorsHealth.account(account).orElseThrow();
        return (String) ((Map<String, Object>) health.getDetails().get("circuitBreaker")).get("state");
    }

    private double breakerGauge(String account, String state) {
        return meters.get("omnigate.breaker.state").tag("account", account).tag("state", state).gauge().value();
    }

    private double retries(String account, String outcome) {
        return meters.counter("omnigate.connector.retries", "account", account, "outcome", outcome).count();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The faults
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void anUpstreamSlowerThanTheDeadlineYieldsAPartialAnswerInTimeNeverAHungRequest() {
        stubAll("shop-slow", ok("{\"productVariants\":" + NO_VARIANTS + "}").withFixedDelay(10_000));

        long start = System.nanoTime();
        Answer answer = products("MUG-1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("wall time of the whole request").isLessThanOrEqualTo(Duration.ofMillis(DEADLINE_MILLIS).plus(MARGIN));
        assertThat(answer.<List<String>>read("$.data.products[0].prices[*].price.amount")).containsExactly("12.00");
        assertThat(errorsOf(answer, "shop-slow")).isNotEmpty().allSatisfy(extensions -> assertThat(extensions)
                .containsEntry("code", "TIMEOUT").containsEntry("retryable", true).containsEntry("connector", "shopify"));
        assertThat(answer.errorExtensions()).allSatisfy(extensions -> assertThat(extensions.get("account")).isEqualTo("shop-slow"));
        assertThat(count("shop-slow", ".*")).isPositive();
        // the latency histogram of the calls (buckets for Prometheus quantiles), with the outcome as error category
        assertThat(prometheus.scrape()).contains("omnigate_connector_calls_seconds_bucket{account=\"shop-slow\",connector=\"shopify\","
                + "operation=\"prices.getBySkus\",outcome=\"TIMEOUT\",le=\"2.5\"}");
    }

    @Test
    void aBurstOf5xxOpensTheBreakerThenTheAccountIsSkippedAtOnceAndAHalfOpenProbeRecovers() {
        stubAll("shop-flaky", unavailable());

        // each query makes two calls to the account (prices, inventory): two queries fill the window of 4
        for (int i = 0; i < 2; i++) {
            Answer failing = products(freshSku());
            assertThat(errorsOf(failing, "shop-flaky")).isNotEmpty().allSatisfy(extensions -> assertThat(extensions)
                    .containsEntry("code", "UNAVAILABLE").containsEntry("retryable", true));
        }
        assertThat(breakers.breaker("shop-flaky").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakerGauge("shop-flaky", "open")).isEqualTo(1);
        assertThat(breakerGauge("shop-flaky", "closed")).isZero();
        assertThat(healthBreakerState("shop-flaky")).isEqualTo("OPEN");
        int upstreamWhenOpened = count("shop-flaky", ".*");

        long start = System.nanoTime();
        Answer skipped = products("MUG-1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(count("shop-flaky", ".*")).as("an open breaker makes no upstream call").isEqualTo(upstreamWhenOpened);
        assertThat(took).as("skipped at once, not after a timeout").isLessThan(Duration.ofMillis(DEADLINE_MILLIS / 2));
        assertThat(skipped.<List<String>>read("$.data.products[0].prices[*].price.amount")).containsExactly("12.00");
        assertThat(errorsOf(skipped, "shop-flaky")).isNotEmpty().allSatisfy(extensions -> assertThat(extensions)
                .containsEntry("code", "UNAVAILABLE").containsEntry("retryable", true));
        assertThat(skipped.errors()).anySatisfy(error -> assertThat((String) error.get("message")).contains("circuit breaker is open"));

        WIREMOCK.removeStubMapping(WIREMOCK.getStubMappings().stream().filter(mapping -> mapping.getPriority() == 1).findFirst().orElseThrow());
        // after wait-in-open one probe is let through; once it succeeds the breaker closes and the account answers again
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(errorsOf(products(freshSku()), "shop-flaky")).isEmpty());
        assertThat(breakers.breaker("shop-flaky").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(count("shop-flaky", ".*")).isGreaterThan(upstreamWhenOpened);
        assertThat(breakerGauge("shop-flaky", "closed")).isEqualTo(1);
        assertThat(healthBreakerState("shop-flaky")).isEqualTo("CLOSED");
        assertThat(meters.counter("omnigate.breaker.not.permitted", "account", "shop-flaky").count()).isPositive();
    }

    @Test
    void a429WithRetryAfterIsRetriedNoSoonerThanTheHintAndThenAnswers() {
        // Shopify's throttled body (PROTOCOLS.md §1 Rate limiting) on HTTP 429 with Retry-After, then the answer
        WIREMOCK.stubFor(post(urlPathEqualTo(path("shop-throttled"))).atPriority(1)
                .withRequestBody(matchingJsonPath("$.operationName", matching("ShopifyPricesBySkus.*")))
                .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("restored")
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withHeader("Retry-After", "1")
                        .withBody("{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}]}")));
        WIREMOCK.stubFor(post(urlPathEqualTo(path("shop-throttled"))).atPriority(1)
                .withRequestBody(matchingJsonPath("$.operationName", matching("ShopifyPricesBySkus.*")))
                .inScenario("throttled").whenScenarioStateIs("restored")
                .willReturn(ok("{\"shop\":{\"currencyCode\":\"USD\"},\"productVariants\":" + pricedVariant("THROTTLED-1", "19.90") + "}")));
        double retriedBefore = retries("shop-throttled", "retried");

        long start = System.nanoTime();
        Answer answer = products("THROTTLED-1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(errorsOf(answer, "shop-throttled")).isEmpty();
        assertThat(answer.<List<String>>read("$.data.products[0].prices[*].price.amount")).containsExactly("19.90");
        assertThat(count("shop-throttled", "ShopifyPricesBySkus.*")).isEqualTo(2);
        assertThat(took).as("the retry waited for Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(retries("shop-throttled", "retried") - retriedBefore).isEqualTo(1);
    }

    @Test
    void aConnectionResetIsAnUnavailableRetryableErrorForThatAccountOnly() {
        stubAll("shop-reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Answer answer = products("MUG-1");

        assertThat(answer.<List<String>>read("$.data.products[0].prices[*].price.amount")).containsExactly("12.00");
        assertThat(errorsOf(answer, "shop-reset")).isNotEmpty().allSatisfy(extensions -> assertThat(extensions)
                .containsEntry("code", "UNAVAILABLE").containsEntry("retryable", true));
        assertThat(answer.errorExtensions()).allSatisfy(extensions -> assertThat(extensions.get("account")).isEqualTo("shop-reset"));
        assertThat(answer.errors()).allSatisfy(error -> assertThat((String) error.get("message")).contains("transport failure")
                .doesNotContain("Exception").doesNotContain("java."));
        assertThat(count("shop-reset", ".*")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void malformedJsonIsABadResponseAndIsNotRetried() {
        stub("shop-garbled", "ShopifyPricesBySkus.*", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"shop\":{\"currencyCode\":\"USD\"},\"productVariants\":{\"nodes\":[{\"sku\":"), 1);
        double retriedBefore = retries("shop-garbled", "retried");

        Answer answer = products("MUG-1");

        assertThat(answer.<List<String>>read("$.data.products[0].prices[*].price.amount")).containsExactly("12.00");
        assertThat(errorsOf(answer, "shop-garbled")).isNotEmpty().allSatisfy(extensions -> assertThat(extensions)
                .containsEntry("code", "BAD_RESPONSE").containsEntry("retryable", false));
        assertThat(count("shop-garbled", "ShopifyPricesBySkus.*")).isEqualTo(1);
        assertThat(retries("shop-garbled", "retried")).isEqualTo(retriedBefore);
        assertThat(breakers.breaker("shop-garbled").getMetrics().getNumberOfFailedCalls()).as("a bad answer is no outage").isZero();
    }

    @Test
    void aVendorDownDuringACustomer360LeavesThePartialProfileWithinTheDeadlineAndATypedRetryableError() {
        stubAll("shop-down", unavailable());

        long start = System.nanoTime();
        Answer answer = graphql.execute(CUSTOMER_360);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThanOrEqualTo(Duration.ofMillis(DEADLINE_MILLIS).plus(MARGIN));
        assertThat(answer.<String>read("$.data.customer360.displayName")).isEqualTo("Ava Chen");
        assertThat(answer.<List<String>>read("$.data.customer360.identities[*].source.account")).containsExactly("pos-store");
        assertThat(answer.<List<String>>read("$.data.customer360.orders.edges[*].node.source.account")).containsExactly("pos-store");
        assertThat(errorsOf(answer, "shop-down")).isNotEmpty().allSatisfy(extensions -> assertThat(extensions)
                .containsEntry("code", "UNAVAILABLE").containsEntry("retryable", true).containsEntry("connector", "shopify"));
        assertThat(answer.errorExtensions()).allSatisfy(extensions -> assertThat(extensions.get("account")).isEqualTo("shop-down"));
        assertThat(count("shop-down", "ShopifyCustomerSearch")).isPositive();
    }

    @Test
    void aThunderingHerdOfAThousandIdenticalMissesMakesOneUpstreamCallPerOperation() throws Exception {
        // slow enough that the herd arrives while the first call is still in flight
        stub("shop-herd", "ShopifyPricesBySkus.*", ok("{\"shop\":{\"currencyCode\":\"USD\"},\"productVariants\":"
                + pricedVariant("HERD-1", "7.50") + "}").withFixedDelay(400), 1);
        int herd = 1000;
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < herd; i++) {
                answers.add(clients.submit(() -> {
                    gate.await();
                    return products("HERD-1");
                }));
            }
            gate.countDown();
        }

        for (Future<Answer> future : answers) {
            Answer answer = future.get();
            assertThat(answer.errors()).isEmpty();
            assertThat(answer.<List<String>>read("$.data.products[0].prices[*].price.amount")).containsExactly("7.50");
        }
        assertThat(count("shop-herd", "ShopifyPricesBySkus.*")).isEqualTo(1);
        assertThat(count("shop-herd", "ShopifyInventoryBySkus")).isEqualTo(1);
        assertThat(Stream.of("hit", "miss").mapToDouble(outcome -> meters.find("omnigate.cache.lookups").tag("kind", "prices")
                .tag("outcome", outcome).counters().stream().mapToDouble(c -> c.count()).sum()).sum()).isGreaterThanOrEqualTo(herd);
    }
}

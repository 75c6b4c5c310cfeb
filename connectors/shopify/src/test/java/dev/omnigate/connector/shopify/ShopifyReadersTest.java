package dev.omnigate.connector.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.OrderReader;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reader behaviour the contract kit does not pin down for Shopify: batching of orders per customer,
 * what is sent to Shopify's search, follow-up pages of lines and levels, the cached shop currency, and
 * health. Synthetic customers and orders follow the shapes of the customers-search and
 * order-catalog-count-read captures.
 */
final class ShopifyReadersTest {

    /** Routes WireMock's answers to whatever fake the current test installed. */
    static final AtomicReference<Function<com.github.tomakehurst.wiremock.http.Request, ResponseDefinition>> ROUTE =
            new AtomicReference<>();

    static final class Router implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return ROUTE.get().apply(serveEvent.getRequest());
        }

        @Override
        public String getName() {
            return "shopify-readers-test-router";
        }
    }

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new Router())).build();

    private static final String PATH = "/admin/api/2026-04/graphql.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Connector connector;

    private void serve(FakeShopify fake) {
        ROUTE.set(request -> fake.answer(request).build());
        WIREMOCK.stubFor(post(urlPathEqualTo(PATH)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withTransformers("shopify-readers-test-router")));
    }

    @BeforeEach
    void createConnector() {
        Map<String, Object> raw = Map.of("shop-domain", "harry-test-heelo.myshopify.com", "access-token", "shpat_readers_5b1c",
                "base-url", WIREMOCK.baseUrl());
        connector = new ShopifyConnectorFactory().create(ShopifyConfig.SPEC.validate(raw).orElseThrow(),
                TestConnectorContext.of("contract-test"));
    }

    @AfterEach
    void close() {
        connector.close();
    }

    private static CallContext call() {
        return CallContext.withTimeout("contract-test", Duration.ofSeconds(10));
    }

    private static List<JsonNode> requestBodies() {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : WIREMOCK.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(PATH)))) {
            bodies.add(Json.mapper().readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    // -------------------------------------------------------------------------- synthetic shop objects

    /** A customer shaped like the nodes of captures/2025-01__customers__customers-search.json. */
    private static ObjectNode customer(long id) {
        return FakeShopify.object("id", "gid://shopify/Customer/" + id, "legacyResourceId", String.valueOf(id),
                "displayName", "Customer " + id, "email", "customer-" + id + "@example.com", "updatedAt", "2026-07-03T05:57:18Z");
    }

    /** An order shaped like the seedCatalog nodes of captures/2026-04__orders__order-catalog-count-read.json. */
    private static ObjectNode order(long id, long customerId, String createdAt, int lines) {
        ObjectNode order = FakeShopify.object("id", "gid://shopify/Order/" + id, "name", "#" + id, "createdAt", createdAt,
                "updatedAt", createdAt, "displayFinancialStatus", "PAID", "displayFulfillmentStatus", "UNFULFILLED",
                "email", "customer-" + customerId + "@example.com",
                "totalPriceSet", FakeShopify.object("shopMoney", FakeShopify.object("amount", "55.0", "currencyCode", "CAD")),
                "customer", FakeShopify.object("id", "gid://shopify/Customer/" + customerId));
        ArrayNode lineNodes = NODES.arrayNode();
        for (int i = 1; i <= lines; i++) {
            lineNodes.add(FakeShopify.object("id", "gid://shopify/LineItem/" + (id * 100 + i), "sku", "SKU-" + i, "title", "Item " + i,
                    "name", "Item " + i, "quantity", 1, "originalUnitPriceSet",
                    FakeShopify.object("shopMoney", FakeShopify.object("amount", "5.0", "currencyCode", "CAD"))));
        }
        order.set("lineItems", FakeShopify.object("nodes", lineNodes));
        order.set("fulfillmentOrders", FakeShopify.object("nodes", NODES.arrayNode()));
        return order;
    }

    private static String day(int n) {
        return Instant.parse("2026-01-01T10:00:00Z").plus(Duration.ofDays(n)).toString();
    }

    // -------------------------------------------------------------------------- tests

    /** N customers with {@code ordersEach} orders each, asked for the way the host's data loader chunks them. */
    private Map<String, List<Order>> ordersOfCustomers(int customers, int ordersEach) {
        FakeShopify fake = FakeShopify.empty();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            long customerId = 5_000_000_000L + c;
            ids.add(String.valueOf(customerId));
            fake.addCustomer(customer(customerId), "synthetic, customers-search shape");
            for (int o = 0; o < ordersEach; o++) {
                fake.addOrder(order(9_000_000_000L + 10L * c + o, customerId, day(c + 100 * o), 1), "synthetic, order-catalog shape");
            }
        }
        serve(fake);
        OrderReader reader = connector.orders().orElseThrow();
        int batch = reader.maxBatchSize();
        Map<String, List<Order>> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += batch) {
            found.putAll(reader.getByCustomerIds(call(), new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + batch)))));
        }
        assertThat(found).hasSize(customers);
        found.forEach((customerId, orders) -> {
            assertThat(orders).hasSize(ordersEach).allSatisfy(order -> assertThat(order.customerId()).isEqualTo(customerId));
            for (int i = 1; i < orders.size(); i++) {
                assertThat(orders.get(i - 1).createdAt()).as("newest first").isAfter(orders.get(i).createdAt());
            }
        });
        return found;
    }

    @Test
    void ordersOfManyCustomersCostOneCallPerBatchNotOnePerCustomer() {
        int customers = 45;
        int batch = ShopifyOrderReader.MAX_BATCH;
        ordersOfCustomers(customers, 1);
        int expectedCalls = (customers + batch - 1) / batch;
        assertThat(requestBodies()).as("Shopify calls for %d customers with batch %d", customers, batch)
                .hasSize(expectedCalls).hasSizeLessThan(customers);
        for (JsonNode body : requestBodies()) {
            assertThat(body.path("operationName").asString()).isEqualTo("ShopifyOrdersByCustomers");
            String query = body.path("variables").path("query").asString();
            assertThat(query.split(" OR ")).hasSize(batch).allMatch(term -> term.matches("customer_id:[0-9]+"));
        }
    }

    @Test
    void moreOrdersThanOnePageHoldsCostOnlyTheExtraPagesPerBatch() {
        int customers = 45;
        int batch = ShopifyOrderReader.MAX_BATCH;
        ordersOfCustomers(customers, 2); // 30 orders per batch of 15 customers: two pages of 15
        int batches = (customers + batch - 1) / batch;
        assertThat(requestBodies()).hasSize(batches * 2).hasSizeLessThan(customers);
        assertThat(requestBodies()).extracting(body -> body.path("operationName").asString())
                .containsOnly("ShopifyOrdersByCustomers", "ShopifyOrderSearch")
                .filteredOn("ShopifyOrdersByCustomers"::equals).hasSize(batches);
    }

    @Test
    void aCustomerWithMoreOrdersThanAPageCostsOnlyTheExtraPages() {
        FakeShopify fake = FakeShopify.empty();
        fake.addCustomer(customer(42), "synthetic");
        fake.addCustomer(customer(43), "synthetic");
        int many = ShopifyOrderReader.MAX_BATCH + 1;
        for (int i = 0; i < many; i++) {
            fake.addOrder(order(7000 + i, 42, day(i), 1), "synthetic");
        }
        serve(fake);
        Map<String, List<Order>> found = connector.orders().orElseThrow().getByCustomerIds(call(), Set.of("42", "43", "44"));
        assertThat(found.keySet()).containsExactlyInAnyOrder("42", "43");
        assertThat(found.get("43")).isEmpty();
        assertThat(found.get("42")).hasSize(many).isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
        assertThat(requestBodies()).extracting(body -> body.path("operationName").asString())
                .containsExactly("ShopifyOrdersByCustomers", "ShopifyOrderSearch");
    }

    @Test
    void ordersWithManyLinesGetTheRestInAFollowUpCall() {
        FakeShopify fake = FakeShopify.empty();
        fake.addOrder(order(8000, 42, day(1), 12), "synthetic");
        serve(fake);
        Order order = connector.orders().orElseThrow().getByIds(call(), Set.of("8000")).get("8000");
        assertThat(order.lines()).hasSize(12).extracting(line -> line.sku())
                .containsExactly("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5", "SKU-6", "SKU-7", "SKU-8", "SKU-9", "SKU-10", "SKU-11",
                        "SKU-12");
        assertThat(requestBodies()).extracting(body -> body.path("operationName").asString())
                .containsExactly("ShopifyOrdersByIds", "ShopifyOrderLines");
    }

    @Test
    void itemsStockedAtManyLocationsGetTheRestInAFollowUpCall() {
        FakeShopify fake = FakeShopify.empty();
        ArrayNode levels = NODES.arrayNode();
        for (int i = 1; i <= 13; i++) {
            levels.add(FakeShopify.object("id", "gid://shopify/InventoryLevel/" + (500 + i) + "?inventory_item_id=900",
                    "location", FakeShopify.object("id", "gid://shopify/Location/" + (500 + i)),
                    "quantities", Json.mapper().readTree("[{\"name\":\"available\",\"quantity\":" + i + "}]")));
        }
        ObjectNode variant = FakeShopify.object("id", "gid://shopify/ProductVariant/901", "sku", "MANY-LOCATIONS",
                "inventoryItem", FakeShopify.object("id", "gid://shopify/InventoryItem/900", "inventoryLevels",
                        FakeShopify.object("nodes", levels)));
        fake.addVariant(variant, "synthetic, windowing capture shape");
        serve(fake);
        List<InventoryLevel> found = connector.inventory().orElseThrow().getBySkus(call(), Set.of("MANY-LOCATIONS")).get("MANY-LOCATIONS");
        assertThat(found).hasSize(13).extracting(InventoryLevel::available).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
                11L, 12L, 13L);
        assertThat(requestBodies()).extracting(body -> body.path("operationName").asString())
                .containsExactly("ShopifyInventoryBySkus", "ShopifyInventoryLevels");
    }

    @Test
    void emailAndPhoneSearchesSendQuotedFieldTerms() {
        serve(FakeShopify.fromCaptures());
        List<Customer> byEmail = connector.customers().orElseThrow()
                .search(call(), CustomerQuery.byEmail("karine.ruby@example.com"), PageRequest.first(10)).items();
        List<Customer> byPhone = connector.customers().orElseThrow()
                .search(call(), CustomerQuery.byPhone("+16135550142"), PageRequest.first(10)).items();
        assertThat(byEmail).extracting(c -> c.source().nativeId()).containsExactly("9522206933298");
        assertThat(byPhone).extracting(c -> c.source().nativeId()).containsExactly("9522206933298");
        assertThat(requestBodies()).extracting(body -> body.path("variables").path("query").asString())
                .containsExactly("email:\"karine.ruby@example.com\"", "phone:\"+16135550142\"");
        // every answer of the capture-backed fake names the capture it came from
        assertThat(WIREMOCK.getAllServeEvents()).allSatisfy(event -> assertThat(
                event.getResponse().getHeaders().getHeader(FakeShopify.SOURCE_HEADER).firstValue())
                .contains(FakeShopify.CUSTOMER_DETAIL + "#data.customer"));
    }

    @Test
    void malformedIdsAndBlankSkusCostNoCall() {
        serve(FakeShopify.fromCaptures());
        assertThat(connector.customers().orElseThrow().getByIds(call(), Set.of("abc", "0", "gid://shopify/Customer/1"))).isEmpty();
        assertThat(connector.orders().orElseThrow().getByCustomerIds(call(), Set.of("x"))).isEmpty();
        assertThat(connector.orders().orElseThrow().search(call(),
                dev.omnigate.connector.api.read.OrderQuery.ofCustomer("not-a-number"), PageRequest.first(5)).items()).isEmpty();
        assertThat(connector.prices().orElseThrow().getBySkus(call(), Set.of(" "))).isEmpty();
        assertThat(connector.locations().orElseThrow().getByIds(call(), Set.of("Oakland"))).isEmpty();
        assertThat(requestBodies()).isEmpty();
    }

    @Test
    void theShopCurrencyIsReadOnceInsideTheFirstPriceQuery() {
        serve(FakeShopify.fromCaptures());
        var prices = connector.prices().orElseThrow();
        assertThat(prices.getBySkus(call(), Set.of(ShopifyConnectorContractTest.BLUE_SKU)).get(ShopifyConnectorContractTest.BLUE_SKU))
                .singleElement().satisfies(price -> assertThat(price.price().currencyCode()).isEqualTo("CAD"));
        prices.getBySkus(call(), Set.of(ShopifyConnectorContractTest.WINDOWING_SKU));
        assertThat(requestBodies()).extracting(body -> body.path("operationName").asString())
                .containsExactly("ShopifyPricesBySkusWithShop", "ShopifyPricesBySkus");
    }

    @Test
    void concurrentCallsShareTheConnectorSafely() throws Exception {
        serve(FakeShopify.fromCaptures());
        Map<String, Customer> expected = ShopifyConnectorContractTest.expectedCustomers();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Map<String, Customer>>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                results.add(threads.submit(() -> connector.customers().orElseThrow().getByIds(call(), expected.keySet())));
            }
            for (Future<Map<String, Customer>> result : results) {
                assertThat(result.get()).hasSize(expected.size());
            }
        }
        // the answers carry another account id; compare everything but the account
        connector.customers().orElseThrow().getByIds(call(), expected.keySet())
                .forEach((id, customer) -> assertThat(customer.emails()).isEqualTo(expected.get(id).emails()));
    }

    @Test
    void healthIsUpWithBudgetDetailsAndDegradedWhenTheBucketRunsLow() {
        serve(FakeShopify.fromCaptures());
        HealthReport up = connector.checkHealth(call());
        assertThat(up.status()).isEqualTo(HealthStatus.UP);
        assertThat(up.message()).contains("harry-test-heelo");
        assertThat(up.details()).containsEntry("costMaximum", "2000").containsEntry("apiVersion", "2026-04");

        ROUTE.set(request -> okJson("{\"data\":{\"shop\":{\"name\":\"harry-test-heelo\"}},\"extensions\":{\"cost\":{"
                + "\"requestedQueryCost\":1,\"actualQueryCost\":1,\"throttleStatus\":{\"maximumAvailable\":2000.0,"
                + "\"currentlyAvailable\":150,\"restoreRate\":100.0}}}}").build());
        HealthReport low = connector.checkHealth(call());
        assertThat(low.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(low.message()).contains("150 of 2000");

        ROUTE.set(request -> com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)
                .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}").build());
        HealthReport rejected = connector.checkHealth(call());
        assertThat(rejected.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(rejected.message()).contains("access token was rejected").doesNotContain("shpat_readers_5b1c");
    }
}

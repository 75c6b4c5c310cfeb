package dev.omnigate.connector.square;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.square.mapping.CatalogVariation;
import dev.omnigate.connector.square.mapping.SquareCatalogMapper;
import dev.omnigate.connector.square.mapping.SquareInventoryMapper;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every example of every Square operation and webhook event the connector uses, read in place from
 * {@code square/api.json}: the request examples name only fields of their request schema (and the connector's own
 * requests do too), and the response examples, served by WireMock, parse and map through the real readers. Where an
 * example lacks a field the SPI requires, the test pins down the typed error the connector reports instead.
 */
final class SquareSpecExamplesTest {

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    /** The operations the connector calls: operationId → method and path in square/api.json. */
    static final Map<String, String> OPERATIONS = Map.of(
            "SearchCustomers", "post /v2/customers/search",
            "BulkRetrieveCustomers", "post /v2/customers/bulk-retrieve",
            "SearchOrders", "post /v2/orders/search",
            "BatchRetrieveOrders", "post /v2/orders/batch-retrieve",
            "BatchRetrieveInventoryCounts", "post /v2/inventory/counts/batch-retrieve",
            "SearchCatalogObjects", "post /v2/catalog/search",
            "ListLocations", "get /v2/locations");

    /** The request fields the connector sends per operation. */
    static final Map<String, Set<String>> SENT_FIELDS = Map.of(
            "SearchCustomers", Set.of("limit", "cursor", "query"),
            "BulkRetrieveCustomers", Set.of("customer_ids"),
            "SearchOrders", Set.of("location_ids", "cursor", "query", "limit", "return_entries"),
            "BatchRetrieveOrders", Set.of("order_ids"),
            "BatchRetrieveInventoryCounts", Set.of("catalog_object_ids", "cursor", "limit"),
            "SearchCatalogObjects", Set.of("object_types", "include_related_objects", "query", "limit", "cursor"));

    static final Set<String> EVENTS = Set.of("inventory.count.updated", "order.created", "order.updated", "customer.updated");

    private Connector connector;

    @BeforeEach
    void connect() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("access-token", "sq-examples-token");
        raw.put("base-url", WIREMOCK.baseUrl());
        raw.put("location-ids", List.of("057P5VYJ4A5X1", "18YC4JDH91E1H"));
        raw.put("webhook-signature-key", "sq-examples-key");
        connector = new SquareConnectorFactory().create(SquareConfig.SPEC.validate(raw).orElseThrow(),
                TestConnectorContext.of("examples"));
    }

    @AfterEach
    void close() {
        connector.close();
    }

    private static CallContext call() {
        return CallContext.withTimeout("examples", Duration.ofSeconds(10));
    }

    private static JsonNode operation(String operationId) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = VendorSpecs.api().path("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (operationId.equals(method.getValue().path("operationId").asString(""))) {
                    return Json.mapper().createObjectNode().put("signature", method.getKey() + " " + path.getKey())
                            .set("operation", method.getValue());
                }
            }
        }
        throw new AssertionError("square/api.json has no operation " + operationId);
    }

    private static String schemaName(JsonNode content) {
        String ref = content.path("application/json").path("schema").path("$ref").asString("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String responseExample(String operationId) {
        String schema = schemaName(operation(operationId).path("operation").path("responses").path("200").path("content"));
        return Json.mapper().writeValueAsString(VendorSpecs.example(schema));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationExistsAndItsRequestExampleNamesOnlySchemaFields() {
        return OPERATIONS.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            JsonNode found = operation(entry.getKey());
            assertThat(found.path("signature").asString()).isEqualTo(entry.getValue());
            JsonNode operation = found.path("operation");
            assertThat(operation.path("security").toString()).as("scopes of %s", entry.getKey()).contains("_READ");
            JsonNode body = operation.path("requestBody").path("content");
            if (body.isMissingNode()) {
                assertThat(SENT_FIELDS).doesNotContainKey(entry.getKey());
                return;
            }
            JsonNode schema = VendorSpecs.schema(schemaName(body));
            Set<String> properties = new LinkedHashSet<>(schema.path("properties").propertyNames());
            assertThat(properties).as("request fields the connector sends to %s", entry.getKey())
                    .containsAll(SENT_FIELDS.get(entry.getKey()));
            JsonNode example = schema.get("example");
            assertThat(example).as("request example of %s", entry.getKey()).isNotNull();
            assertThat(properties).as("fields of the request example of %s", entry.getKey())
                    .containsAll(example.propertyNames());
        }));
    }

    @Test
    void searchCustomersExampleMapsBothCustomers() {
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/customers/search")).willReturn(okJson(responseExample("SearchCustomers"))));
        Page<Customer> page = connector.customers().orElseThrow().search(call(), CustomerQuery.byText("example.com"),
                PageRequest.first(2));
        assertThat(page.items()).extracting(Customer::displayName).containsExactly("James Bond", "Amelia Earhart");
        assertThat(page.items().getFirst().emails().getFirst().address()).isEqualTo("james.bond@example.com");
        assertThat(page.items().getFirst().address().city()).isEqualTo("New York");
        assertThat(page.nextCursor()).isEqualTo("9dpS093Uy12AzeE");
        // the connector's request is the spec's shape: a filter inside query
        WIREMOCK.verify(postRequestedFor(urlPathEqualTo("/v2/customers/search"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.query.filter.email_address.fuzzy")));
    }

    @Test
    void bulkRetrieveCustomersExampleServesTheFoundAndOmitsTheNotFound() {
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/customers/bulk-retrieve")).willReturn(okJson(responseExample("BulkRetrieveCustomers"))));
        Set<String> ids = new LinkedHashSet<>();
        VendorSpecs.example("BulkRetrieveCustomersRequest").path("customer_ids").forEach(id -> ids.add(id.asString()));
        Map<String, Customer> found = connector.customers().orElseThrow().getByIds(call(), ids);
        assertThat(found).containsOnlyKeys("8DDA5NZVBZFGAX0V3HPF81HHE0", "N18CPRVXR5214XPBBA6BZQWF3C");
        assertThat(found.get("8DDA5NZVBZFGAX0V3HPF81HHE0").emails().getFirst().address()).isEqualTo("New.Amelia.Earhart@example.com");
        assertThat(found.get("N18CPRVXR5214XPBBA6BZQWF3C").emails()).isEmpty();
    }

    @Test
    void batchRetrieveOrdersExampleLacksCreatedAtAndIsReportedAsABadResponse() {
        // the example order has no created_at (and no state); the SPI's Order needs when it was placed
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/orders/batch-retrieve")).willReturn(okJson(responseExample("BatchRetrieveOrders"))));
        Set<String> ids = new LinkedHashSet<>();
        VendorSpecs.example("BatchRetrieveOrdersRequest").path("order_ids").forEach(id -> ids.add(id.asString()));
        Map<String, ConnectorException> reported = new HashMap<>();
        CallContext plain = call();
        CallContext recording = new CallContext(plain.requestId(), plain.accountId(), plain.deadline(), plain.clock(), reported::put);
        assertThat(connector.orders().orElseThrow().getByIds(recording, ids)).isEmpty();
        ConnectorException e = reported.get("CAISEM82RcpmcFBM0TfOyiHV3es");
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("CAISEM82RcpmcFBM0TfOyiHV3es").contains("created_at");
    }

    @Test
    void batchRetrieveOrdersExampleMapsOnceItSaysWhenTheOrderWasPlaced() {
        JsonNode example = VendorSpecs.example("BatchRetrieveOrdersResponse");
        ((tools.jackson.databind.node.ObjectNode) example.path("orders").get(0)).put("created_at", "2016-09-04T23:59:33.123Z");
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/orders/batch-retrieve")).willReturn(okJson(example.toString())));
        Order order = connector.orders().orElseThrow().getByIds(call(), Set.of("CAISEM82RcpmcFBM0TfOyiHV3es"))
                .get("CAISEM82RcpmcFBM0TfOyiHV3es");
        assertThat(order.total()).isEqualTo(Money.of("75.99", "USD"));
        assertThat(order.lines()).extracting(line -> line.quantity()).containsExactly(1, 3);
        assertThat(order.lines().get(1).unitPrice()).isEqualTo(Money.of("20.00", "USD"));
        assertThat(order.name()).isEqualTo("my-order-001");
        assertThat(order.locationId()).isEqualTo("057P5VYJ4A5X1");
    }

    @Test
    void searchOrdersExampleIsTheEntriesShapeTheConnectorNeverAsksFor() {
        // SearchOrdersResponse.example answers return_entries=true (order_entries); the connector sends false
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/orders/search")).willReturn(okJson(responseExample("SearchOrders"))));
        Page<Order> page = connector.orders().orElseThrow().search(call(), OrderQuery.all(), PageRequest.first(3));
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEqualTo("123");
        WIREMOCK.verify(postRequestedFor(urlPathEqualTo("/v2/orders/search"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.return_entries", 
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("false"))));
    }

    @Test
    void inventoryCountsExampleMapsToALevel() {
        JsonNode body = Json.mapper().readTree(responseExample("BatchRetrieveInventoryCounts"));
        SquareClient.Answer answer = SquareClient.interpret(new dev.omnigate.connector.toolkit.http.VendorResponse("example", 200,
                okhttp3.Headers.of(), body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), java.time.Clock.systemUTC());
        assertThat(answer.errors()).isEmpty();
        List<JsonNode> counts = new ArrayList<>();
        answer.body().path("counts").forEach(counts::add);
        List<InventoryLevel> levels = new SquareInventoryMapper(new SourceRefs(Channel.POS, "square", "examples"))
                .toLevels("ANY-SKU", "W62UWFY35CWMYGVWK6TWJDNI", counts);
        assertThat(levels).singleElement().satisfies(level -> {
            assertThat(level.locationId()).isEqualTo("59TNP9SA8VGDA");
            assertThat(level.available()).isEqualTo(79);
            assertThat(level.onHand()).isEqualTo(79);
            assertThat(level.updatedAt()).isEqualTo(Instant.parse("2016-11-16T22:28:01.223Z"));
        });
    }

    @Test
    void searchCatalogObjectsExampleYieldsVariationsWithPricesButNoSkus() {
        JsonNode body = Json.mapper().readTree(responseExample("SearchCatalogObjects"));
        List<CatalogVariation> variations = SquareCatalogMapper.variations(body);
        assertThat(variations).extracting(CatalogVariation::title)
                .containsExactly("Tea - Black (Regular)", "Tea - Black (Large)", "Tea - Green (Regular)");
        assertThat(variations).extracting(CatalogVariation::sku).containsOnlyNulls();
        SquareCatalogMapper mapper = new SquareCatalogMapper(new SourceRefs(Channel.POS, "square", "examples"));
        // without a SKU a variation cannot be a Price (keyed by SKU)
        assertThat(variations).allSatisfy(variation -> assertThat(mapper.toPrice(variation)).isNull());
        assertThat(dev.omnigate.connector.square.mapping.SquareJson.money(variations.get(1).data(), "price_money", "example"))
                .isEqualTo(Money.of("2.25", "USD"));
    }

    @Test
    void listLocationsExampleMapsBothStores() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/v2/locations")).willReturn(okJson(responseExample("ListLocations"))));
        List<Location> locations = connector.locations().orElseThrow().listAll(call());
        assertThat(locations).extracting(Location::name).containsExactly("Grant Park", "Midtown");
        assertThat(locations.get(1).geo()).isEqualTo(new GeoPoint(33.7889, -84.3841));
        assertThat(locations).allSatisfy(location -> assertThat(location.active()).isTrue());
    }

    @TestFactory
    Stream<DynamicTest> everyHandledEventExampleIsVerifiedAndParsed() {
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> schema : VendorSpecs.api().path("components").path("schemas").properties()) {
            String event = schema.getValue().path("x-webhook").path("event").asString("");
            if (!EVENTS.contains(event)) {
                continue;
            }
            seen.add(event);
            tests.add(DynamicTest.dynamicTest(event + " (" + schema.getKey() + ")", () -> {
                byte[] body = Json.mapper().writeValueAsBytes(schema.getValue().get("example"));
                WebhookResult result = connector.webhooks().orElseThrow().handle(SquareConnectorContractTest.SquareWebhooks
                        .signed("sq-examples-key", "https://omnigate.example.com/webhooks/square", body));
                assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
                    assertThat(accepted.deliveryKey()).isEqualTo(schema.getValue().path("example").path("event_id").asString());
                    assertThat(accepted.events()).isNotEmpty().extracting(ChangeEvent::topic).containsOnly(event);
                });
            }));
        }
        tests.add(DynamicTest.dynamicTest("every handled event has an example", () -> assertThat(seen).isEqualTo(EVENTS)));
        return tests.stream();
    }
}

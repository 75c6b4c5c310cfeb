package dev.omnigate.connector.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.omnigate.connector.amazon.mapping.AmazonMoney;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every example answer of every SP-API operation the connector calls, read in place from the models
 * ({@code x-amzn-api-sandbox.static[].response} and {@code examples}), served by WireMock at its documented status and
 * read through the real connector: 200s parse and map record for record (money exact), error examples map to their
 * category with Amazon's code. getInventorySummaries has no example in fbaInventory.json (checked by
 * {@link #theInventoryModelStillHasNoExample}); the notification schemas' examples are handled in api-key mode.
 */
final class AmazonModelExamplesTest {

    private static final LwaStub LWA = new LwaStub(AmazonConnectorContractTest.REFRESH_TOKEN, AmazonConnectorContractTest.CLIENT_ID,
            AmazonConnectorContractTest.CLIENT_SECRET, AmazonStubs.ACCESS_TOKEN);
    private static WireMockServer spApi;
    private Connector connector;

    @BeforeAll
    static void start() {
        spApi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        spApi.start();
    }

    @AfterAll
    static void stop() {
        spApi.stop();
        LWA.close();
    }

    @BeforeEach
    void connect() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("endpoint", spApi.baseUrl());
        raw.put("lwa-endpoint", LWA.tokenUrl());
        raw.put("client-id", AmazonConnectorContractTest.CLIENT_ID);
        raw.put("client-secret", AmazonConnectorContractTest.CLIENT_SECRET);
        raw.put("refresh-token", AmazonConnectorContractTest.REFRESH_TOKEN);
        raw.put("seller-id", AmazonStubs.SELLER_ID);
        // every marketplace the examples use, so no offer or participation is filtered away
        raw.put("marketplace-ids", "ATVPDKIKX0DER,A2EUQ1WTGCTBG2");
        raw.put("notification-secret", AmazonConnectorContractTest.NOTIFICATION_SECRET);
        for (AmazonOperation operation : AmazonOperation.values()) {
            raw.put(operation.rateKey(), "1000");
            raw.put(operation.burstKey(), "1000");
        }
        connector = new AmazonConnectorFactory().create(AmazonConfig.SPEC.validate(raw).orElseThrow(), TestConnectorContext.of("examples"));
    }

    @AfterEach
    void disconnect() {
        connector.close();
        spApi.resetAll();
    }

    private static CallContext call() {
        return CallContext.withTimeout("examples", Duration.ofSeconds(10));
    }

    private static void serve(String pathPattern, AmazonModels.Example example) {
        spApi.stubFor(get(urlPathMatching(pathPattern)).willReturn(aResponse().withStatus(example.status())
                .withHeader("Content-Type", "application/json").withHeader(AmazonClient.REQUEST_ID_HEADER, "req-" + example.source())
                .withBody(Json.mapper().writeValueAsString(example.body()))));
    }

    private static Stream<DynamicTest> each(String file, String operationId, java.util.function.Consumer<AmazonModels.Example> check) {
        return AmazonModels.examples(file, operationId).stream()
                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> check.accept(example)));
    }

    private static void assertError(AmazonModels.Example example, Runnable call) {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, call::run);
        assertThat(e).as("%s", example).isNotNull();
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_REQUEST);
        assertThat(e.vendorCode()).contains(Json.text(example.body().path("errors").path(0).path("code")));
        assertThat(e.vendorRequestId()).contains("req-" + example.source());
    }

    private static void assertOrder(JsonNode expected, Order order) {
        assertThat(order.source().nativeId()).isEqualTo(Json.text(expected.path("orderId")));
        assertThat(order.createdAt()).isEqualTo(Instant.parse(Json.text(expected.path("createdTime"))));
        assertThat(order.total()).isEqualTo(AmazonMoney.require(expected.path("proceeds").path("grandTotal"), "expected"));
        assertThat(order.lines()).hasSize(expected.path("orderItems").size());
        for (int i = 0; i < order.lines().size(); i++) {
            JsonNode item = expected.path("orderItems").path(i);
            assertThat(order.lines().get(i).sku()).isEqualTo(Json.text(item.path("product").path("sellerSku")));
            assertThat(order.lines().get(i).quantity()).isEqualTo(item.path("quantityOrdered").asInt());
            assertThat(order.lines().get(i).unitPrice().amount())
                    .isEqualByComparingTo(new java.math.BigDecimal(Json.text(item.path("product").path("price").path("unitPrice").path("amount"))));
        }
        String email = Json.text(expected.path("buyer").path("buyerEmail"));
        if (email == null) {
            assertThat(order.buyerEmail()).isNull();
        } else {
            assertThat(order.buyerEmail().isRelay()).isTrue();
            assertThat(order.buyerEmail().relayOf()).isEqualTo(dev.omnigate.connector.api.model.Channel.AMAZON);
            assertThat(order.buyerEmail().address()).isEqualTo(email);
        }
        assertThat(order.rawStatus()).isEqualTo(Json.text(expected.path("fulfillment").path("fulfillmentStatus")));
    }

    @TestFactory
    Stream<DynamicTest> searchOrdersExamples() {
        return each(AmazonModels.ORDERS, "searchOrders", example -> {
            serve("/orders/2026-01-01/orders", example);
            Runnable search = () -> connector.orders().orElseThrow().search(call(), OrderQuery.createdBetween(
                    Instant.parse("2024-12-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")), PageRequest.first(100));
            if (example.status() != 200) {
                assertError(example, search);
                return;
            }
            var page = connector.orders().orElseThrow().search(call(), OrderQuery.createdBetween(
                    Instant.parse("2024-12-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")), PageRequest.first(100));
            assertThat(page.items()).hasSize(example.body().path("orders").size());
            for (int i = 0; i < page.items().size(); i++) {
                assertOrder(example.body().path("orders").path(i), page.items().get(i));
            }
            assertThat(page.hasNext()).isEqualTo(example.body().path("pagination").has("nextToken"));
        });
    }

    @TestFactory
    Stream<DynamicTest> getOrderExamples() {
        return each(AmazonModels.ORDERS, "getOrder", example -> {
            serve("/orders/2026-01-01/orders/.+", example);
            String id = example.status() == 200 ? Json.text(example.body().path("order").path("orderId")) : "123-1234567-1234567";
            if (example.status() != 200) {
                assertError(example, () -> connector.orders().orElseThrow().getByIds(call(), Set.of(id)));
                return;
            }
            assertOrder(example.body().path("order"), connector.orders().orElseThrow().getByIds(call(), Set.of(id)).get(id));
        });
    }

    @TestFactory
    Stream<DynamicTest> searchListingsItemsExamples() {
        return each(AmazonModels.LISTINGS, "searchListingsItems", example -> {
            serve("/listings/2021-08-01/items/[^/]+", example);
            // the example is page 1 of 3 with a nextToken: the pages after it (not in the model) are served empty
            spApi.stubFor(get(urlPathMatching("/listings/2021-08-01/items/[^/]+")).withQueryParam("pageToken", matching(".+"))
                    .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"numberOfResults\": 0, \"items\": []}")));
            if (example.status() != 200) {
                assertError(example, () -> connector.prices().orElseThrow().getBySkus(call(), Set.of("GM-ZDPI-9B4E")));
                return;
            }
            Set<String> skus = new java.util.HashSet<>();
            example.body().path("items").forEach(item -> skus.add(Json.text(item.path("sku"))));
            Map<String, List<Price>> prices = connector.prices().orElseThrow().getBySkus(call(), skus);
            assertOffers(example.body().path("items"), prices);
        });
    }

    /** getListingsItem is not called (searchListingsItems batches SKUs), but its item shape is the same: it must map too. */
    @TestFactory
    Stream<DynamicTest> getListingsItemExamples() {
        return each(AmazonModels.LISTINGS, "getListingsItem", example -> {
            if (example.status() != 200) {
                serve("/listings/2021-08-01/items/[^/]+", example);
                assertError(example, () -> connector.prices().orElseThrow().getBySkus(call(), Set.of("BadSKU")));
                return;
            }
            List<Price> prices = new dev.omnigate.connector.amazon.mapping.AmazonPriceMapper(
                    new dev.omnigate.connector.toolkit.SourceRefs(dev.omnigate.connector.api.model.Channel.AMAZON, "amazon", "examples"))
                    .map(example.body(), List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"));
            assertOffers(Json.mapper().createArrayNode().add(example.body()), Map.of(Json.text(example.body().path("sku")), prices));
        });
    }

    private static void assertOffers(JsonNode items, Map<String, List<Price>> prices) {
        for (JsonNode item : items) {
            List<String> expected = new ArrayList<>();
            for (JsonNode offer : item.path("offers")) {
                if ("B2C".equals(Json.text(offer.path("offerType")))) {
                    expected.add(AmazonMoney.require(offer.path("price"), "expected").toString());
                }
            }
            assertThat(prices.getOrDefault(Json.text(item.path("sku")), List.of())).extracting(price -> price.price().toString())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @TestFactory
    Stream<DynamicTest> getMarketplaceParticipationsExamples() {
        return each(AmazonModels.SELLERS, "getMarketplaceParticipations", example -> {
            serve("/sellers/v1/marketplaceParticipations", example);
            List<Location> locations = connector.locations().orElseThrow().listAll(call());
            List<String> expected = new ArrayList<>();
            example.body().path("payload").forEach(p -> expected.add("FBA:" + Json.text(p.path("marketplace").path("id"))));
            assertThat(locations).extracting(location -> location.source().nativeId()).containsExactlyElementsOf(expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> theInventoryModelStillHasNoExample() {
        // if Amazon adds one, this fails and the example joins the test above instead of the hand-written stub
        return Stream.of(DynamicTest.dynamicTest("fbaInventory.json getInventorySummaries", () -> {
            JsonNode responses = VendorSpecs.model(AmazonModels.FBA_INVENTORY).path("paths").path("/fba/inventory/v1/summaries")
                    .path("get").path("responses");
            responses.properties().forEach(response -> {
                assertThat(response.getValue().has("examples")).isFalse();
                assertThat(response.getValue().path("x-amzn-api-sandbox").path("static").isMissingNode()).isTrue();
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> notificationSchemaExamples() {
        return Stream.of("OrderChangeNotification.json", "FBAInventoryAvailabilityChangeNotification.json", "ListingsItemMfnQuantityChange.json")
                .flatMap(file -> AmazonModels.notificationExamples(file).stream().map(example -> DynamicTest.dynamicTest(file, () -> {
                    byte[] body = AmazonConnectorContractTest.Notifications.bytes(example);
                    WebhookResult result = connector.webhooks().orElseThrow().handle(new WebhookRequest("https://gateway.example/hook",
                            Map.of(AmazonWebhookHandler.API_KEY_HEADER, List.of(AmazonConnectorContractTest.NOTIFICATION_SECRET)), body,
                            Instant.now()));
                    assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
                        assertThat(accepted.events()).isNotEmpty();
                        accepted.events().forEach(event -> assertThat(event.topic()).isEqualTo(Json.text(example.path("NotificationType"))));
                    });
                })));
    }
}

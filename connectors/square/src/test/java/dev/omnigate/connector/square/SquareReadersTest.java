package dev.omnigate.connector.square;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Square-specific reader behaviour beyond the contract: partial answers (unknown currency, per-item errors in a 200),
 * location discovery for SearchOrders, the SKU resolution cache, the rate-limit hint and webhook URL handling.
 * Bodies follow the {@code square/api.json} schemas named in each test.
 */
final class SquareReadersTest {

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static Connector connector(Map<String, Object> extra) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("access-token", "sq-readers-token");
        raw.put("base-url", WIREMOCK.baseUrl());
        raw.putAll(extra);
        return new SquareConnectorFactory().create(SquareConfig.SPEC.validate(raw).orElseThrow(), TestConnectorContext.of("readers"));
    }

    private static CallContext call() {
        return CallContext.withTimeout("readers", Duration.ofSeconds(10));
    }

    /** A context that records the item failures the reader reports, as the host does. */
    private static CallContext recording(Map<String, ConnectorException> reported) {
        CallContext plain = call();
        return new CallContext(plain.requestId(), plain.accountId(), plain.deadline(), plain.clock(), reported::put);
    }

    /** An Order (Order schema) with one line and the given total. */
    private static String order(String id, String customer, String createdAt, long amount, String currency) {
        return """
                {"id": "%s", "location_id": "L1", "customer_id": "%s", "created_at": "%s", "state": "COMPLETED",
                 "total_money": {"amount": %d, "currency": "%s"},
                 "line_items": [{"uid": "u1", "name": "Tent", "quantity": "1", "base_price_money": {"amount": %d, "currency": "%s"}}]}
                """.formatted(id, customer, createdAt, amount, currency, amount, currency);
    }

    @Test
    void anUnknownCurrencyFailsThatOrderOnlyAndTheRestIsServed() {
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/orders/search")).willReturn(okJson("{\"orders\": ["
                + order("GOOD1", "C1", "2026-01-02T00:00:00Z", 1099, "JPY") + ","
                + order("BAD1", "C1", "2026-01-01T00:00:00Z", 500, "XYZ") + "]}")));
        try (Connector square = connector(Map.of("location-ids", List.of("L1")))) {
            List<Order> orders = square.orders().orElseThrow().search(call(), OrderQuery.ofCustomer("C1"), PageRequest.first(10)).items();
            assertThat(orders).extracting(order -> order.source().nativeId()).containsExactly("GOOD1");
            assertThat(orders.getFirst().total()).isEqualTo(Money.of("1099", "JPY"));
            assertThat(orders.getFirst().total().amount().scale()).isZero();
        }
    }

    @Test
    void aBatchOfOnlyUnmappableOrdersIsATypedBadResponseNamingTheCurrency() {
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/orders/batch-retrieve")).willReturn(okJson(
                "{\"orders\": [" + order("BAD1", "C1", "2026-01-01T00:00:00Z", 500, "XYZ") + "]}")));
        try (Connector square = connector(Map.of())) {
            Map<String, ConnectorException> reported = new HashMap<>();
            assertThat(square.orders().orElseThrow().getByIds(recording(reported), Set.of("BAD1"))).isEmpty();
            ConnectorException e = reported.get("BAD1");
            assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("BAD1").contains("'XYZ'").contains("ISO 4217");
        }
    }

    @Test
    void perItemErrorsInsideA200KeepTheGoodCustomers() {
        // BulkRetrieveCustomersResponse: one customer, one NOT_FOUND (absent), one other per-item error (left out)
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/customers/bulk-retrieve")).willReturn(okJson("""
                {"responses": {
                  "GOOD": {"customer": {"id": "GOOD", "given_name": "Ava", "family_name": "Chen", "email_address": "ava.chen@example.com"}},
                  "GONE": {"errors": [{"category": "INVALID_REQUEST_ERROR", "code": "NOT_FOUND", "detail": "Customer with ID `GONE` not found."}]},
                  "BROKEN": {"errors": [{"category": "API_ERROR", "code": "INTERNAL_SERVER_ERROR", "detail": "boom"}]}}}
                """)));
        try (Connector square = connector(Map.of())) {
            Map<String, ConnectorException> reported = new HashMap<>();
            assertThat(square.customers().orElseThrow().getByIds(recording(reported), Set.of("GOOD", "GONE", "BROKEN")))
                    .containsOnlyKeys("GOOD");
            assertThat(reported).as("the bad item is reported for its own key; NOT_FOUND is just absent").containsOnlyKeys("BROKEN");
            ConnectorException e = reported.get("BROKEN");
            assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("INTERNAL_SERVER_ERROR").contains("BROKEN").doesNotContain("boom");
            assertThat(square.customers().orElseThrow().getByIds(call(), Set.of("GONE"))).isEmpty();
        }
    }

    @Test
    void inventoryCountsWithPerItemErrorsServeTheCountsAndACachedSkuCostsOneCall() {
        // SearchCatalogObjectsResponse with one ITEM_VARIATION; BatchRetrieveInventoryCountsResponse with counts and errors
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/catalog/search")).willReturn(okJson("""
                {"objects": [{"type": "ITEM_VARIATION", "id": "V1", "item_variation_data":
                  {"item_id": "I1", "name": "M", "sku": "TENT-M", "price_money": {"amount": 19900, "currency": "USD"}}}],
                 "related_objects": [{"type": "ITEM", "id": "I1", "item_data": {"name": "Tent"}}]}
                """)));
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/inventory/counts/batch-retrieve")).willReturn(okJson("""
                {"counts": [{"catalog_object_id": "V1", "location_id": "L1", "state": "IN_STOCK", "quantity": "5",
                             "calculated_at": "2026-01-01T00:00:00Z"}],
                 "errors": [{"category": "INVALID_REQUEST_ERROR", "code": "INVALID_VALUE", "field": "catalog_object_ids[1]"}]}
                """)));
        try (Connector square = connector(Map.of())) {
            assertThat(square.prices().orElseThrow().getBySkus(call(), Set.of("TENT-M")).get("TENT-M"))
                    .singleElement().satisfies(price -> {
                        assertThat(price.price()).isEqualTo(Money.of("199.00", "USD"));
                        assertThat(price.title()).isEqualTo("Tent (M)");
                    });
            WIREMOCK.resetRequests();
            var levels = square.inventory().orElseThrow().getBySkus(call(), Set.of("TENT-M"));
            assertThat(levels.get("TENT-M")).singleElement().satisfies(level -> assertThat(level.available()).isEqualTo(5));
            // the price read resolved TENT-M: the inventory read skipped the catalog
            assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo("/v2/catalog/search")))).isEmpty();
            assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo("/v2/inventory/counts/batch-retrieve")))).hasSize(1);
        }
    }

    @Test
    void withoutConfiguredLocationsOrdersSearchListsThemOnce() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/v2/locations")).willReturn(okJson(
                "{\"locations\": [{\"id\": \"L1\", \"name\": \"SF\"}, {\"id\": \"L2\", \"name\": \"PA\"}]}")));
        WIREMOCK.stubFor(post(urlPathEqualTo("/v2/orders/search")).willReturn(okJson("{\"orders\": []}")));
        try (Connector square = connector(Map.of())) {
            square.orders().orElseThrow().search(call(), OrderQuery.all(), PageRequest.first(5));
            square.orders().orElseThrow().getByCustomerIds(call(), Set.of("C1", "C2"));
            assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo("/v2/locations")))).hasSize(1);
            WIREMOCK.verify(2, postRequestedFor(urlPathEqualTo("/v2/orders/search"))
                    .withRequestBody(matchingJsonPath("$.location_ids[1]", com.github.tomakehurst.wiremock.client.WireMock.equalTo("L2"))));
        }
    }

    @Test
    void aThrottleWithRetryAfterUsesIt() {
        WIREMOCK.stubFor(get(urlPathEqualTo("/v2/locations")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody("{\"errors\": [{\"category\": \"RATE_LIMIT_ERROR\", \"code\": \"RATE_LIMITED\"}]}")));
        try (Connector square = connector(Map.of())) {
            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> square.locations().orElseThrow().listAll(call()));
            assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(e.vendorCode()).contains("RATE_LIMITED");
        }
    }

    @Test
    void theConfiguredNotificationUrlIsWhatSquareSigned() {
        byte[] body = "{\"event_id\": \"e-1\", \"type\": \"order.updated\", \"created_at\": \"2026-01-01T00:00:00Z\", \"data\": {\"id\": \"O1\"}}"
                .getBytes(StandardCharsets.UTF_8);
        String registered = "https://public.example.com/webhooks/square/demo";
        try (Connector square = connector(Map.of("webhook-signature-key", "sq-key-1", "webhook-notification-url", registered))) {
            // behind a proxy the gateway sees another URL; Square signed the registered one
            var request = SquareConnectorContractTest.SquareWebhooks.signed("sq-key-1", registered, body);
            var proxied = new dev.omnigate.connector.api.change.WebhookRequest("http://10.0.0.5:8080/webhooks/square/demo",
                    request.headers(), body, request.receivedAt());
            WebhookResult first = square.webhooks().orElseThrow().handle(proxied);
            WebhookResult again = square.webhooks().orElseThrow().handle(proxied);
            assertThat(first).isInstanceOfSatisfying(WebhookResult.Accepted.class,
                    accepted -> assertThat(accepted.deliveryKey()).isEqualTo("e-1"));
            // a re-sent notification carries the same event_id: the host's dedupe key
            assertThat(((WebhookResult.Accepted) again).deliveryKey()).isEqualTo("e-1");
            assertThat(((WebhookResult.Accepted) again).events()).isEqualTo(((WebhookResult.Accepted) first).events());
            var signedForOtherUrl = SquareConnectorContractTest.SquareWebhooks.signed("sq-key-1", proxied.url(), body);
            assertThat(square.webhooks().orElseThrow().handle(signedForOtherUrl)).isInstanceOf(WebhookResult.Rejected.class);
        }
        try (Connector unkeyed = connector(Map.of())) {
            var request = SquareConnectorContractTest.SquareWebhooks.signed("sq-key-1", registered, body);
            assertThat(unkeyed.webhooks().orElseThrow().handle(request)).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                    rejected -> assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED));
        }
    }
}

package dev.omnigate.connector.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.testkit.ConnectorContractTest;
import dev.omnigate.connector.testkit.ContractFixtures;
import dev.omnigate.connector.testkit.ContractOperation;
import dev.omnigate.connector.testkit.ExpectedEvent;
import dev.omnigate.connector.testkit.SearchCase;
import dev.omnigate.connector.testkit.StubServer;
import dev.omnigate.connector.testkit.VendorFailure;
import dev.omnigate.connector.testkit.VendorStubs;
import dev.omnigate.connector.testkit.WebhookFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connector contract for Shopify. The happy-path answers come from {@link FakeShopify}, built from
 * the recorded captures in {@code shared/vendor-specs/shopify/captures} (each answer names its capture
 * in the {@value FakeShopify#SOURCE_HEADER} header); the expected records below are written out by hand
 * from those captures. Failure stubs name the PROTOCOLS.md section or contract paragraph they follow.
 */
final class ShopifyConnectorContractTest extends ConnectorContractTest {

    static final String SHOP_DOMAIN = "harry-test-heelo.myshopify.com";
    static final String ACCESS_TOKEN = "shpat_contract_4f7c1e9b2a";
    static final String WEBHOOK_SECRET = "whsec_contract_8d3e5a1f";
    static final String GRAPHQL_PATH = "/admin/api/2026-04/graphql.json";

    private static FakeShopify fake;

    private static synchronized FakeShopify fake() {
        if (fake == null) {
            fake = FakeShopify.fromCaptures();
        }
        return fake;
    }

    private static SourceRef ref(String nativeId) {
        return new SourceRef(Channel.SHOPIFY, "shopify", "contract-test", nativeId);
    }

    private static Money cad(String amount) {
        return Money.of(amount, "CAD");
    }

    @Override
    protected ConnectorFactory factory() {
        return new ShopifyConnectorFactory();
    }

    @Override
    protected Map<String, Object> validConfig(String baseUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("shop-domain", SHOP_DOMAIN);
        config.put("access-token", ACCESS_TOKEN);
        config.put("api-version", "2026-04");
        config.put("base-url", baseUrl);
        config.put("webhook-secret", WEBHOOK_SECRET);
        config.put("store-location-ids", "113786487090");
        return config;
    }

    // ------------------------------------------------------------------------------------------ fixtures

    /** customers-search / customers-catalog / customer-detail captures, as the connector selects them. */
    static Map<String, Customer> expectedCustomers() {
        Map<String, Customer> customers = new LinkedHashMap<>();
        customers.put("9522206933298", new Customer(ref("9522206933298"), "Karine Ruby", "Karine", "Ruby",
                List.of(EmailAddress.personal("karine.ruby@example.com")), List.of(),
                new Address("Box 42 - 151 O'Connor St", null, "Ottawa", null, "K2P2L8", null),
                Instant.parse("2025-03-26T19:51:37Z"), Instant.parse("2026-05-06T02:40:36Z")));
        customers.put("9522206966066", new Customer(ref("9522206966066"), "Ayumu Hirano", null, null,
                List.of(EmailAddress.personal("ayumu.hirano@example.com")), List.of(), null,
                Instant.parse("2025-03-26T19:51:37Z"), Instant.parse("2025-03-26T19:51:37Z")));
        customers.put("9522206998834", new Customer(ref("9522206998834"), "Russell Winfield", null, null,
                List.of(EmailAddress.personal("Russel.winfield@example.com")), List.of(),
                new Address("105 Victoria St", null, "Toronto", null, "M5C1N7", null),
                Instant.parse("2025-03-26T19:51:37Z"), Instant.parse("2025-03-26T19:51:38Z")));
        customers.put("10885440995634", new Customer(ref("10885440995634"), "Casey Contact", null, null,
                List.of(EmailAddress.personal("atlas-procurement-20260703055707-main@example.com")), List.of(), null,
                null, Instant.parse("2026-07-03T05:57:18Z")));
        customers.put("10885441093938", new Customer(ref("10885441093938"), "customer-set-happy-20260703055707@example.com",
                null, null, List.of(EmailAddress.personal("customer-set-happy-20260703055707@example.com")), List.of(), null,
                null, Instant.parse("2026-07-03T05:57:08Z")));
        return customers;
    }

    /** order-catalog-count-read and money-bag-presentment-parity captures (see FakeShopify for the additions). */
    static Map<String, Order> expectedOrders() {
        Map<String, Order> orders = new LinkedHashMap<>();
        orders.put("8837991727410", new Order(ref("8837991727410"), "#1494", "9522206933298",
                EmailAddress.personal("hermes-draft-order-complete-20260622223358@example.com"),
                Instant.parse("2026-06-22T22:34:00Z"), Instant.parse("2026-06-22T22:34:02Z"), OrderStatus.OPEN,
                "PAID/UNFULFILLED", FulfillmentMethod.UNKNOWN, cad("55.0"), List.of(), null));
        orders.put("8837986943282", new Order(ref("8837986943282"), "#1492", "9522206933298",
                EmailAddress.personal("hermes-draft-order-complete-20260622222925@example.com"),
                Instant.parse("2026-06-22T22:29:28Z"), Instant.parse("2026-06-22T22:29:29Z"), OrderStatus.OPEN,
                "PAID/UNFULFILLED", FulfillmentMethod.UNKNOWN, cad("55.0"), List.of(), null));
        orders.put("8888861458738", new Order(ref("8888861458738"), null, "10885440995634",
                EmailAddress.personal("money-bag-presentment-20260703164056@example.com"),
                Instant.parse("2026-07-03T16:40:58.616Z"), Instant.parse("2026-07-03T16:40:58.616Z"), OrderStatus.PENDING,
                "PENDING/UNFULFILLED", FulfillmentMethod.UNKNOWN, cad("13.5"),
                List.of(new OrderLine(null, "MBAG-20260703164056", "MoneyBag line 20260703164056", 1, cad("12.0"))), null));
        return orders;
    }

    static final String WINDOWING_SKU = "INV-ITEM-LEVEL-1783701856472";
    static final String BLUE_SKU = "HERMES-INV-884168-BLUE";

    static Map<String, List<InventoryLevel>> expectedInventory() {
        Map<String, List<InventoryLevel>> levels = new LinkedHashMap<>();
        levels.put(WINDOWING_SKU, List.of(
                new InventoryLevel(ref("152183472434?inventory_item_id=53564958638386"), WINDOWING_SKU, "113884234034", 4, 0, 4, 0, null),
                new InventoryLevel(ref("152183505202?inventory_item_id=53564958638386"), WINDOWING_SKU, "113884266802", 10, 0, 10, 0, null)));
        levels.put(BLUE_SKU, List.of());
        levels.put(FakeShopify.ROOTS_SYNTHETIC_SKU, List.of(
                new InventoryLevel(ref("106318430514?inventory_item_id=53204673823026"), FakeShopify.ROOTS_SYNTHETIC_SKU,
                        "106318430514", 7, 0, 7, 0, null),
                new InventoryLevel(ref("106318463282?inventory_item_id=53204673823026"), FakeShopify.ROOTS_SYNTHETIC_SKU,
                        "106318463282", 2, 0, 2, 0, null)));
        return levels;
    }

    static Map<String, List<Price>> expectedPrices() {
        Map<String, List<Price>> prices = new LinkedHashMap<>();
        prices.put(BLUE_SKU, List.of(new Price(ref("51488192921906"), BLUE_SKU,
                "Hermes Product Inventory Variant Seed 1784472884168 - Blue", cad("27.00"), null)));
        prices.put(WINDOWING_SKU, List.of(new Price(ref("51459657040178"), WINDOWING_SKU,
                "Inventory item levels 1783701856472", cad("10.00"), null)));
        return prices;
    }

    static List<Location> expectedLocations() {
        Address us = new Address(null, null, null, null, null, "US");
        return List.of(
                new Location(ref("113786487090"), "Alpha-Conn1783132246256", LocationKind.STORE, us, null, true),
                new Location(ref("113786552626"), "Beta-Conn1783132246256", LocationKind.WAREHOUSE, us, null, false),
                new Location(ref("113786519858"), "Zulu-Conn1783132246256", LocationKind.WAREHOUSE, us, null, true));
    }

    @Override
    protected ContractFixtures fixtures() {
        ShopifyWebhooks webhooks = new ShopifyWebhooks(WEBHOOK_SECRET, SHOP_DOMAIN);
        return ContractFixtures.builder()
                .customers(new ContractFixtures.Customers(expectedCustomers(), Set.of("1", "9522206933299"),
                        n -> String.valueOf(7_000_000_000L + n),
                        List.of(new SearchCase<>("free text example.com, most recently updated first",
                                CustomerQuery.byText("example.com"), 2,
                                List.of("10885440995634", "10885441093938", "9522206933298", "9522206998834", "9522206966066")))))
                .orders(new ContractFixtures.Orders(expectedOrders(), Set.of("2", "8837991727411"),
                        n -> String.valueOf(8_000_000_000L + n),
                        List.of(new SearchCase<>("created in June and July 2026, newest first",
                                OrderQuery.createdBetween(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-08-01T00:00:00Z")),
                                2, List.of("8888861458738", "8837991727410", "8837986943282"))),
                        Map.of("9522206933298", List.of("8837991727410", "8837986943282"),
                                "10885440995634", List.of("8888861458738"),
                                "9522206966066", List.of()),
                        Set.of("1", "9522206933299"),
                        n -> String.valueOf(7_100_000_000L + n)))
                .inventory(new ContractFixtures.BySku<>(expectedInventory(), Set.of("NO-SUCH-SKU", "inv-item-level-1783701856472"),
                        n -> "MISSING-SKU-" + n))
                .prices(new ContractFixtures.BySku<>(expectedPrices(), Set.of("NO-SUCH-SKU"), n -> "MISSING-SKU-" + n))
                .locations(new ContractFixtures.Locations(expectedLocations(), Set.of("3", "106318430514")))
                .webhooks(new WebhookFixtures() {
                    @Override
                    public List<WebhookCase> cases() {
                        return List.of(
                                new WebhookCase("orders/create", webhooks.signed("orders/create",
                                        ShopifyWebhooks.ORDER_CREATE_BODY, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"),
                                        "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
                                        List.of(new ExpectedEvent(EntityType.ORDER, "8888861458738", ChangeKind.CREATED,
                                                "orders/create", null, Instant.parse("2026-07-03T16:40:57Z")))),
                                new WebhookCase("orders/updated", webhooks.signed("orders/updated",
                                        ShopifyWebhooks.ORDER_UPDATED_BODY, "0f6c1b9e-51f8-4d3c-9f6e-2b1c0f3e7a11"),
                                        "0f6c1b9e-51f8-4d3c-9f6e-2b1c0f3e7a11",
                                        List.of(new ExpectedEvent(EntityType.ORDER, "8837991727410", ChangeKind.UPDATED,
                                                "orders/updated", null, Instant.parse("2026-06-22T22:34:02Z")))),
                                new WebhookCase("customers/update", webhooks.signed("customers/update",
                                        ShopifyWebhooks.CUSTOMER_UPDATE_BODY, "7e1d2c3b-4a59-4f6e-8d7c-6b5a4e3d2c1b"),
                                        "7e1d2c3b-4a59-4f6e-8d7c-6b5a4e3d2c1b",
                                        List.of(new ExpectedEvent(EntityType.CUSTOMER, "9522206933298", ChangeKind.UPDATED,
                                                "customers/update", null, Instant.parse("2026-05-06T02:40:36Z")))),
                                new WebhookCase("inventory_levels/update", webhooks.signed("inventory_levels/update",
                                        ShopifyWebhooks.INVENTORY_LEVEL_UPDATE_BODY, "3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4"),
                                        "3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4",
                                        List.of(new ExpectedEvent(EntityType.INVENTORY_LEVEL,
                                                "152183472434?inventory_item_id=53564958638386", ChangeKind.UPDATED,
                                                "inventory_levels/update", null, Instant.parse("2026-07-10T17:24:41Z")))),
                                new WebhookCase("products/update (ignored topic)", webhooks.signed("products/update",
                                        ShopifyWebhooks.PRODUCT_UPDATE_BODY, "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"),
                                        "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", List.of()));
                    }

                    @Override
                    public WebhookRequest resign(WebhookRequest request, byte[] body) {
                        return webhooks.resign(request, body);
                    }

                    @Override
                    public WebhookRequest forge(WebhookRequest request) {
                        return webhooks.forge(request);
                    }

                    @Override
                    public Set<String> signatureHeaders() {
                        return Set.of("X-Shopify-Hmac-Sha256");
                    }
                })
                .build();
    }

    // ------------------------------------------------------------------------------------------ stubs

    static final String THROTTLED_BODY = """
            {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED",\
            "documentation":"https://shopify.dev/api/usage/rate-limits"}}],\
            "extensions":{"cost":{"requestedQueryCost":752,"actualQueryCost":null,\
            "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":100,"restoreRate":100.0}}}}""";

    @Override
    protected VendorStubs stubs() {
        return new VendorStubs() {
            private MappingBuilder graphql() {
                return post(urlPathEqualTo(GRAPHQL_PATH));
            }

            @Override
            public void registerHappyPath(StubServer server) {
                server.respond(graphql(), fake()::answer);
            }

            @Override
            public void registerFailure(StubServer server, ContractOperation operation, VendorFailure failure) {
                // every operation, the health probe included, is a POST to the one GraphQL endpoint
                switch (failure) {
                    // shopify-contract.md "Throttling": the 401 body of a rejected token
                    case UNAUTHENTICATED -> server.stubFor(graphql().willReturn(aResponse().withStatus(401)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));
                    // PROTOCOLS.md §1 "Errors": REST-style 403 text of a missing scope
                    case PERMISSION_DENIED -> server.stubFor(graphql().willReturn(aResponse().withStatus(403)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"errors\":\"[API] This action requires merchant approval for read_orders scope.\"}")));
                    // shopify-contract.md "Throttling": HTTP 200, errors[].extensions.code THROTTLED, cost with the bucket
                    case RATE_LIMITED -> server.stubFor(graphql().willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/json").withBody(THROTTLED_BODY)));
                    // PROTOCOLS.md §1 "Rate limiting": Shopify's clients retry 503; its body is an HTML page
                    case UNAVAILABLE -> server.stubFor(graphql().willReturn(aResponse().withStatus(503)
                            .withHeader("Content-Type", "text/html")
                            .withBody("<html><body><h1>503 Service Unavailable</h1></body></html>")));
                    case MALFORMED_RESPONSE -> server.stubFor(graphql().willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/json").withBody("{\"data\":{\"nodes\":[{\"id\":")));
                    case SLOW -> server.respond(graphql(),
                            request -> fake().answer(request).withFixedDelay((int) VendorFailure.SLOW_DELAY.toMillis()));
                }
            }

            @Override
            public Duration expectedRetryAfter() {
                return Duration.ofSeconds(7); // ceil((752 - 100) / 100)
            }

            @Override
            public Map<String, String> requiredRequestHeaders() {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("X-Shopify-Access-Token", ACCESS_TOKEN);
                headers.put("Content-Type", null);
                return headers;
            }
        };
    }
}

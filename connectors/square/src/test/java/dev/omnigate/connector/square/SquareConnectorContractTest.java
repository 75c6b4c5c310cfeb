package dev.omnigate.connector.square;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.PhoneNumber;
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
import dev.omnigate.connector.toolkit.crypto.Hmac;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connector contract for Square. The happy-path answers come from {@link FakeSquare} (records from the examples
 * of {@code square/api.json}, read in place, plus a few in the same schemas); the expected records below are written
 * out by hand. Webhook deliveries are the spec's own event examples, signed as Square signs them. Failure stubs use
 * Square's error envelope ({@code Error} schema, codes from {@code ErrorCode}).
 */
final class SquareConnectorContractTest extends ConnectorContractTest {

    static final String ACCESS_TOKEN = "sq-contract-token-7e21c4";
    static final String SIGNATURE_KEY = "sq-contract-signature-key-5b9d";
    static final String NOTIFICATION_URL = "https://gateway.example.com/webhooks/square/contract-test";

    private static FakeSquare fake;

    private static synchronized FakeSquare fake() {
        if (fake == null) {
            fake = FakeSquare.build();
        }
        return fake;
    }

    private static SourceRef ref(String nativeId) {
        return new SourceRef(Channel.POS, "square", "contract-test", nativeId);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Override
    protected ConnectorFactory factory() {
        return new SquareConnectorFactory();
    }

    @Override
    protected Map<String, Object> validConfig(String baseUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("access-token", ACCESS_TOKEN);
        config.put("base-url", baseUrl);
        config.put("webhook-signature-key", SIGNATURE_KEY);
        config.put("location-ids", List.of("057P5VYJ4A5X1", "18YC4JDH91E1H"));
        return config;
    }

    // ------------------------------------------------------------------------------------------ fixtures

    static Map<String, Customer> customers() {
        Map<String, Customer> expected = new LinkedHashMap<>();
        // SearchCustomersResponse.example
        expected.put("JDKYHBWT1D4F8MFH63DBMEN8Y4", new Customer(ref("JDKYHBWT1D4F8MFH63DBMEN8Y4"), "James Bond", "James", "Bond",
                List.of(EmailAddress.personal("james.bond@example.com")), List.of(PhoneNumber.of("+1-212-555-4250")),
                new Address("505 Electric Ave", "Suite 600", "New York", "NY", "10003", "US"),
                Instant.parse("2018-01-23T20:21:54.859Z"), Instant.parse("2020-04-20T10:02:43.083Z")));
        expected.put("A9641GZW2H7Z56YYSD41Q12HDW", new Customer(ref("A9641GZW2H7Z56YYSD41Q12HDW"), "Amelia Earhart", "Amelia",
                "Earhart", List.of(EmailAddress.personal("amelia.earhart@example.com")), List.of(PhoneNumber.of("+1-212-555-9238")),
                new Address("500 Electric Ave", "Suite 600", "New York", "NY", "10003", "US"),
                Instant.parse("2018-01-30T14:10:54.859Z"), Instant.parse("2018-03-08T18:25:21.342Z")));
        // BulkRetrieveCustomersResponse.example
        expected.put("8DDA5NZVBZFGAX0V3HPF81HHE0", new Customer(ref("8DDA5NZVBZFGAX0V3HPF81HHE0"), "Amelia Earhart", "Amelia",
                "Earhart", List.of(EmailAddress.personal("New.Amelia.Earhart@example.com")), List.of(), null,
                Instant.parse("2024-01-19T00:27:54.59Z"), Instant.parse("2024-01-19T00:38:06Z")));
        expected.put("N18CPRVXR5214XPBBA6BZQWF3C", new Customer(ref("N18CPRVXR5214XPBBA6BZQWF3C"), "Marie Curie", "Marie",
                "Curie", List.of(), List.of(), null, Instant.parse("2024-01-19T00:27:54.59Z"), Instant.parse("2024-01-19T00:38:06Z")));
        // FakeSquare's POS profiles, email and phone kept as typed
        expected.put("CE6NJ2V4QK8XG1AVA0S7T3M5PR", new Customer(ref("CE6NJ2V4QK8XG1AVA0S7T3M5PR"), "Ava Chen", "Ava", "Chen",
                List.of(EmailAddress.personal(" Ava.Chen@Example.com ")), List.of(PhoneNumber.of("(415) 555-0142")), null,
                Instant.parse("2025-08-23T20:14:02Z"), Instant.parse("2025-08-23T20:14:02Z")));
        expected.put("AVADUPLICATEPROFILE0000001", new Customer(ref("AVADUPLICATEPROFILE0000001"), "Ava Chen", "Ava", "Chen",
                List.of(EmailAddress.personal("ava.chen@example.com")), List.of(PhoneNumber.of("+14155550142")), null,
                Instant.parse("2025-09-30T16:00:00Z"), Instant.parse("2025-09-30T16:00:00Z")));
        return expected;
    }

    static Map<String, Order> orders() {
        Map<String, Order> expected = new LinkedHashMap<>();
        // BatchRetrieveOrdersResponse.example plus created_at, state and customer_id: a till sale
        expected.put("CAISEM82RcpmcFBM0TfOyiHV3es", new Order(ref("CAISEM82RcpmcFBM0TfOyiHV3es"), "my-order-001",
                "JDKYHBWT1D4F8MFH63DBMEN8Y4", null, Instant.parse("2025-08-20T18:00:00Z"), Instant.parse("2025-08-20T18:00:00Z"),
                OrderStatus.FULFILLED, "COMPLETED", FulfillmentMethod.IN_STORE, usd("75.99"),
                List.of(new OrderLine("945986d1-9586-11e6-ad5a-28cfe92138cf", null, "Awesome product", 1, usd("15.99")),
                        new OrderLine("a8f4168c-9586-11e6-bdf0-28cfe92138cf", null, "Another awesome product", 3, usd("20.00"))),
                "057P5VYJ4A5X1"));
        expected.put("CAISENgvlJ6jLWAzERDzjyHVybY", new Order(ref("CAISENgvlJ6jLWAzERDzjyHVybY"), "CAISEN",
                "CE6NJ2V4QK8XG1AVA0S7T3M5PR", EmailAddress.personal(" Ava.Chen@Example.com "),
                Instant.parse("2025-08-23T20:15:37Z"), Instant.parse("2025-08-23T21:05:37Z"), OrderStatus.FULFILLED,
                "COMPLETED PICKUP:COMPLETED", FulfillmentMethod.PICKUP, usd("3.22"),
                List.of(new OrderLine("a1", null, "Tea - Black (Regular)", 2, usd("1.50"))), "18YC4JDH91E1H"));
        expected.put("CAISEM52YcpmcWAzERDOyiWS3ty", new Order(ref("CAISEM52YcpmcWAzERDOyiWS3ty"), null,
                "A9641GZW2H7Z56YYSD41Q12HDW", EmailAddress.relay("q4k8m2x7v1c9d3nb@marketplace.amazon.com", Channel.AMAZON),
                Instant.parse("2025-10-02T09:30:00Z"), Instant.parse("2025-10-02T09:30:00Z"), OrderStatus.OPEN,
                "OPEN SHIPMENT:PROPOSED", FulfillmentMethod.SHIPPING, usd("3.00"),
                List.of(new OrderLine("b1", null, "Tea - Green", 2, usd("1.50"))), "057P5VYJ4A5X1"));
        expected.put("CAISEKbeC1mQDA3VKiE4ZBNqWhU", new Order(ref("CAISEKbeC1mQDA3VKiE4ZBNqWhU"), null,
                "A9641GZW2H7Z56YYSD41Q12HDW", null, Instant.parse("2025-11-11T11:11:11Z"), Instant.parse("2025-11-11T11:11:11Z"),
                OrderStatus.CANCELLED, "CANCELED", FulfillmentMethod.IN_STORE, usd("4.50"),
                List.of(new OrderLine("c1", null, "Tea - Black (Large)", 2, usd("2.25"))), "057P5VYJ4A5X1"));
        expected.put("CAISEJPYexampleOrder000001", new Order(ref("CAISEJPYexampleOrder000001"), null,
                "8DDA5NZVBZFGAX0V3HPF81HHE0", null, Instant.parse("2025-12-01T03:00:00Z"), Instant.parse("2025-12-01T03:00:00Z"),
                OrderStatus.FULFILLED, "COMPLETED", FulfillmentMethod.IN_STORE, Money.of("1099", "JPY"),
                List.of(new OrderLine("d1", null, "Matcha", 1, Money.of("1099", "JPY"))), "18YC4JDH91E1H"));
        return expected;
    }

    static Map<String, List<Price>> prices() {
        return Map.of(
                "TEA-BLK-REG", List.of(new Price(ref("W62UWFY35CWMYGVWK6TWJDNI"), "TEA-BLK-REG", "Tea - Black (Regular)",
                        usd("1.50"), null)),
                "TEA-BLK-LRG", List.of(new Price(ref("XVLBN7DU6JTWHJTG5F265B43"), "TEA-BLK-LRG", "Tea - Black (Large)",
                        usd("2.25"), null)));
    }

    static Map<String, List<InventoryLevel>> inventory() {
        return Map.of(
                // IN_STOCK 79 (the spec example) + RESERVED_FOR_SALE 3; 12.5 in stock → 12 whole units, 4 in transit
                "TEA-BLK-REG", List.of(
                        new InventoryLevel(ref("W62UWFY35CWMYGVWK6TWJDNI:59TNP9SA8VGDA"), "TEA-BLK-REG", "59TNP9SA8VGDA", 82, 3,
                                79, 0, Instant.parse("2024-05-01T10:00:00Z")),
                        new InventoryLevel(ref("W62UWFY35CWMYGVWK6TWJDNI:18YC4JDH91E1H"), "TEA-BLK-REG", "18YC4JDH91E1H", 12, 0,
                                12, 4, Instant.parse("2025-01-02T03:04:05Z"))),
                "TEA-BLK-LRG", List.of(),
                "TEA-GRN-REG", List.of(new InventoryLevel(ref("FHYBVIA6NVBCSOVETA62WEA4:18YC4JDH91E1H"), "TEA-GRN-REG",
                        "18YC4JDH91E1H", 7, 0, 7, 0, Instant.parse("2025-03-03T03:03:03Z"))));
    }

    static List<Location> locations() {
        // ListLocationsResponse.example, plus an inactive mobile location
        return List.of(
                new Location(ref("18YC4JDH91E1H"), "Grant Park", LocationKind.STORE,
                        new Address("123 Main St", null, "San Francisco", "CA", "94114", "US"), null, true),
                new Location(ref("3Z4V4WHQK64X9"), "Midtown", LocationKind.STORE,
                        new Address("1234 Peachtree St. NE", null, "Atlanta", "GA", "30309", null), new GeoPoint(33.7889, -84.3841),
                        true),
                new Location(ref("057P5VYJ4A5X1"), "Pop-up Market", LocationKind.STORE, null, new GeoPoint(37.7643, -122.433), false));
    }

    @Override
    protected ContractFixtures fixtures() {
        return ContractFixtures.builder()
                .customers(new ContractFixtures.Customers(customers(), Set.of("NOSUCHCUSTOMER00000000000X"),
                        n -> "MISSINGCUSTOMER" + n,
                        List.of(new SearchCase<>("by email, two POS profiles typed differently",
                                        CustomerQuery.byEmail("ava.chen@example.com"), 1,
                                        List.of("AVADUPLICATEPROFILE0000001", "CE6NJ2V4QK8XG1AVA0S7T3M5PR")),
                                new SearchCase<>("by E.164 phone", CustomerQuery.byPhone("+14155550142"), 1,
                                        List.of("AVADUPLICATEPROFILE0000001", "CE6NJ2V4QK8XG1AVA0S7T3M5PR")),
                                new SearchCase<>("fuzzy email text", CustomerQuery.byText("example.com"), 2,
                                        List.of("8DDA5NZVBZFGAX0V3HPF81HHE0", "A9641GZW2H7Z56YYSD41Q12HDW",
                                                "AVADUPLICATEPROFILE0000001", "CE6NJ2V4QK8XG1AVA0S7T3M5PR",
                                                "JDKYHBWT1D4F8MFH63DBMEN8Y4")))))
                .orders(new ContractFixtures.Orders(orders(), Set.of("CAISEnoSuchOrder0000000000x"), n -> "CAISEmissing" + n,
                        List.of(new SearchCase<>("created in a window, newest first",
                                        OrderQuery.createdBetween(Instant.parse("2025-08-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")),
                                        2, List.of("CAISEJPYexampleOrder000001", "CAISEKbeC1mQDA3VKiE4ZBNqWhU",
                                                "CAISEM52YcpmcWAzERDOyiWS3ty", "CAISENgvlJ6jLWAzERDzjyHVybY",
                                                "CAISEM82RcpmcFBM0TfOyiHV3es")),
                                new SearchCase<>("of one customer", OrderQuery.ofCustomer("A9641GZW2H7Z56YYSD41Q12HDW"), 1,
                                        List.of("CAISEKbeC1mQDA3VKiE4ZBNqWhU", "CAISEM52YcpmcWAzERDOyiWS3ty"))),
                        Map.of("JDKYHBWT1D4F8MFH63DBMEN8Y4", List.of("CAISEM82RcpmcFBM0TfOyiHV3es"),
                                "CE6NJ2V4QK8XG1AVA0S7T3M5PR", List.of("CAISENgvlJ6jLWAzERDzjyHVybY"),
                                "A9641GZW2H7Z56YYSD41Q12HDW", List.of("CAISEKbeC1mQDA3VKiE4ZBNqWhU", "CAISEM52YcpmcWAzERDOyiWS3ty"),
                                "8DDA5NZVBZFGAX0V3HPF81HHE0", List.of("CAISEJPYexampleOrder000001")),
                        Set.of("NOSUCHCUSTOMER00000000000X"), n -> "MISSINGCUSTOMER" + n))
                .inventory(new ContractFixtures.BySku<>(inventory(), Set.of("NO-SUCH-SKU"), n -> "MISSING-SKU-" + n))
                .prices(new ContractFixtures.BySku<>(prices(), Set.of("NO-SUCH-SKU"), n -> "MISSING-SKU-" + n))
                .locations(new ContractFixtures.Locations(locations(), Set.of("NOSUCHLOCATN")))
                .webhooks(new SquareWebhooks())
                .build();
    }

    // ------------------------------------------------------------------------------------------ webhooks

    /** The spec's own event examples, signed as Square signs them (notification URL + raw body). */
    static final class SquareWebhooks implements WebhookFixtures {

        static WebhookRequest signed(String key, String url, byte[] body) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("content-type", List.of("application/json"));
            headers.put("square-environment", List.of("Production"));
            headers.put(SquareWebhookHandler.SIGNATURE_HEADER, List.of(Hmac.sha256Base64(key, Hmac.utf8(url), body)));
            return new WebhookRequest(url, headers, body, Instant.parse("2026-11-27T12:00:00Z"));
        }

        private static WebhookCase example(String schema, String deliveryKey, List<ExpectedEvent> events) {
            byte[] body = Json.mapper().writeValueAsBytes(VendorSpecs.example(schema));
            return new WebhookCase(schema, signed(SIGNATURE_KEY, NOTIFICATION_URL, body), deliveryKey, events);
        }

        @Override
        public List<WebhookCase> cases() {
            return List.of(
                    example("InventoryCountUpdatedEvent", "df5f3813-a913-45a1-94e9-fdc3f7d5e3b6",
                            List.of(new ExpectedEvent(EntityType.INVENTORY_LEVEL, "FGQ5JJWT2PYTHF35CKZ2DSKP:YYQR03DGCTXA4",
                                    ChangeKind.UPDATED, "inventory.count.updated", null,
                                    Instant.parse("2019-10-29T18:38:45.455006797Z")))),
                    example("OrderCreatedEvent", "116038d3-2948-439f-8679-fc86dbf80f69",
                            List.of(new ExpectedEvent(EntityType.ORDER, "eA3vssLHKJrv9H0IdJCM3gNqfdcZY", ChangeKind.CREATED,
                                    "order.created", null, Instant.parse("2020-04-16T23:14:26.129Z")))),
                    example("OrderUpdatedEvent", "4b8e5c91-9f17-4cf1-900a-4a0629f81add",
                            List.of(new ExpectedEvent(EntityType.ORDER, "eA3vssLHKJrv9H0IdJCM3gNqfdcZY", ChangeKind.UPDATED,
                                    "order.updated", null, Instant.parse("2020-04-16T23:14:26.359Z")))),
                    example("CustomerUpdatedEvent", "b4ce4698-00de-4b5d-a771-4941b3913b34",
                            List.of(new ExpectedEvent(EntityType.CUSTOMER, "A0AP25A6SCVTH8JES9BX01GXM4", ChangeKind.UPDATED,
                                    "customer.updated", null, Instant.parse("2022-11-09T21:38:29Z")))),
                    // a type the connector does not turn into events: accepted, so Square stops retrying
                    example("PaymentCreatedEvent", VendorSpecs.example("PaymentCreatedEvent").path("event_id").asString(),
                            List.of()));
        }

        @Override
        public WebhookRequest resign(WebhookRequest request, byte[] body) {
            return signed(SIGNATURE_KEY, request.url(), body);
        }

        @Override
        public WebhookRequest forge(WebhookRequest request) {
            return signed("not-the-" + SIGNATURE_KEY, request.url(), request.body());
        }

        @Override
        public Set<String> signatureHeaders() {
            return Set.of(SquareWebhookHandler.SIGNATURE_HEADER);
        }
    }

    // ------------------------------------------------------------------------------------------ stubs

    @Override
    protected VendorStubs stubs() {
        return new VendorStubs() {
            @Override
            public void registerHappyPath(StubServer server) {
                fake().register(server);
            }

            @Override
            public void registerFailure(StubServer server, ContractOperation operation, VendorFailure failure) {
                String path = switch (operation) {
                    case CUSTOMERS_BY_IDS -> "/v2/customers/bulk-retrieve";
                    case CUSTOMERS_SEARCH -> "/v2/customers/search";
                    case ORDERS_BY_IDS -> "/v2/orders/batch-retrieve";
                    case ORDERS_SEARCH, ORDERS_BY_CUSTOMER -> "/v2/orders/search";
                    // inventory resolves SKUs through the catalog first: both of its endpoints fail alike
                    case INVENTORY_BY_SKUS -> "/v2/(catalog/search|inventory/counts/batch-retrieve)";
                    case PRICES_BY_SKUS -> "/v2/catalog/search";
                    case LOCATIONS_LIST, HEALTH -> "/v2/locations";
                    default -> throw new IllegalArgumentException("Square does not offer " + operation);
                };
                server.stubFor(any(urlPathMatching(path)).willReturn(answer(failure)));
            }

            /** Square's error envelope with codes of its ErrorCode enum (square/api.json, "Handling errors" docs). */
            private ResponseDefinitionBuilder answer(VendorFailure failure) {
                return switch (failure) {
                    case UNAUTHENTICATED -> FakeSquare.error(401, "AUTHENTICATION_ERROR", "UNAUTHORIZED", null);
                    case PERMISSION_DENIED -> FakeSquare.error(403, "AUTHENTICATION_ERROR", "INSUFFICIENT_SCOPES", null);
                    // Square sends 429 RATE_LIMITED without a Retry-After: the connector's default hint applies
                    case RATE_LIMITED -> FakeSquare.error(429, "RATE_LIMIT_ERROR", "RATE_LIMITED", null);
                    case UNAVAILABLE -> FakeSquare.error(503, "API_ERROR", "SERVICE_UNAVAILABLE", null);
                    case MALFORMED_RESPONSE -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"customers\": [ {\"id\": ");
                    case SLOW -> aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")
                            .withFixedDelay((int) VendorFailure.SLOW_DELAY.toMillis());
                };
            }

            @Override
            public Duration expectedRetryAfter() {
                return SquareClient.DEFAULT_RETRY_AFTER;
            }

            @Override
            public Map<String, String> requiredRequestHeaders() {
                return Map.of("Authorization", "Bearer " + ACCESS_TOKEN, "Square-Version", SquareConfig.DEFAULT_SQUARE_VERSION);
            }

            @Override
            public int maxCallsPerBatch(ContractOperation operation) {
                // Square keeps counts by catalog variation id: SKUs it has not resolved recently cost a catalog search first
                return operation == ContractOperation.INVENTORY_BY_SKUS ? 2 : 1;
            }
        };
    }
}

package dev.omnigate.connector.amazon;

import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Channel;
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
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.testkit.ConnectorContractTest;
import dev.omnigate.connector.testkit.ContractFixtures;
import dev.omnigate.connector.testkit.ExpectedEvent;
import dev.omnigate.connector.testkit.SearchCase;
import dev.omnigate.connector.testkit.VendorStubs;
import dev.omnigate.connector.testkit.WebhookFixtures;
import dev.omnigate.connector.toolkit.crypto.Hmac;
import dev.omnigate.connector.toolkit.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connector contract against SP-API on WireMock ({@link AmazonStubs}: the models' example answers) and Login with
 * Amazon on a second WireMock server ({@link LwaStub}). Notifications run in {@code hmac-sha256} mode here, the one
 * that binds the body (the kit checks tampered bodies); the EventBridge {@code api-key} mode, which cannot, is
 * covered by {@code AmazonWebhookHandlerTest}. The rates are raised above the models' defaults because the kit
 * fires dozens of calls per second through one connector; pacing itself is tested in {@code RateLimiterTest}.
 */
final class AmazonConnectorContractTest extends ConnectorContractTest {

    static final String CLIENT_ID = "amzn1.application-oa2-client.contract";
    static final String CLIENT_SECRET = "amzn-client-secret-5b7d21";
    static final String REFRESH_TOKEN = "Atzr|contract-refresh-token-9a4e";
    static final String NOTIFICATION_SECRET = "amzn-notification-secret-e81c";
    private static final String ACCOUNT = "contract-test";

    private static final LwaStub LWA = new LwaStub(REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET, AmazonStubs.ACCESS_TOKEN);

    @AfterAll
    static void stopLwa() {
        LWA.close();
    }

    @Override
    protected ConnectorFactory factory() {
        return new AmazonConnectorFactory();
    }

    @Override
    protected Map<String, Object> validConfig(String baseUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("endpoint", baseUrl);
        config.put("lwa-endpoint", LWA.tokenUrl());
        config.put("client-id", CLIENT_ID);
        config.put("client-secret", CLIENT_SECRET);
        config.put("refresh-token", REFRESH_TOKEN);
        config.put("seller-id", AmazonStubs.SELLER_ID);
        config.put("marketplace-ids", AmazonStubs.MARKETPLACE);
        config.put("notification-secret", NOTIFICATION_SECRET);
        config.put("notification-auth", "hmac-sha256");
        for (AmazonOperation operation : AmazonOperation.values()) {
            config.put(operation.rateKey(), "1000");
            config.put(operation.burstKey(), 1000);
        }
        return config;
    }

    private static SourceRef ref(String nativeId) {
        return new SourceRef(Channel.AMAZON, "amazon", ACCOUNT, nativeId);
    }

    @Override
    protected ContractFixtures fixtures() {
        // written out from orders_2026-01-01.json: getOrder static examples and the searchOrders JP static example (AFN)
        Order brazil = new Order(ref("171-9876543-2109876"), "171-9876543-2109876", null,
                EmailAddress.relay("buyer-email@marketplace.amazon.com.br", Channel.AMAZON),
                Instant.parse("2024-12-24T20:30:00Z"), Instant.parse("2024-12-25T08:15:00Z"), OrderStatus.OPEN, "UNSHIPPED",
                FulfillmentMethod.SHIPPING, Money.of("299.90", "BRL"),
                List.of(new OrderLine("17198765432109", "ECHO-DOT-4-BR-PRETO",
                        "Echo Dot (4ª Geração) | Smart Speaker com Alexa | Cor Preta", 1, Money.of("299.90", "BRL"))),
                null);
        Order us = new Order(ref("114-9876543-1234567"), "114-9876543-1234567", null, null,
                Instant.parse("2025-03-10T14:00:00Z"), Instant.parse("2025-03-10T14:30:00Z"), OrderStatus.OPEN, "UNSHIPPED",
                FulfillmentMethod.SHIPPING, Money.of("49.99", "USD"),
                List.of(new OrderLine("11498765431234", "ECHO-POP-US-BLK",
                        "All-new Echo Pop | Full sound compact smart speaker with Alexa", 1, Money.of("39.99", "USD"))),
                null);
        Order japan = new Order(ref("250-1234567-8901234"), "250-1234567-8901234", null,
                EmailAddress.relay("buyer-email@marketplace.amazon.co.jp", Channel.AMAZON),
                Instant.parse("2024-12-25T02:30:00Z"), Instant.parse("2024-12-25T06:45:00Z"), OrderStatus.FULFILLED, "SHIPPED",
                FulfillmentMethod.MARKETPLACE_FULFILLED, Money.of("19940", "JPY"),
                List.of(new OrderLine("25012345678901", "ECHO-DOT-4-JP-CHARCOAL", "Echo Dot (第4世代) スマートスピーカー with Alexa チャコール",
                                1, Money.of("5980", "JPY")),
                        new OrderLine("25012345678902", "FIRE-TV-4K-MAX-JP", "Fire TV Stick 4K Max ストリーミングデバイス", 2,
                                Money.of("6980", "JPY"))),
                "FBA:A1VC38T7YXB528");
        Map<String, Order> orders = Map.of(brazil.source().nativeId(), brazil, us.source().nativeId(), us,
                japan.source().nativeId(), japan);
        SearchCase<OrderQuery> december = new SearchCase<>("created in December 2024",
                OrderQuery.createdBetween(Instant.parse("2024-12-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")), 3,
                // the stub serves the searchOrders examples in file order: the static sandbox blocks, then the response example
                List.of("250-1234567-8901234", "202-7654321-1098765", "171-2345678-9012345", "123-4567890-1234567"));

        InventoryLevel suitcase = new InventoryLevel(ref("GM-ZDPI-9B4E@FBA:ATVPDKIKX0DER"), "GM-ZDPI-9B4E", "FBA:ATVPDKIKX0DER",
                80, 30, 50, 15, Instant.parse("2025-06-01T12:00:00Z"));
        InventoryLevel checked = new InventoryLevel(ref("HW-ZDPI-9B4E@FBA:ATVPDKIKX0DER"), "HW-ZDPI-9B4E", "FBA:ATVPDKIKX0DER",
                0, 0, 0, 12, Instant.parse("2025-06-02T08:30:00Z"));
        // listingsItems_2021-08-01.json getListingsItem / searchListingsItems examples: the B2C offer in ATVPDKIKX0DER
        Price price = new Price(ref("ATVPDKIKX0DER:GM-ZDPI-9B4E"), "GM-ZDPI-9B4E", "Hardside Carry-On Spinner Suitcase Luggage",
                Money.of("100.00", "USD"), null);
        // sellers.json getMarketplaceParticipations static example
        Location fba = new Location(ref("FBA:ATVPDKIKX0DER"), "Amazon FBA Amazon.com (ATVPDKIKX0DER)",
                LocationKind.MARKETPLACE_FULFILLMENT, new Address(null, null, null, null, null, "US"), null, true);

        return ContractFixtures.builder()
                .orders(new ContractFixtures.Orders(orders, Set.of("999-0000000-0000000"), n -> String.format("999-%07d-0000001", n),
                        List.of(december), Map.of(), Set.of(), n -> "unused-" + n))
                .inventory(new ContractFixtures.BySku<>(Map.of("GM-ZDPI-9B4E", List.of(suitcase), "HW-ZDPI-9B4E", List.of(checked)),
                        Set.of("NO-SUCH-SKU"), n -> "MISSING-SKU-" + n))
                .prices(new ContractFixtures.BySku<>(Map.of("GM-ZDPI-9B4E", List.of(price)), Set.of("NO-SUCH-SKU"),
                        n -> "MISSING-SKU-" + n))
                .locations(new ContractFixtures.Locations(List.of(fba), Set.of("FBA:A1F83G8C2ARO7P")))
                .webhooks(new Notifications())
                .build();
    }

    @Override
    protected VendorStubs stubs() {
        return new AmazonStubs();
    }

    /** Notification schema examples (amazon/notifications/), delivered the EventBridge way and signed in hmac-sha256 mode. */
    static final class Notifications implements WebhookFixtures {

        private static final String URL = "https://gateway.example/webhooks/amazon/contract-test";

        @Override
        public List<WebhookCase> cases() {
            JsonNode orderChange = AmazonModels.notificationExamples("OrderChangeNotification.json").getFirst();
            JsonNode mfn = AmazonModels.notificationExamples("ListingsItemMfnQuantityChange.json").getFirst();
            JsonNode fba = AmazonModels.notificationExamples("FBAInventoryAvailabilityChangeNotification.json").getFirst();
            byte[] fbaBody = bytes(fba);
            return List.of(
                    new WebhookCase("ORDER_CHANGE in an EventBridge event", signed(bytes(eventBridge(orderChange))),
                            "d0e9e693-c3ad-4373-979f-ed4ec98dd746",
                            List.of(new ExpectedEvent(EntityType.ORDER, "903-8868176-2219830", ChangeKind.UPDATED, "ORDER_CHANGE", null,
                                    Instant.parse("2022-11-29T19:42:04.284Z")))),
                    new WebhookCase("LISTINGS_ITEM_MFN_QUANTITY_CHANGE", signed(bytes(mfn)), "8e009934-da2c-4f9c-9bc7-93f23b7e1f60",
                            List.of(new ExpectedEvent(EntityType.INVENTORY_LEVEL, "NLS-SHOES-03@MFN", ChangeKind.UPDATED,
                                    "LISTINGS_ITEM_MFN_QUANTITY_CHANGE", "NLS-SHOES-03", Instant.parse("2021-02-03T18:59:30.194Z")))),
                    // the FBA schema lists no NotificationMetadata: the delivery key falls back to the body's SHA-256
                    new WebhookCase("FBA_INVENTORY_AVAILABILITY_CHANGES", signed(fbaBody), "sha256:" + sha256(fbaBody),
                            List.of(new ExpectedEvent(EntityType.INVENTORY_LEVEL, "SELLERSKU-1@FBA:ATVPDKIKX0DER", ChangeKind.UPDATED,
                                            "FBA_INVENTORY_AVAILABILITY_CHANGES", "SELLERSKU-1", Instant.parse("2020-07-13T19:42:04.284Z")),
                                    new ExpectedEvent(EntityType.INVENTORY_LEVEL, "SELLERSKU-1@FBA:A2EUQ1WTGCTBG2", ChangeKind.UPDATED,
                                            "FBA_INVENTORY_AVAILABILITY_CHANGES", "SELLERSKU-1", Instant.parse("2020-07-13T19:42:04.284Z")))));
        }

        /** The event an EventBridge rule on the SP-API partner event source delivers: the notification is its detail. */
        static JsonNode eventBridge(JsonNode notification) {
            ObjectNode event = Json.mapper().createObjectNode();
            event.put("version", "0");
            event.put("id", "0c9b8d0e-71b6-4b2d-a1a8-6f0c6e2f7f11");
            event.put("detail-type", Json.text(notification.path("NotificationType")));
            event.put("source", "aws.partner/sellingpartnerapi.amazon.com/amzn1.sellerapps.app.contract");
            event.put("account", "123456789012");
            event.put("time", Json.text(notification.path("EventTime")));
            event.put("region", "us-east-1");
            event.putArray("resources");
            event.set("detail", notification);
            return event;
        }

        static byte[] bytes(JsonNode node) {
            return Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        }

        private static WebhookRequest signed(byte[] body) {
            return sign(new WebhookRequest(URL, Map.of("Content-Type", List.of("application/json")), body, Instant.now()),
                    body, NOTIFICATION_SECRET);
        }

        private static WebhookRequest sign(WebhookRequest request, byte[] body, String key) {
            Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
            headers.keySet().removeIf(AmazonWebhookHandler.SIGNATURE_HEADER::equalsIgnoreCase);
            headers.put(AmazonWebhookHandler.SIGNATURE_HEADER, List.of("sha256=" + Hmac.sha256Hex(key, body)));
            return new WebhookRequest(request.url(), headers, body, request.receivedAt());
        }

        @Override
        public WebhookRequest resign(WebhookRequest request, byte[] body) {
            return sign(request, body, NOTIFICATION_SECRET);
        }

        @Override
        public WebhookRequest forge(WebhookRequest request) {
            return sign(request, request.body(), "not-the-notification-secret");
        }

        @Override
        public Set<String> signatureHeaders() {
            return Set.of(AmazonWebhookHandler.SIGNATURE_HEADER);
        }

        static String sha256(byte[] body) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package dev.omnigate.connector.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EventBridge API-destination mode ({@code notification-auth: api-key}, header {@code x-api-key}) with the
 * notification schemas' own examples; the hmac-sha256 mode is exercised by the contract kit.
 */
final class AmazonWebhookHandlerTest {

    private static final String SECRET = "eventbridge-connection-key-77f0";
    private final AmazonWebhookHandler handler = new AmazonWebhookHandler(Optional.of(Secret.of(SECRET)),
            AmazonConfig.NotificationAuth.API_KEY, new SourceRefs(Channel.AMAZON, "amazon", "unit"), "unit");

    private static WebhookRequest request(byte[] body, String key) {
        Map<String, List<String>> headers = key == null ? Map.of("Content-Type", List.of("application/json"))
                : Map.of("Content-Type", List.of("application/json"), "X-Api-Key", List.of(key));
        return new WebhookRequest("https://gateway.example/webhooks/amazon/unit", headers, body, Instant.now());
    }

    private static byte[] eventBridge(String file) {
        return AmazonConnectorContractTest.Notifications.bytes(
                AmazonConnectorContractTest.Notifications.eventBridge(AmazonModels.notificationExamples(file).getFirst()));
    }

    @Test
    void anEventBridgeOrderChangeWithTheKeyIsAcceptedWithItsNotificationIdAsDeliveryKey() {
        WebhookResult result = handler.handle(request(eventBridge("OrderChangeNotification.json"), SECRET));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            assertThat(accepted.deliveryKey()).isEqualTo("d0e9e693-c3ad-4373-979f-ed4ec98dd746");
            assertThat(accepted.events()).singleElement().satisfies(event -> {
                assertThat(event.entityType()).isEqualTo(EntityType.ORDER);
                assertThat(event.entity().nativeId()).isEqualTo("903-8868176-2219830");
            });
        });
    }

    @Test
    void fbaAvailabilityCarriesTheNewLevelPerMarketplace() {
        WebhookResult result = handler.handle(request(eventBridge("FBAInventoryAvailabilityChangeNotification.json"), SECRET));

        List<InventoryLevel> levels = ((WebhookResult.Accepted) result).events().stream().map(ChangeEvent::inventoryLevel).toList();
        // schema example: Fulfillable 50, reserved 5 + 15 + 10, inbound 0 + 5 + 10 in ATVPDKIKX0DER
        assertThat(levels).extracting(InventoryLevel::locationId).containsExactly("FBA:ATVPDKIKX0DER", "FBA:A2EUQ1WTGCTBG2");
        assertThat(levels.getFirst().available()).isEqualTo(50);
        assertThat(levels.getFirst().committed()).isEqualTo(30);
        assertThat(levels.getFirst().onHand()).isEqualTo(80);
        assertThat(levels.getFirst().incoming()).isEqualTo(15);
        assertThat(((WebhookResult.Accepted) result).deliveryKey()).as("EventBridge event id without NotificationMetadata")
                .isEqualTo("0c9b8d0e-71b6-4b2d-a1a8-6f0c6e2f7f11");
    }

    @Test
    void aWrongOrMissingKeyIsRefusedBeforeTheBodyIsRead() {
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
        for (WebhookRequest request : List.of(request(eventBridge("OrderChangeNotification.json"), "wrong-key"),
                request(eventBridge("OrderChangeNotification.json"), null), request(garbage, SECRET + "x"))) {
            assertThat(handler.handle(request)).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
                assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED);
                assertThat(rejected.message()).doesNotContain(SECRET);
            });
        }
    }

    @Test
    void anUnknownNotificationTypeIsRefusedAsMalformed() {
        ObjectNode offer = (ObjectNode) AmazonModels.notificationExamples("AnyOfferChangedNotification.json").getFirst().deepCopy();
        WebhookResult result = handler.handle(request(AmazonConnectorContractTest.Notifications.bytes(offer), SECRET));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.MALFORMED);
            assertThat(rejected.message()).contains("ANY_OFFER_CHANGED");
        });
    }

    @Test
    void withoutAConfiguredSecretEverythingIsRefused() {
        AmazonWebhookHandler unconfigured = new AmazonWebhookHandler(Optional.empty(), AmazonConfig.NotificationAuth.API_KEY,
                new SourceRefs(Channel.AMAZON, "amazon", "unit"), "unit");
        assertThat(unconfigured.handle(request(eventBridge("OrderChangeNotification.json"), ""))).isInstanceOfSatisfying(
                WebhookResult.Rejected.class, rejected -> assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED));
    }

    @Test
    void theSameNotificationTwiceYieldsTheSameEventKeys() {
        byte[] body = eventBridge("ListingsItemMfnQuantityChange.json");
        List<String> first = ((WebhookResult.Accepted) handler.handle(request(body, SECRET))).events().stream().map(ChangeEvent::eventKey).toList();
        List<String> second = ((WebhookResult.Accepted) handler.handle(request(body, SECRET))).events().stream().map(ChangeEvent::eventKey).toList();
        assertThat(first).isNotEmpty().isEqualTo(second);
    }
}

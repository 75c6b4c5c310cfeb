package dev.omnigate.connector.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook verification and parsing beyond the contract kit's generic checks. Bodies are written after
 * Shopify's REST Admin resources (see {@link ShopifyWebhooks}).
 */
final class ShopifyWebhookHandlerTest {

    private static final String SECRET = "whsec_handler_test_3e9a";
    private static final String SHOP = "acme.myshopify.com";
    private static final SourceRefs REFS = new SourceRefs(Channel.SHOPIFY, "shopify", "shop-a");

    private final ShopifyWebhooks webhooks = new ShopifyWebhooks(SECRET, SHOP);
    private final ShopifyWebhookHandler handler = new ShopifyWebhookHandler(Secret.of(SECRET), SHOP, REFS);

    private static ChangeEvent onlyEvent(WebhookResult result) {
        assertThat(result).isInstanceOf(WebhookResult.Accepted.class);
        return ((WebhookResult.Accepted) result).events().get(0);
    }

    @Test
    void withoutAConfiguredSecretEveryWebhookIsUnverifiedAndTheMessageSaysWhy() {
        ShopifyWebhookHandler unconfigured = new ShopifyWebhookHandler(null, SHOP, REFS);
        WebhookResult result = unconfigured.handle(webhooks.signed("orders/create", ShopifyWebhooks.ORDER_CREATE_BODY, "w-1"));
        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED);
            assertThat(rejected.message()).contains("webhook-secret is not configured").contains("shop-a");
        });
    }

    @Test
    void idsAbove2To53KeepEveryDigit() {
        String body = "{\"id\":7494049642642441621,\"admin_graphql_api_id\":\"gid://shopify/Order/7494049642642441621\","
                + "\"created_at\":\"2026-07-03T12:40:57-04:00\",\"updated_at\":\"2026-07-03T12:40:58-04:00\"}";
        ChangeEvent event = onlyEvent(handler.handle(webhooks.signed("orders/create", body, "w-2")));
        assertThat(event.entity().nativeId()).isEqualTo("7494049642642441621");
        assertThat(event.entity()).isEqualTo(REFS.of("7494049642642441621"));
        assertThat(event.kind()).isEqualTo(ChangeKind.CREATED);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-07-03T16:40:57Z"));
        assertThat(event.eventKey()).isEqualTo("shopify:w-2:orders/create:7494049642642441621");
    }

    @Test
    void anInventoryLevelUpdateHasNoSkuAndNoLevelSoTheHostReReadsIt() {
        ChangeEvent event = onlyEvent(handler.handle(webhooks.signed("inventory_levels/update",
                ShopifyWebhooks.INVENTORY_LEVEL_UPDATE_BODY, "w-3")));
        assertThat(event.entityType()).isEqualTo(EntityType.INVENTORY_LEVEL);
        assertThat(event.entity().nativeId()).as("the id the inventory reader reports")
                .isEqualTo("152183472434?inventory_item_id=53564958638386");
        assertThat(event.sku()).isNull();
        assertThat(event.inventory()).isEmpty();
    }

    @Test
    void anInventoryLevelUpdateWithoutGraphqlIdFallsBackToLocationAndItem() {
        String body = "{\"inventory_item_id\":53564958638386,\"location_id\":113884234034,\"available\":4,"
                + "\"updated_at\":\"2026-07-10T13:24:41-04:00\"}";
        ChangeEvent event = onlyEvent(handler.handle(webhooks.signed("inventory_levels/update", body, "w-4")));
        assertThat(event.entity().nativeId()).isEqualTo("113884234034?inventory_item_id=53564958638386");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Webhook-Id"})
    void eachHeaderTheOfficialValidatorRequiresMustBePresent(String header) {
        WebhookRequest request = ShopifyWebhooks.withHeader(
                webhooks.signed("orders/updated", ShopifyWebhooks.ORDER_UPDATED_BODY, "w-5"), header, null);
        assertThat(handler.handle(request)).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.MALFORMED);
            assertThat(rejected.message()).contains(header);
        });
    }

    @Test
    void headerNamesAreCaseInsensitiveAndTheSignatureMayCarryWhitespace() {
        WebhookRequest signed = webhooks.signed("orders/updated", ShopifyWebhooks.ORDER_UPDATED_BODY, "w-6");
        String signature = signed.header("X-Shopify-Hmac-Sha256").orElseThrow();
        WebhookRequest lower = ShopifyWebhooks.withHeader(signed, "x-shopify-hmac-sha256", " " + signature + " ");
        assertThat(handler.handle(lower)).isInstanceOf(WebhookResult.Accepted.class);
    }

    @Test
    void aDeliveryForAnotherShopIsUnverified() {
        WebhookRequest other = ShopifyWebhooks.withHeader(
                webhooks.signed("orders/updated", ShopifyWebhooks.ORDER_UPDATED_BODY, "w-7"), "X-Shopify-Shop-Domain",
                "someone-else.myshopify.com");
        assertThat(handler.handle(other)).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED));
        WebhookRequest upperCase = ShopifyWebhooks.withHeader(
                webhooks.signed("orders/updated", ShopifyWebhooks.ORDER_UPDATED_BODY, "w-8"), "X-Shopify-Shop-Domain", "ACME.myshopify.com");
        assertThat(handler.handle(upperCase)).isInstanceOf(WebhookResult.Accepted.class);
    }

    @Test
    void signedBodiesThatAreNotTheResourceAreMalformed() {
        for (String body : new String[] {"not json", "[1,2]", "{\"email\":\"ava.chen@example.com\"}", "{\"id\":\"abc\"}"}) {
            WebhookResult result = handler.handle(webhooks.signed("orders/create", body, "w-9"));
            assertThat(result).as(body).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
                assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.MALFORMED);
                assertThat(rejected.message()).doesNotContain("ava.chen");
            });
        }
    }

    @Test
    void anUnknownTopicIsAcceptedWithoutEventsEvenWithAnOddBody() {
        WebhookResult result = handler.handle(webhooks.signed("app/uninstalled", "not even json", "w-10"));
        assertThat(result).isEqualTo(new WebhookResult.Accepted("w-10", java.util.List.of()));
    }

    @Test
    void occurredAtFallsBackToTriggeredAtThenToReceipt() {
        ChangeEvent event = onlyEvent(handler.handle(webhooks.signed("customers/update", "{\"id\":9522206933298}", "w-11")));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-07-03T16:41:00.512459Z"));
        WebhookRequest noTrigger = ShopifyWebhooks.withHeader(webhooks.signed("customers/update", "{\"id\":9522206933298}", "w-12"),
                "X-Shopify-Triggered-At", null);
        assertThat(onlyEvent(handler.handle(noTrigger)).occurredAt()).isEqualTo(noTrigger.receivedAt());
    }

    @Test
    void theSignatureCoversTheRawBytesNotAReserialisation() {
        // same JSON, different whitespace: Shopify signs the bytes it sent
        String spaced = ShopifyWebhooks.ORDER_UPDATED_BODY.replace(",", ", ");
        WebhookRequest signedCompact = webhooks.signed("orders/updated", ShopifyWebhooks.ORDER_UPDATED_BODY, "w-13");
        WebhookRequest respaced = new WebhookRequest(signedCompact.url(), signedCompact.headers(),
                spaced.getBytes(StandardCharsets.UTF_8), signedCompact.receivedAt());
        assertThat(handler.handle(respaced)).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED));
    }
}

package dev.omnigate.connector.tiktok;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook vector of PROTOCOLS.md §3 through the handler, and the refusals of the "Bad input". */
class TikTokShopWebhookHandlerTest {

    private static final SourceRefs REFS = new SourceRefs(Channel.TIKTOK_SHOP, "tiktok-shop", "test");
    private static final byte[] BODY = TikTokShopSignerTest.WEBHOOK_VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
    private static final Instant SENT = Instant.ofEpochSecond(1718305585L);
    private static final TikTokShopWebhooks VECTOR = new TikTokShopWebhooks("abcdef", "123");

    private static TikTokShopWebhookHandler handler(String shopId) {
        return new TikTokShopWebhookHandler(Secret.of("123"), Secret.of("abcdef"), shopId, Duration.ofMinutes(15), REFS);
    }

    @Test
    void theDocumentedVectorIsAcceptedWithItsNotificationIdAsDeliveryKey() {
        WebhookResult result = handler("7495540735365777507").handle(VECTOR.signed(BODY, SENT.plusSeconds(3)));
        assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            assertThat(accepted.deliveryKey()).isEqualTo("7380066284010030890");
            assertThat(accepted.events()).singleElement().satisfies(event -> {
                assertThat(event.entityType()).isEqualTo(EntityType.ORDER);
                assertThat(event.entity().nativeId()).isEqualTo("576653688135258178");
                assertThat(event.kind()).isEqualTo(ChangeKind.UPDATED);
                assertThat(event.topic()).isEqualTo("ORDER_STATUS_CHANGE");
                assertThat(event.occurredAt()).isEqualTo(SENT);
                assertThat(event.eventKey()).contains("7380066284010030890");
            });
        });
        // the header TikTok sends is the lower-case hex digest of PROTOCOLS.md
        assertThat(VECTOR.signed(BODY, SENT).header("Authorization"))
                .contains("5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05");
    }

    @Test
    void wrongOrMissingSignaturesAreUnverified() {
        WebhookRequest signed = VECTOR.signed(BODY, SENT);
        assertUnverified(handler(null).handle(VECTOR.forge(signed)), "does not match");
        assertUnverified(handler(null).handle(TikTokShopWebhooks.withHeader(signed, "Authorization", null)), "missing");
        assertUnverified(handler(null).handle(TikTokShopWebhooks.withHeader(signed, "Authorization", "Bearer "
                + TikTokShopSigner.webhookSignature("123", "abcdef", BODY))), "does not match");
    }

    @Test
    void aBodyOfAnotherLengthThanSignedIsUnverified() {
        WebhookRequest signed = TikTokShopWebhooks.withHeader(VECTOR.signed(BODY, SENT), "Content-Length", String.valueOf(BODY.length));
        byte[] longer = (TikTokShopSignerTest.WEBHOOK_VECTOR_BODY + " ").getBytes(StandardCharsets.UTF_8);
        WebhookRequest padded = new WebhookRequest(signed.url(), signed.headers(), longer, signed.receivedAt());
        assertUnverified(handler(null).handle(padded), "Content-Length");
        byte[] truncated = java.util.Arrays.copyOf(BODY, BODY.length - 1);
        assertUnverified(handler(null).handle(new WebhookRequest(signed.url(), Map.of("Authorization",
                java.util.List.of(signed.header("Authorization").orElseThrow())), truncated, SENT)), "does not match");
    }

    @Test
    void aTimestampFarOutsideTheToleranceIsUnverified() {
        assertUnverified(handler(null).handle(VECTOR.signed(BODY, SENT.plus(Duration.ofHours(2)))), "replay protection");
        assertUnverified(handler(null).handle(VECTOR.signed(BODY, SENT.minus(Duration.ofMinutes(16)))), "replay protection");
        assertThat(handler(null).handle(VECTOR.signed(BODY, SENT.plus(Duration.ofMinutes(14)))))
                .isInstanceOf(WebhookResult.Accepted.class);
    }

    @Test
    void aDeliveryForAnotherShopIsUnverified() {
        assertUnverified(handler("7000714532876273420").handle(VECTOR.signed(BODY, SENT)), "this account is shop");
    }

    @Test
    void unknownTypesAreAcceptedWithoutEventsAndCounted() {
        TikTokShopWebhookHandler handler = handler(null);
        byte[] unknown = "{\"type\":99,\"tts_notification_id\":\"1\",\"shop_id\":\"7495540735365777507\",\"timestamp\":1718305585,\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            assertThat(handler.handle(VECTOR.signed(unknown, SENT))).isInstanceOfSatisfying(WebhookResult.Accepted.class,
                    accepted -> assertThat(accepted.events()).isEmpty());
        }
        assertThat(handler.ignoredTypes()).containsExactly(Map.entry("99", 2L));
    }

    @Test
    void olderPayloadsWithoutNotificationIdAreKeyedByTheirBodyHash() {
        byte[] old = TikTokShopSignerTest.WEBHOOK_VECTOR_BODY.replace("\"tts_notification_id\":\"7380066284010030890\",", "")
                .getBytes(StandardCharsets.UTF_8);
        WebhookResult first = handler(null).handle(VECTOR.signed(old, SENT));
        WebhookResult second = handler(null).handle(VECTOR.signed(old, SENT.plusSeconds(60)));
        assertThat(first).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            assertThat(accepted.deliveryKey()).isEqualTo("sha256:" + TikTokShopConnectorContractTest.sha256(old));
            assertThat(accepted.events()).extracting(ChangeEvent::eventKey)
                    .isEqualTo(((WebhookResult.Accepted) second).events().stream().map(ChangeEvent::eventKey).toList());
        });
    }

    private static void assertUnverified(WebhookResult result, String reason) {
        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED);
            assertThat(rejected.message()).contains(reason).doesNotContain("abcdef").doesNotContain("5dec0f11");
        });
    }
}

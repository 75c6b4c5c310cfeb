package dev.omnigate.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.toolkit.SourceRefs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Zendesk-specific webhook rules beyond the contract kit: the replay window, delivery keys, an unset secret. */
final class ZendeskWebhookHandlerTest {

    private static final String SECRET = "handler-test-secret";
    private static final Instant SIGNED = Instant.parse("2026-10-27T09:30:02Z");
    private final SourceRefs refs = new SourceRefs(Channel.HELPDESK, "zendesk", "acct");
    private final ZendeskWebhookHandler handler = new ZendeskWebhookHandler(Secret.of(SECRET), Duration.ofMinutes(5), refs);
    private final ZendeskWebhooks signer = new ZendeskWebhooks(SECRET);
    private final String body = ZendeskWebhooks.event("evt-1", "zen:event-type:ticket.soft_deleted", "zen:ticket:42", "42",
            "2026-10-27T09:30:00Z");

    @Test
    void theReplayWindowHoldsBothWays() {
        assertThat(handler.handle(signer.delivery(body, SIGNED, SIGNED.plus(Duration.ofMinutes(5))))).isInstanceOf(WebhookResult.Accepted.class);
        assertThat(handler.handle(signer.delivery(body, SIGNED, SIGNED.plus(Duration.ofMinutes(5)).plusSeconds(1))))
                .isInstanceOfSatisfying(WebhookResult.Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED);
                    assertThat(r.message()).contains("replay window");
                });
        // a timestamp from the future (clock skew beyond the window) is refused too
        assertThat(handler.handle(signer.delivery(body, SIGNED, SIGNED.minus(Duration.ofMinutes(6)))))
                .isInstanceOf(WebhookResult.Rejected.class);
    }

    @Test
    void aReSentEventKeepsItsDeliveryKeyAndADeletionIsADeletion() {
        WebhookResult first = handler.handle(signer.delivery(body, SIGNED, SIGNED.plusSeconds(1)));
        // Zendesk retries with a new signature timestamp; the event id stays
        WebhookResult retry = handler.handle(signer.delivery(body, SIGNED.plusSeconds(60), SIGNED.plusSeconds(61)));
        assertThat(((WebhookResult.Accepted) retry).deliveryKey()).isEqualTo(((WebhookResult.Accepted) first).deliveryKey())
                .isEqualTo("evt-1");
        assertThat(((WebhookResult.Accepted) first).events().get(0).kind()).isEqualTo(dev.omnigate.connector.api.change.ChangeKind.DELETED);
    }

    @Test
    void aTriggersCustomBodyIsAcceptedWithoutEventsKeyedByItsInvocation() {
        WebhookRequest custom = signer.delivery("{\"ticket_id\":\"42\",\"note\":\"custom trigger body\"}", SIGNED, SIGNED);
        assertThat(handler.handle(custom)).isInstanceOfSatisfying(WebhookResult.Accepted.class, a -> {
            assertThat(a.deliveryKey()).isEqualTo("invocation:8350205582");
            assertThat(a.events()).isEmpty();
        });
        Map<String, List<String>> headers = new LinkedHashMap<>(custom.headers());
        headers.remove("x-zendesk-webhook-invocation-id");
        WebhookRequest withoutInvocation = new WebhookRequest(custom.url(), headers, custom.body(), custom.receivedAt());
        String key = ((WebhookResult.Accepted) handler.handle(withoutInvocation)).deliveryKey();
        assertThat(key).startsWith("sha256:").isEqualTo(((WebhookResult.Accepted) handler.handle(withoutInvocation)).deliveryKey());
    }

    @Test
    void withoutASigningSecretEverythingIsUnverified() {
        ZendeskWebhookHandler unconfigured = new ZendeskWebhookHandler(null, Duration.ofMinutes(5), refs);
        assertThat(unconfigured.handle(signer.delivery(body, SIGNED, SIGNED)))
                .isInstanceOfSatisfying(WebhookResult.Rejected.class, r -> assertThat(r.message()).contains("webhook-signing-secret"));
    }

    @Test
    void anUnparseableTimestampIsUnverified() {
        WebhookRequest request = signer.sign(body.getBytes(StandardCharsets.UTF_8), "yesterday", SIGNED, SECRET);
        assertThat(handler.handle(request)).isInstanceOfSatisfying(WebhookResult.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED));
    }
}

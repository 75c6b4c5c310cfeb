package dev.omnigate.connector.toolkit.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.change.WebhookResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhooksTest {

    @Test
    void aFailureBecomesAMalformedRefusalThatDoesNotQuoteTheMessage() {
        WebhookResult result = Webhooks.neverThrowing("acme", () -> {
            throw new IllegalStateException("body said {\"email\":\"ava@example.com\"}");
        });

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(WebhookResult.Reason.MALFORMED);
            assertThat(rejected.message()).isEqualTo("acme webhook could not be read (IllegalStateException)");
        });
    }

    @Test
    void aResultPassesThrough() {
        WebhookResult accepted = new WebhookResult.Accepted("d-1", List.of());

        assertThat(Webhooks.neverThrowing("acme", () -> accepted)).isSameAs(accepted);
    }
}

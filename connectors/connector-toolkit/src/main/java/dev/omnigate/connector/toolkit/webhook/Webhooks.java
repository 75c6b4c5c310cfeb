package dev.omnigate.connector.toolkit.webhook;

import dev.omnigate.connector.api.change.WebhookResult;
import java.util.function.Supplier;

/** What every webhook handler shares. */
public final class Webhooks {

    private Webhooks() {
    }

    /**
     * Runs a handler's verification and parsing so that it never throws, as the SPI requires: whatever arrives, a
     * failure becomes a {@code MALFORMED} refusal naming the vendor and the kind of failure (never its message, which
     * could quote the body).
     */
    public static WebhookResult neverThrowing(String vendor, Supplier<WebhookResult> handling) {
        try {
            return handling.get();
        } catch (RuntimeException e) {
            return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED,
                    vendor + " webhook could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}

package dev.omnigate.connector.api.change;

/**
 * Verifies and parses the vendor's pushed notifications for one account.
 * Obtained from {@link dev.omnigate.connector.api.Connector#webhooks()}.
 *
 * @since 1.0
 */
public interface WebhookHandler {

    /**
     * Verifies the request's signature over its raw body, then parses it into normalised events.
     *
     * <p>Called by the gateway's webhook endpoint on a request thread, concurrently. Makes no network
     * calls (vendors expect an answer within seconds) and has no side effects. <strong>Never
     * throws</strong>: a missing or wrong signature is {@link WebhookResult.Rejected} with
     * {@link WebhookResult.Reason#UNVERIFIED}, evaluated before the body is parsed; signatures are
     * compared in constant time.
     */
    WebhookResult handle(WebhookRequest request);
}

package dev.omnigate.connector.zendesk;

import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.testkit.WebhookFixtures;
import dev.omnigate.connector.toolkit.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs Zendesk webhook deliveries the way Zendesk does (developer.zendesk.com "Verifying webhook authenticity"):
 * {@code X-Zendesk-Webhook-Signature = base64(HMAC-SHA256(signing secret, timestamp + body))} with the timestamp in
 * {@code X-Zendesk-Webhook-Signature-Timestamp}; other headers as in "Anatomy of a webhook request".
 */
final class ZendeskWebhooks {

    static final String URL = "https://gateway.example/webhooks/zendesk/contract-test";

    private final String secret;

    ZendeskWebhooks(String secret) {
        this.secret = secret;
    }

    /** A delivery signed at {@code signedAt} and received at {@code receivedAt}. */
    WebhookRequest delivery(String body, Instant signedAt, Instant receivedAt) {
        return sign(body.getBytes(StandardCharsets.UTF_8), signedAt.toString(), receivedAt, secret);
    }

    WebhookRequest sign(byte[] body, String timestamp, Instant receivedAt, String key) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("User-Agent", List.of("Zendesk Webhook"));
        headers.put("X-Zendesk-Account-Id", List.of("123456"));
        headers.put("X-Zendesk-Webhook-Id", List.of("01F1KRFQ6BG29CNWFR60NK5FNY"));
        headers.put("X-Zendesk-Webhook-Invocation-Id", List.of("8350205582"));
        headers.put("X-Zendesk-Webhook-Signature-Timestamp", List.of(timestamp));
        headers.put("X-Zendesk-Webhook-Signature", List.of(Hmac.sha256Base64(key, Hmac.utf8(timestamp), body)));
        return new WebhookRequest(URL, headers, body, receivedAt);
    }

    /** A ticket or user event in Zendesk's event payload schema ("Webhook event types" reference). */
    static String event(String eventId, String type, String subject, String detailId, String time) {
        return """
                {"type":"%s","account_id":123456,"id":"%s","time":"%s","zendesk_event_version":"2022-11-06",\
                "subject":"%s","detail":{"id":"%s","status":"OPEN","created_at":"%s","updated_at":"%s"},\
                "event":{"current":"OPEN","previous":"NEW"}}""".formatted(type, eventId, time, subject, detailId, time, time);
    }

    /** The kit's view: resign with the same timestamp, forge with another key. */
    WebhookFixtures fixtures(List<WebhookFixtures.WebhookCase> cases) {
        return new WebhookFixtures() {
            @Override
            public List<WebhookCase> cases() {
                return cases;
            }

            @Override
            public WebhookRequest resign(WebhookRequest request, byte[] body) {
                return sign(body, timestamp(request), request.receivedAt(), secret);
            }

            @Override
            public WebhookRequest forge(WebhookRequest request) {
                return sign(request.body(), timestamp(request), request.receivedAt(), secret + "-but-not-quite");
            }

            @Override
            public Set<String> signatureHeaders() {
                return Set.of("X-Zendesk-Webhook-Signature", "X-Zendesk-Webhook-Signature-Timestamp");
            }
        };
    }

    private static String timestamp(WebhookRequest request) {
        return request.header("X-Zendesk-Webhook-Signature-Timestamp").orElseThrow();
    }
}

package dev.omnigate.connector.tiktok;

import dev.omnigate.connector.api.change.WebhookRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds TikTok Shop webhook deliveries as TikTok sends them (PROTOCOLS.md §3 "Webhooks"): the raw body with
 * {@code Authorization = hex(HMAC-SHA256(app_secret, app_key + body))} and {@code Content-Type: application/json},
 * received shortly after the body's {@code timestamp}.
 */
final class TikTokShopWebhooks {

    static final String URL = "https://gateway.example.com/webhooks/tiktok-shop/demo-tiktok-shop";

    private final String appKey;
    private final String appSecret;

    TikTokShopWebhooks(String appKey, String appSecret) {
        this.appKey = appKey;
        this.appSecret = appSecret;
    }

    /** A sample file's bytes, unmodified, signed and received {@code 30 s} after its {@code timestamp}. */
    WebhookRequest signedSample(Path sample) {
        byte[] body = VendorSpecs.bytes(sample);
        long timestamp = VendorSpecs.read(sample).get("timestamp").asLong();
        return signed(body, Instant.ofEpochSecond(timestamp).plusSeconds(30));
    }

    WebhookRequest signed(byte[] body, Instant receivedAt) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Authorization", List.of(TikTokShopSigner.webhookSignature(appSecret, appKey, body)));
        return new WebhookRequest(URL, headers, body, receivedAt);
    }

    WebhookRequest resign(WebhookRequest request, byte[] body) {
        return withSignature(request, body, TikTokShopSigner.webhookSignature(appSecret, appKey, body));
    }

    WebhookRequest forge(WebhookRequest request) {
        return withSignature(request, request.body(),
                TikTokShopSigner.webhookSignature(appSecret + "-but-not-quite", appKey, request.body()));
    }

    static WebhookRequest withHeader(WebhookRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(header -> header.equalsIgnoreCase(name));
        if (value != null) {
            headers.put(name, List.of(value));
        }
        return new WebhookRequest(request.url(), headers, request.body(), request.receivedAt());
    }

    private static WebhookRequest withSignature(WebhookRequest request, byte[] body, String signature) {
        WebhookRequest signed = withHeader(request, "Authorization", signature);
        return new WebhookRequest(signed.url(), signed.headers(), body, signed.receivedAt());
    }
}

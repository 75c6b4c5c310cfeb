package dev.omnigate.simulator.shopify;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Shopify webhook delivery ready to send: the headers Shopify sets ({@code X-Shopify-Topic},
 * {@code X-Shopify-Hmac-Sha256}, {@code X-Shopify-Shop-Domain}, {@code X-Shopify-API-Version},
 * {@code X-Shopify-Webhook-Id}, {@code X-Shopify-Triggered-At}, {@code X-Shopify-Event-Id}) and the exact body bytes
 * the signature covers.
 *
 * @param topic the REST-style topic, e.g. {@code inventory_levels/update}
 * @param headers header name to value
 * @param body the raw JSON body
 */
public record ShopifyWebhook(String topic, Map<String, String> headers, byte[] body) {

    public ShopifyWebhook {
        requireNonNull(topic, "topic is null");
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** POSTs the delivery to {@code target} as Shopify would and returns the HTTP status. */
    public int deliver(HttpClient client, URI target) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

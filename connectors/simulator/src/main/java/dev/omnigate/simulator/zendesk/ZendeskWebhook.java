package dev.omnigate.simulator.zendesk;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Zendesk webhook delivery ready to send: the headers Zendesk sets ({@code X-Zendesk-Account-Id},
 * {@code X-Zendesk-Webhook-Id}, {@code X-Zendesk-Webhook-Invocation-Id}, {@code X-Zendesk-Webhook-Signature},
 * {@code X-Zendesk-Webhook-Signature-Timestamp}; developer.zendesk.com "Anatomy of a webhook request") and the exact
 * body bytes the signature covers.
 *
 * @param eventType the event's {@code type}, e.g. {@code zen:event-type:ticket.status_changed}
 * @param headers header name to value
 * @param body the raw JSON body
 */
public record ZendeskWebhook(String eventType, Map<String, String> headers, byte[] body) {

    public ZendeskWebhook {
        requireNonNull(eventType, "eventType is null");
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
}

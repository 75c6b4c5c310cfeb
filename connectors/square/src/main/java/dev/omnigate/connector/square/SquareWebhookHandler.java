package dev.omnigate.connector.square;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.square.mapping.SquareJson;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.crypto.Hmac;
import dev.omnigate.connector.toolkit.json.Json;
import dev.omnigate.connector.toolkit.webhook.Webhooks;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies and parses Square webhook notifications (PROTOCOLS.md §4 "Webhooks").
 *
 * <ol>
 *   <li>{@code x-square-hmacsha256-signature} must equal base64(HMAC-SHA256(signature key, notification URL + raw
 *       body)), compared in constant time, before the body is read. The notification URL is
 *       {@code webhook-notification-url} when configured (it must match the subscription exactly, e.g. behind a
 *       proxy), else the URL the gateway received the request on. Without {@code webhook-signature-key} every
 *       request is {@code Rejected(UNVERIFIED)}.</li>
 *   <li>The body is Square's event envelope {@code {merchant_id, type, event_id, created_at, data: {type, id,
 *       object}}}; {@code event_id} is the delivery key (Square's idempotency value: a re-sent notification carries
 *       the same one and the host drops it) and every event key derives from it.</li>
 *   <li>Types: {@code order.created} (ORDER CREATED) and {@code order.updated} (ORDER UPDATED), native id
 *       {@code data.id} (the order id); {@code customer.updated} (CUSTOMER UPDATED, {@code data.id});
 *       {@code inventory.count.updated}: one INVENTORY_LEVEL UPDATED event per {@code (catalog_object_id,
 *       location_id)} in {@code data.object.inventory_counts}, native id {@code <variation id>:<location id>} (the
 *       inventory reader's level id). The counts carry no SKU and one state at a time, so these events have no SKU
 *       and no level; the host re-reads. Other types are accepted with no events so Square stops retrying.</li>
 * </ol>
 *
 * <p>Square signs no timestamp, so there is no replay window: a replay is a re-sent {@code event_id}, deduplicated
 * by the host. {@code occurredAt} is the body's {@code created_at} (else when the gateway received it). Never
 * throws, makes no network calls, keeps working after the connector is closed.
 */
final class SquareWebhookHandler implements WebhookHandler {

    static final String SIGNATURE_HEADER = "x-square-hmacsha256-signature";

    private final Secret signatureKey;
    private final URI notificationUrl;
    private final SourceRefs refs;

    /**
     * @param signatureKey the subscription's signature key; null when not configured
     * @param notificationUrl the registered notification URL; null to use the request's URL
     */
    SquareWebhookHandler(Secret signatureKey, URI notificationUrl, SourceRefs refs) {
        this.signatureKey = signatureKey;
        this.notificationUrl = notificationUrl;
        this.refs = requireNonNull(refs, "refs is null");
    }

    @Override
    public WebhookResult handle(WebhookRequest request) {
        return Webhooks.neverThrowing("square", () -> verifiedThenParsed(request));
    }

    private WebhookResult verifiedThenParsed(WebhookRequest request) {
        if (signatureKey == null) {
            return unverified("webhook-signature-key is not configured for account '" + refs.account()
                    + "', so no Square webhook can be verified");
        }
        Optional<String> signature = request.header(SIGNATURE_HEADER);
        if (signature.isEmpty() || signature.get().isBlank()) {
            return unverified("missing " + SIGNATURE_HEADER + " header");
        }
        byte[] body = request.body();
        String url = notificationUrl != null ? notificationUrl.toString() : request.url();
        if (!Hmac.matches(Hmac.sha256Base64(signatureKey.reveal(), Hmac.utf8(url), body), signature.get())) {
            return unverified(SIGNATURE_HEADER + " does not match the notification URL and body");
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return malformed("body is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            return malformed("body is not a JSON object");
        }
        String eventId = SquareJson.string(payload, "event_id");
        String type = SquareJson.string(payload, "type");
        if (eventId == null || type == null) {
            return malformed("body lacks event_id or type");
        }
        Instant occurredAt = parse(SquareJson.string(payload, "created_at")).orElse(request.receivedAt());
        JsonNode data = payload.path("data");
        String dataId = SquareJson.string(data, "id");
        List<ChangeEvent> events = new ArrayList<>();
        switch (type) {
            case "order.created", "order.updated", "customer.updated" -> {
                String id = dataId != null ? dataId : objectId(type, data.path("object"));
                if (id == null) {
                    return malformed(type + " body lacks data.id");
                }
                EntityType entity = type.startsWith("order.") ? EntityType.ORDER : EntityType.CUSTOMER;
                ChangeKind kind = type.equals("order.created") ? ChangeKind.CREATED : ChangeKind.UPDATED;
                events.add(new ChangeEvent("square:" + eventId + ":" + type + ":" + id, entity, refs.of(id), kind,
                        occurredAt, type, null, null));
            }
            case "inventory.count.updated" -> {
                java.util.Set<String> levels = new java.util.LinkedHashSet<>();
                for (JsonNode count : data.path("object").path("inventory_counts")) {
                    String variation = SquareJson.string(count, "catalog_object_id");
                    String location = SquareJson.string(count, "location_id");
                    if (variation != null && location != null) {
                        levels.add(variation + ":" + location);
                    }
                }
                if (levels.isEmpty()) {
                    return malformed(type + " body has no inventory_counts with catalog_object_id and location_id");
                }
                for (String level : levels) {
                    events.add(new ChangeEvent("square:" + eventId + ":" + type + ":" + level, EntityType.INVENTORY_LEVEL,
                            refs.of(level), ChangeKind.UPDATED, occurredAt, type, null, null));
                }
            }
            default -> {
                // verified, but not a type this connector turns into events: accept so Square stops retrying
            }
        }
        return new WebhookResult.Accepted(eventId, events);
    }

    /** The id inside {@code data.object} for bodies without {@code data.id}. */
    private static String objectId(String type, JsonNode object) {
        return switch (type) {
            case "order.created" -> SquareJson.string(object.path("order_created"), "order_id");
            case "order.updated" -> SquareJson.string(object.path("order_updated"), "order_id");
            default -> SquareJson.string(object.path("customer"), "id");
        };
    }

    private static Optional<Instant> parse(String timestamp) {
        if (timestamp == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(timestamp.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static WebhookResult unverified(String message) {
        return new WebhookResult.Rejected(WebhookResult.Reason.UNVERIFIED, "square webhook: " + message);
    }

    private static WebhookResult malformed(String message) {
        return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED, "square webhook: " + message);
    }
}

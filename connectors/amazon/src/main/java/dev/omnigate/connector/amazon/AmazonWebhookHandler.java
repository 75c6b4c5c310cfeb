package dev.omnigate.connector.amazon;

import dev.omnigate.connector.amazon.mapping.AmazonInventoryMapper;
import dev.omnigate.connector.amazon.mapping.AmazonJson;
import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.crypto.Hmac;
import dev.omnigate.connector.toolkit.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * SP-API notifications delivered over HTTPS by an EventBridge API destination (PROTOCOLS.md §2 "Notifications":
 * SP-API itself pushes only to SQS or EventBridge and signs nothing).
 *
 * <p>Authentication, checked before the body is parsed, with the account's {@code notification-secret}
 * compared in constant time: {@code api-key} mode wants header {@value #API_KEY_HEADER} equal to the secret (the
 * "API key" authorization of an EventBridge connection); {@code hmac-sha256} mode wants
 * {@value #SIGNATURE_HEADER}{@code : sha256=<hex HMAC-SHA256(secret, raw body)>} from a signing forwarder. No secret
 * configured: every delivery is refused.
 *
 * <p>Body: an EventBridge event whose {@code detail} is the SP-API notification, or the bare notification (an
 * input transformer passing {@code $.detail}). Supported {@code NotificationType}s: {@code ORDER_CHANGE} (an ORDER
 * event for {@code AmazonOrderId}), {@code FBA_INVENTORY_AVAILABILITY_CHANGES} (one INVENTORY_LEVEL event with the
 * new level per marketplace) and {@code LISTINGS_ITEM_MFN_QUANTITY_CHANGE} (an INVENTORY_LEVEL event for the SKU's
 * merchant-fulfilled quantity, {@code <sku>@MFN}; the host re-reads it). Any other type, or a payload lacking its
 * ids, is refused as MALFORMED (an API destination does not retry a 4xx). The delivery key is
 * {@code NotificationMetadata.NotificationId}, else the EventBridge event id, else the SHA-256 of the body. Never
 * throws, no side effects.
 */
final class AmazonWebhookHandler implements WebhookHandler {

    static final String API_KEY_HEADER = "x-api-key";
    static final String SIGNATURE_HEADER = "x-omnigate-signature";
    static final String ORDER_CHANGE = "ORDER_CHANGE";
    static final String FBA_INVENTORY = "FBA_INVENTORY_AVAILABILITY_CHANGES";
    static final String MFN_QUANTITY = "LISTINGS_ITEM_MFN_QUANTITY_CHANGE";

    private final Optional<Secret> secret;
    private final AmazonConfig.NotificationAuth auth;
    private final SourceRefs refs;
    private final AmazonInventoryMapper inventory;
    private final String accountId;

    AmazonWebhookHandler(Optional<Secret> secret, AmazonConfig.NotificationAuth auth, SourceRefs refs, String accountId) {
        this.secret = secret;
        this.auth = auth;
        this.refs = refs;
        this.inventory = new AmazonInventoryMapper(refs);
        this.accountId = accountId;
    }

    @Override
    public WebhookResult handle(WebhookRequest request) {
        try {
            Optional<WebhookResult.Rejected> unverified = verify(request);
            if (unverified.isPresent()) {
                return unverified.get();
            }
            return parse(request.body());
        } catch (RuntimeException e) {
            return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED,
                    "amazon notification for account '" + accountId + "' could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Optional<WebhookResult.Rejected> verify(WebhookRequest request) {
        if (secret.isEmpty()) {
            return Optional.of(unverified("no notification-secret is configured for account '" + accountId + "'"));
        }
        String key = secret.get().reveal();
        return switch (auth) {
            case API_KEY -> {
                Optional<String> sent = request.header(API_KEY_HEADER);
                if (sent.isEmpty()) {
                    yield Optional.of(unverified("header " + API_KEY_HEADER + " is missing"));
                }
                yield Hmac.matches(key, sent.get()) ? Optional.empty()
                        : Optional.of(unverified("header " + API_KEY_HEADER + " does not carry the notification secret"));
            }
            case HMAC_SHA256 -> {
                Optional<String> sent = request.header(SIGNATURE_HEADER);
                if (sent.isEmpty()) {
                    yield Optional.of(unverified("header " + SIGNATURE_HEADER + " is missing"));
                }
                String expected = "sha256=" + Hmac.sha256Hex(key, request.body());
                yield Hmac.matches(expected, sent.get()) ? Optional.empty()
                        : Optional.of(unverified("header " + SIGNATURE_HEADER + " does not match the body"));
            }
        };
    }

    private WebhookResult.Rejected unverified(String why) {
        return new WebhookResult.Rejected(WebhookResult.Reason.UNVERIFIED, "amazon notification refused: " + why);
    }

    private WebhookResult.Rejected malformed(String why) {
        return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED, "amazon notification for account '" + accountId + "': " + why);
    }

    private WebhookResult parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return malformed("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return malformed("body is not a JSON object");
        }
        // EventBridge wraps the notification in an event: {"version","id","detail-type","source",...,"detail":{...}}
        JsonNode notification = root.path("detail").isObject() ? root.get("detail") : root;
        String type = Json.text(notification.path("NotificationType"));
        if (type == null) {
            type = Json.text(root.path("detail-type"));
        }
        if (type == null) {
            return malformed("no NotificationType");
        }
        String deliveryKey = Optional.ofNullable(Json.text(notification.path("NotificationMetadata").path("NotificationId")))
                .or(() -> Optional.ofNullable(root.path("detail").isObject() ? Json.text(root.path("id")) : null))
                .orElseGet(() -> "sha256:" + sha256(body));
        Instant eventTime;
        try {
            eventTime = AmazonJson.instant(notification, "EventTime", type + " notification");
        } catch (ConnectorException e) {
            return malformed("EventTime is not ISO 8601");
        }
        if (eventTime == null) {
            return malformed("no EventTime");
        }
        JsonNode payload = notification.path("Payload");
        List<ChangeEvent> events = new ArrayList<>();
        switch (type) {
            case ORDER_CHANGE -> {
                JsonNode change = payload.path("OrderChangeNotification");
                String orderId = Json.text(change.path("AmazonOrderId"));
                if (orderId == null || orderId.isBlank()) {
                    return malformed("ORDER_CHANGE without AmazonOrderId");
                }
                Instant when = Optional.ofNullable(instantOrNull(change.path("OrderChangeTrigger"), "TimeOfOrderChange")).orElse(eventTime);
                events.add(new ChangeEvent(key(type, deliveryKey, orderId), EntityType.ORDER, refs.of(orderId), ChangeKind.UPDATED,
                        when, type, null, null));
            }
            case FBA_INVENTORY -> {
                String sku = Json.text(payload.path("SKU"));
                if (sku == null || sku.isBlank()) {
                    return malformed("FBA_INVENTORY_AVAILABILITY_CHANGES without SKU");
                }
                for (JsonNode byMarketplace : payload.path("FulfillmentInventoryByMarketplace")) {
                    InventoryLevel level = inventory.fromNotification(sku, byMarketplace, eventTime);
                    if (level != null) {
                        events.add(new ChangeEvent(key(type, deliveryKey, level.source().nativeId()), EntityType.INVENTORY_LEVEL,
                                level.source(), ChangeKind.UPDATED, eventTime, type, sku, level));
                    }
                }
            }
            case MFN_QUANTITY -> {
                String sku = Json.text(payload.path("Sku"));
                if (sku == null || sku.isBlank()) {
                    return malformed("LISTINGS_ITEM_MFN_QUANTITY_CHANGE without Sku");
                }
                events.add(new ChangeEvent(key(type, deliveryKey, sku), EntityType.INVENTORY_LEVEL, refs.of(sku + "@MFN"),
                        ChangeKind.UPDATED, eventTime, type, sku, null));
            }
            default -> {
                return malformed("notification type " + type + " is not subscribed by this connector");
            }
        }
        return new WebhookResult.Accepted(deliveryKey, events);
    }

    private static Instant instantOrNull(JsonNode node, String field) {
        try {
            return AmazonJson.instant(node, field, "notification");
        } catch (ConnectorException e) {
            return null;
        }
    }

    private static String key(String type, String deliveryKey, String entity) {
        return "amazon:" + type + ":" + deliveryKey + ":" + entity;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

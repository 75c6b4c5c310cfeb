package dev.omnigate.connector.tiktok;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.tiktok.mapping.TikTokShopJson;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.crypto.Hmac;
import dev.omnigate.connector.toolkit.json.Json;
import dev.omnigate.connector.toolkit.webhook.Webhooks;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies and parses TikTok Shop webhooks (PROTOCOLS.md §3 "Webhooks").
 *
 * <ol>
 *   <li>{@code Authorization} (no {@code Bearer} prefix) must equal hex(HMAC-SHA256(app_secret, app_key + raw body)),
 *       compared in constant time, before anything else is read; a {@code Content-Length} that differs from the body
 *       received is refused too. Both → {@code Rejected(UNVERIFIED)}.</li>
 *   <li>The body {@code {type, tts_notification_id, shop_id, timestamp, data}}: a {@code timestamp} further than
 *       {@code webhook-tolerance} from the receipt is refused ({@code UNVERIFIED}, replay protection), as is another
 *       {@code shop_id} than the configured {@code shop-id}. A body that is not such an object → {@code MALFORMED}.</li>
 *   <li>The delivery key is {@code tts_notification_id}, or {@code sha256:<hex of the body>} for older payloads
 *       without it (the SDK samples). Event keys derive from it.</li>
 *   <li>Types: 1 ORDER_STATUS_CHANGE, 3 RECIPIENT_ADDRESS_UPDATE, 11 CANCELLATION_STATUS_CHANGE, 12 RETURN_STATUS_CHANGE
 *       → ORDER UPDATED ({@code data.order_id}); 4 PACKAGE_UPDATE → ORDER UPDATED per {@code order_id_list} entry;
 *       5 PRODUCT_STATUS_CHANGE, 15 PRODUCT_INFORMATION_CHANGE → PRODUCT UPDATED, 16 PRODUCT_CREATION → PRODUCT
 *       CREATED ({@code data.product_id}, read as text even when sent as a number above 2^53); stock changes arrive as
 *       product events and the host re-reads the stock. 6 SELLER_DEAUTHORIZATION and 7
 *       UPCOMING_AUTHORIZATION_EXPIRATION are accepted without events; any other type is accepted without events and
 *       counted ({@link #ignoredTypes()}).</li>
 * </ol>
 * Never throws; makes no network calls; keeps working after the connector is closed.
 */
final class TikTokShopWebhookHandler implements WebhookHandler {

    static final String SIGNATURE_HEADER = "Authorization";

    /** A type TikTok sends and the connector turns into events. */
    private record Known(String topic, EntityType entityType, ChangeKind kind) {
    }

    private static final Map<Integer, Known> TYPES = Map.of(
            1, new Known("ORDER_STATUS_CHANGE", EntityType.ORDER, ChangeKind.UPDATED),
            3, new Known("RECIPIENT_ADDRESS_UPDATE", EntityType.ORDER, ChangeKind.UPDATED),
            4, new Known("PACKAGE_UPDATE", EntityType.ORDER, ChangeKind.UPDATED),
            5, new Known("PRODUCT_STATUS_CHANGE", EntityType.PRODUCT, ChangeKind.UPDATED),
            11, new Known("CANCELLATION_STATUS_CHANGE", EntityType.ORDER, ChangeKind.UPDATED),
            12, new Known("RETURN_STATUS_CHANGE", EntityType.ORDER, ChangeKind.UPDATED),
            15, new Known("PRODUCT_INFORMATION_CHANGE", EntityType.PRODUCT, ChangeKind.UPDATED),
            16, new Known("PRODUCT_CREATION", EntityType.PRODUCT, ChangeKind.CREATED));

    /** Types that need no event (the account's authorisation, not its data). */
    private static final Map<Integer, String> WITHOUT_EVENTS = Map.of(6, "SELLER_DEAUTHORIZATION", 7, "UPCOMING_AUTHORIZATION_EXPIRATION");

    private final Secret appSecret;
    private final Secret appKey;
    private final String shopId;
    private final Duration tolerance;
    private final SourceRefs refs;
    private final Map<String, AtomicLong> ignored = new ConcurrentHashMap<>();

    TikTokShopWebhookHandler(Secret appSecret, Secret appKey, String shopId, Duration tolerance, SourceRefs refs) {
        this.appSecret = requireNonNull(appSecret, "appSecret is null");
        this.appKey = requireNonNull(appKey, "appKey is null");
        this.shopId = shopId;
        this.tolerance = requireNonNull(tolerance, "tolerance is null");
        this.refs = requireNonNull(refs, "refs is null");
    }

    /** Verified deliveries of a type the connector does not know, counted by type. */
    Map<String, Long> ignoredTypes() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        ignored.forEach((type, count) -> snapshot.put(type, count.get()));
        return snapshot;
    }

    @Override
    public WebhookResult handle(WebhookRequest request) {
        return Webhooks.neverThrowing("tiktok-shop", () -> verifiedThenParsed(request));
    }

    private WebhookResult verifiedThenParsed(WebhookRequest request) {
        Optional<String> signature = request.header(SIGNATURE_HEADER);
        if (signature.isEmpty() || signature.get().isBlank()) {
            return unverified("missing " + SIGNATURE_HEADER + " header");
        }
        byte[] body = request.body();
        Optional<String> length = request.header("Content-Length");
        if (length.isPresent() && !length.get().trim().equals(String.valueOf(body.length))) {
            return unverified("the body has " + body.length + " bytes, Content-Length says " + length.get().trim());
        }
        String expected = TikTokShopSigner.webhookSignature(appSecret.reveal(), appKey.reveal(), body);
        if (!Hmac.matches(expected, signature.get().trim().toLowerCase(java.util.Locale.ROOT))) {
            return unverified(SIGNATURE_HEADER + " does not match the body");
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return malformed("the body is not JSON");
        }
        if (payload == null || !payload.isObject() || !payload.path("type").isIntegralNumber()) {
            return malformed("the body is not a TikTok Shop notification (no numeric type)");
        }
        Instant sentAt = TikTokShopJson.seconds(payload, "timestamp");
        if (sentAt == null) {
            return malformed("the notification has no timestamp");
        }
        if (Duration.between(sentAt, request.receivedAt()).abs().compareTo(tolerance) > 0) {
            return unverified("timestamp " + sentAt + " is further than " + tolerance + " from the receipt at "
                    + request.receivedAt() + " (replay protection)");
        }
        String deliveryShop = TikTokShopJson.text(payload, "shop_id");
        if (shopId != null && deliveryShop != null && !shopId.equals(deliveryShop)) {
            return unverified("delivery is for shop " + deliveryShop + ", this account is shop " + shopId);
        }
        String deliveryKey = Optional.ofNullable(TikTokShopJson.text(payload, "tts_notification_id"))
                .orElseGet(() -> "sha256:" + sha256(body));
        int type = payload.get("type").asInt();
        Known known = TYPES.get(type);
        if (known == null) {
            if (!WITHOUT_EVENTS.containsKey(type)) {
                ignored.computeIfAbsent(String.valueOf(type), k -> new AtomicLong()).incrementAndGet();
            }
            return new WebhookResult.Accepted(deliveryKey, List.of());
        }
        JsonNode data = payload.path("data");
        Instant occurredAt = Optional.ofNullable(TikTokShopJson.seconds(data, "update_time")).orElse(sentAt);
        List<String> ids = new ArrayList<>();
        if (type == 4) {
            for (JsonNode pkg : data.path("package_list")) {
                for (JsonNode order : pkg.path("order_id_list")) {
                    String id = Json.text(order);
                    if (TikTokShopJson.isId(id) && !ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        } else {
            String id = TikTokShopJson.text(data, known.entityType() == EntityType.ORDER ? "order_id" : "product_id");
            if (TikTokShopJson.isId(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return malformed(known.topic() + " names no " + (known.entityType() == EntityType.ORDER ? "order" : "product"));
        }
        List<ChangeEvent> events = new ArrayList<>();
        for (String id : ids) {
            events.add(new ChangeEvent("tiktok-shop:" + deliveryKey + ":" + known.topic() + ":" + id, known.entityType(),
                    refs.of(id), known.kind(), occurredAt, known.topic(), null, null));
        }
        return new WebhookResult.Accepted(deliveryKey, events);
    }

    private static WebhookResult unverified(String message) {
        return new WebhookResult.Rejected(WebhookResult.Reason.UNVERIFIED, "tiktok-shop webhook: " + message);
    }

    private static WebhookResult malformed(String message) {
        return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED, "tiktok-shop webhook: " + message);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

package dev.omnigate.connector.zendesk;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.crypto.Hmac;
import dev.omnigate.connector.toolkit.json.Json;
import dev.omnigate.connector.toolkit.webhook.Webhooks;
import dev.omnigate.connector.zendesk.mapping.ZendeskJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies and parses Zendesk webhooks (PROTOCOLS.md §5, developer.zendesk.com "Verifying webhook authenticity" and
 * "Anatomy of a webhook request").
 *
 * <ol>
 *   <li>{@code X-Zendesk-Webhook-Signature} must equal {@code base64(HMAC-SHA256(signing secret,
 *       X-Zendesk-Webhook-Signature-Timestamp + raw body))}, compared in constant time; a missing header, a wrong
 *       signature or an unconfigured {@code webhook-signing-secret} is {@code Rejected(UNVERIFIED)} before the body
 *       is read.</li>
 *   <li>Replay window: the signed timestamp (ISO-8601, e.g. {@code 2021-03-25T05:09:27Z}) must lie within
 *       {@code webhook-tolerance} (default 5 minutes) of the request's arrival, else {@code UNVERIFIED}: a captured
 *       delivery replayed later has no effect.</li>
 *   <li>Body: Zendesk's event payload ({@code type}, {@code id}, {@code time}, {@code subject}, {@code detail}).
 *       {@code zen:event-type:ticket.*} → TICKET, {@code zen:event-type:user.*} → CUSTOMER; {@code .created} →
 *       CREATED, {@code .deleted}/{@code .soft_deleted}/{@code .permanently_deleted} → DELETED, anything else
 *       UPDATED; native id from {@code detail.id}, else the tail of {@code subject} ({@code zen:ticket:35436}).
 *       Other event types (articles, organizations ...) and custom trigger bodies are accepted with no events.</li>
 *   <li>Delivery key: the event's {@code id}, which stays the same when Zendesk re-sends the event, so the host's
 *       dedupe makes a re-sent delivery a no-op; for a body without one (a trigger's custom JSON), the
 *       {@code X-Zendesk-Webhook-Invocation-Id} header, else a SHA-256 of timestamp and body. Event keys derive from
 *       the delivery key.</li>
 * </ol>
 *
 * <p>Never throws; makes no network calls; keeps working after the connector is closed (it holds no resources).
 */
final class ZendeskWebhookHandler implements WebhookHandler {

    static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
    static final String INVOCATION_ID_HEADER = "X-Zendesk-Webhook-Invocation-Id";
    private static final String EVENT_PREFIX = "zen:event-type:";

    private final Secret secret;
    private final Duration tolerance;
    private final SourceRefs refs;

    /** @param secret the webhook's signing secret; null when {@code webhook-signing-secret} is not configured */
    ZendeskWebhookHandler(Secret secret, Duration tolerance, SourceRefs refs) {
        this.secret = secret;
        this.tolerance = requireNonNull(tolerance, "tolerance is null");
        this.refs = requireNonNull(refs, "refs is null");
    }

    @Override
    public WebhookResult handle(WebhookRequest request) {
        return Webhooks.neverThrowing("zendesk", () -> verifiedThenParsed(request));
    }

    private WebhookResult verifiedThenParsed(WebhookRequest request) {
        if (secret == null) {
            return unverified("webhook-signing-secret is not configured for account '" + refs.account()
                    + "', so no Zendesk webhook can be verified");
        }
        Optional<String> signature = request.header(SIGNATURE_HEADER);
        Optional<String> timestamp = request.header(TIMESTAMP_HEADER);
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return unverified("missing " + (signature.isEmpty() ? SIGNATURE_HEADER : TIMESTAMP_HEADER) + " header");
        }
        byte[] body = request.body();
        if (!Hmac.matches(Hmac.sha256Base64(secret.reveal(), Hmac.utf8(timestamp.get()), body), signature.get())) {
            return unverified(SIGNATURE_HEADER + " does not match the timestamp and body");
        }
        Optional<Instant> signedAt = parse(timestamp.get());
        if (signedAt.isEmpty()) {
            return unverified(TIMESTAMP_HEADER + " is not an ISO-8601 timestamp");
        }
        Duration skew = Duration.between(signedAt.get(), request.receivedAt()).abs();
        if (skew.compareTo(tolerance) > 0) {
            return unverified("signature timestamp is " + skew.toSeconds() + " s away from arrival, outside the "
                    + tolerance.toSeconds() + " s replay window");
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            payload = null;
        }
        String eventId = payload != null && payload.isObject() ? ZendeskJson.string(payload, "id") : null;
        String type = payload != null && payload.isObject() ? ZendeskJson.string(payload, "type") : null;
        if (eventId == null || type == null || !type.startsWith(EVENT_PREFIX)) {
            // a trigger's custom body (or an empty one): authentic, but nothing we can turn into an event
            String key = request.header(INVOCATION_ID_HEADER).filter(id -> !id.isBlank())
                    .map(id -> "invocation:" + id.strip())
                    .orElseGet(() -> "sha256:" + sha256(Hmac.utf8(timestamp.get()), body));
            return new WebhookResult.Accepted(key, List.of());
        }
        Optional<EntityType> entity = entityType(type);
        if (entity.isEmpty()) {
            return new WebhookResult.Accepted(eventId, List.of());
        }
        Optional<String> nativeId = nativeId(payload, entity.get());
        if (nativeId.isEmpty()) {
            return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED, type + " event lacks the record id");
        }
        Instant occurredAt = parse(ZendeskJson.string(payload, "time")).orElse(signedAt.get());
        ChangeEvent event = new ChangeEvent("zendesk:" + eventId, entity.get(), refs.of(nativeId.get()), kind(type),
                occurredAt, type, null, null);
        return new WebhookResult.Accepted(eventId, List.of(event));
    }

    private static Optional<EntityType> entityType(String type) {
        String name = type.substring(EVENT_PREFIX.length());
        if (name.startsWith("ticket.")) {
            return Optional.of(EntityType.TICKET);
        }
        if (name.startsWith("user.")) {
            return Optional.of(EntityType.CUSTOMER);
        }
        return Optional.empty();
    }

    private static ChangeKind kind(String type) {
        String action = type.substring(type.lastIndexOf('.') + 1);
        return switch (action) {
            case "created" -> ChangeKind.CREATED;
            case "deleted", "soft_deleted", "permanently_deleted" -> ChangeKind.DELETED;
            default -> ChangeKind.UPDATED;
        };
    }

    /** {@code detail.id}, else the tail of {@code subject} ({@code zen:ticket:35436}, {@code zen:user:6596848315901}). */
    private static Optional<String> nativeId(JsonNode payload, EntityType entity) {
        String id = ZendeskJson.string(payload.path("detail"), "id");
        if (ZendeskJson.isId(id)) {
            return Optional.of(id);
        }
        String subject = ZendeskJson.string(payload, "subject");
        String prefix = entity == EntityType.TICKET ? "zen:ticket:" : "zen:user:";
        if (subject != null && subject.startsWith(prefix) && ZendeskJson.isId(subject.substring(prefix.length()))) {
            return Optional.of(subject.substring(prefix.length()));
        }
        return Optional.empty();
    }

    private WebhookResult unverified(String message) {
        return new WebhookResult.Rejected(WebhookResult.Reason.UNVERIFIED, "zendesk webhook: " + message);
    }

    private static Optional<Instant> parse(String timestamp) {
        if (timestamp == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(timestamp.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

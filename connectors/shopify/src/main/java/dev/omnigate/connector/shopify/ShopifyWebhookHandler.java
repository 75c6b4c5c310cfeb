package dev.omnigate.connector.shopify;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookHandler;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.shopify.mapping.ShopifyIds;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.crypto.Hmac;
import dev.omnigate.connector.toolkit.json.Json;
import dev.omnigate.connector.toolkit.webhook.Webhooks;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies and parses Shopify's classic HTTP webhooks (PROTOCOLS.md §1 "Webhooks").
 *
 * <ol>
 *   <li>{@code X-Shopify-Hmac-Sha256} must equal base64(HMAC-SHA256(webhook-secret, raw body)), compared
 *       in constant time; otherwise (or without a configured {@code webhook-secret}) the request is
 *       {@code Rejected(UNVERIFIED)} before the body is read.</li>
 *   <li>The other headers the official validator requires ({@code X-Shopify-Topic},
 *       {@code X-Shopify-Shop-Domain}, {@code X-Shopify-API-Version}, {@code X-Shopify-Webhook-Id}) must be
 *       present ({@code MALFORMED} otherwise), and the shop domain must be this account's
 *       ({@code UNVERIFIED} otherwise: the app secret is shared by every shop that installed the app).</li>
 *   <li>The body is the REST-style resource (snake_case, numeric {@code id}). Topics: {@code orders/create}
 *       (ORDER CREATED), {@code orders/updated} (ORDER UPDATED), {@code customers/update} (CUSTOMER
 *       UPDATED), {@code inventory_levels/update} (INVENTORY_LEVEL UPDATED, native id
 *       the tail of {@code admin_graphql_api_id}, the same id the inventory reader reports, else
 *       {@code <location_id>?inventory_item_id=<inventory_item_id>}). Other
 *       topics are accepted with no events so Shopify stops retrying.</li>
 * </ol>
 *
 * <p>An {@code inventory_levels/update} body carries only {@code inventory_item_id}, {@code location_id},
 * {@code available} and {@code updated_at}: no SKU and no on-hand or committed counts. Its event therefore
 * has a null SKU and no inventory level; the host re-reads the level. The delivery key is
 * {@code X-Shopify-Webhook-Id}, Shopify's idempotency key, and every event key derives from it. Never
 * throws; makes no network calls; keeps working after the connector is closed (it holds no resources).
 */
final class ShopifyWebhookHandler implements WebhookHandler {

    static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";
    static final String TOPIC_HEADER = "X-Shopify-Topic";
    static final String SHOP_DOMAIN_HEADER = "X-Shopify-Shop-Domain";
    static final String API_VERSION_HEADER = "X-Shopify-API-Version";
    static final String WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id";
    static final String TRIGGERED_AT_HEADER = "X-Shopify-Triggered-At";

    private final Secret secret;
    private final String shopDomain;
    private final SourceRefs refs;

    /** @param secret the app's client secret; null when {@code webhook-secret} is not configured */
    ShopifyWebhookHandler(Secret secret, String shopDomain, SourceRefs refs) {
        this.secret = secret;
        this.shopDomain = requireNonNull(shopDomain, "shopDomain is null");
        this.refs = requireNonNull(refs, "refs is null");
    }

    @Override
    public WebhookResult handle(WebhookRequest request) {
        return Webhooks.neverThrowing("shopify", () -> verifiedThenParsed(request));
    }

    private WebhookResult verifiedThenParsed(WebhookRequest request) {
        if (secret == null) {
            return unverified("webhook-secret is not configured for account '" + refs.account()
                    + "', so no Shopify webhook can be verified");
        }
        Optional<String> signature = request.header(HMAC_HEADER);
        if (signature.isEmpty()) {
            return unverified("missing " + HMAC_HEADER + " header");
        }
        byte[] body = request.body();
        if (!Hmac.matches(Hmac.sha256Base64(secret.reveal(), body), signature.get())) {
            return unverified(HMAC_HEADER + " does not match the body");
        }
        List<String> missing = java.util.stream.Stream.of(TOPIC_HEADER, SHOP_DOMAIN_HEADER, API_VERSION_HEADER, WEBHOOK_ID_HEADER)
                .filter(name -> request.header(name).filter(value -> !value.isBlank()).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED, "missing header(s) " + missing);
        }
        String shop = request.header(SHOP_DOMAIN_HEADER).orElseThrow().trim().toLowerCase(Locale.ROOT);
        if (!shop.equals(shopDomain)) {
            return unverified("delivery is for shop '" + shop + "', this account is '" + shopDomain + "'");
        }
        String topic = request.header(TOPIC_HEADER).orElseThrow().trim();
        String webhookId = request.header(WEBHOOK_ID_HEADER).orElseThrow().trim();
        Optional<Topic> known = Topic.of(topic);
        if (known.isEmpty()) {
            return new WebhookResult.Accepted(webhookId, List.of());
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED, topic + " body is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED, topic + " body is not a JSON object");
        }
        Optional<String> nativeId = known.get().nativeId(payload);
        if (nativeId.isEmpty()) {
            return new WebhookResult.Rejected(WebhookResult.Reason.MALFORMED, topic + " body lacks the resource id");
        }
        Instant occurredAt = occurredAt(payload, known.get(), request);
        ChangeEvent event = new ChangeEvent("shopify:" + webhookId + ":" + topic + ":" + nativeId.get(),
                known.get().entityType, refs.of(nativeId.get()), known.get().kind, occurredAt, topic, null, null);
        return new WebhookResult.Accepted(webhookId, List.of(event));
    }

    private static WebhookResult unverified(String message) {
        return new WebhookResult.Rejected(WebhookResult.Reason.UNVERIFIED, "shopify webhook: " + message);
    }

    /** The body's own timestamp for the change, else {@code X-Shopify-Triggered-At}, else when we received it. */
    private static Instant occurredAt(JsonNode payload, Topic topic, WebhookRequest request) {
        String field = topic.kind == ChangeKind.CREATED ? "created_at" : "updated_at";
        return parse(ShopifyJson.string(payload, field))
                .or(() -> parse(ShopifyJson.string(payload, "updated_at")))
                .or(() -> parse(request.header(TRIGGERED_AT_HEADER).orElse(null)))
                .orElse(request.receivedAt());
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

    /** The topics that become events. */
    private enum Topic {
        ORDERS_CREATE("orders/create", EntityType.ORDER, ChangeKind.CREATED),
        ORDERS_UPDATED("orders/updated", EntityType.ORDER, ChangeKind.UPDATED),
        CUSTOMERS_UPDATE("customers/update", EntityType.CUSTOMER, ChangeKind.UPDATED),
        INVENTORY_LEVELS_UPDATE("inventory_levels/update", EntityType.INVENTORY_LEVEL, ChangeKind.UPDATED);

        private final String header;
        private final EntityType entityType;
        private final ChangeKind kind;

        Topic(String header, EntityType entityType, ChangeKind kind) {
            this.header = header;
            this.entityType = entityType;
            this.kind = kind;
        }

        static Optional<Topic> of(String header) {
            for (Topic topic : values()) {
                if (topic.header.equalsIgnoreCase(header)) {
                    return Optional.of(topic);
                }
            }
            return Optional.empty();
        }

        /** The REST body's numeric {@code id} as text (every digit kept), or the inventory level's id. */
        Optional<String> nativeId(JsonNode payload) {
            if (this == INVENTORY_LEVELS_UPDATE) {
                Optional<String> levelId = ShopifyIds.tail(Json.text(payload.get("admin_graphql_api_id")))
                        .filter(tail -> tail.matches("[1-9][0-9]*\\?inventory_item_id=[1-9][0-9]*"));
                if (levelId.isPresent()) {
                    return levelId;
                }
                String item = Json.text(payload.get("inventory_item_id"));
                String location = Json.text(payload.get("location_id"));
                return ShopifyIds.isLegacyId(item) && ShopifyIds.isLegacyId(location)
                        ? Optional.of(location + "?inventory_item_id=" + item)
                        : Optional.empty();
            }
            String id = Json.text(payload.get("id"));
            if (ShopifyIds.isLegacyId(id)) {
                return Optional.of(id);
            }
            return ShopifyIds.tail(Json.text(payload.get("admin_graphql_api_id"))).filter(ShopifyIds::isLegacyId);
        }
    }
}

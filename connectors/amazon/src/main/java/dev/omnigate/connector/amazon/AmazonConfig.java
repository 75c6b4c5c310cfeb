package dev.omnigate.connector.amazon;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConfigType;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.config.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Amazon seller account in one SP-API region, typed and immutable. {@link #toString()} never shows
 * a credential.
 *
 * @param endpoint the regional SP-API host, e.g. {@code https://sellingpartnerapi-na.amazon.com}
 * @param lwaEndpoint the Login with Amazon token endpoint
 * @param clientId the LWA client id of the application
 * @param clientSecret the LWA client secret
 * @param refreshToken the seller's LWA refresh token (from authorising the application)
 * @param sellerId the selling partner id (Listings Items paths carry it)
 * @param marketplaceIds the marketplaces read, first is the default; each has one FBA location
 * @param notificationSecret the shared secret notifications must carry; empty: every notification is refused
 * @param notificationAuth how notifications prove that secret
 * @param ordersLookback how far back an order search without a time filter reaches
 * @param pollInterval how often the change poller should run
 * @param limits per-operation usage plan (rate per second, burst)
 */
record AmazonConfig(URI endpoint, URI lwaEndpoint, String clientId, Secret clientSecret, Secret refreshToken, String sellerId,
        List<String> marketplaceIds, Optional<Secret> notificationSecret, NotificationAuth notificationAuth,
        Duration ordersLookback, Duration pollInterval, Map<AmazonOperation, UsagePlan> limits) {

    /** How a notification delivery proves the shared {@code notification-secret}. */
    enum NotificationAuth {
        /**
         * EventBridge API destination with an "API key" connection: header {@code x-api-key} carries the secret
         * itself. EventBridge signs nothing, so the body is protected by TLS only.
         */
        API_KEY("api-key"),
        /**
         * A forwarder that signs: header {@code x-omnigate-signature: sha256=<hex HMAC-SHA256(secret, raw body)>}
         * (for an SQS consumer or a Lambda between EventBridge and the gateway). Binds the body.
         */
        HMAC_SHA256("hmac-sha256");

        private final String configValue;

        NotificationAuth(String configValue) {
            this.configValue = configValue;
        }

        String configValue() {
            return configValue;
        }

        static Optional<NotificationAuth> parse(String value) {
            for (NotificationAuth auth : values()) {
                if (auth.configValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(auth);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One operation's usage plan.
     *
     * @param rate requests per second restored to the bucket
     * @param burst bucket size
     */
    record UsagePlan(BigDecimal rate, int burst) {
        UsagePlan {
            requireNonNull(rate, "rate is null");
        }
    }

    static final String ENDPOINT = "endpoint";
    static final String LWA_ENDPOINT = "lwa-endpoint";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    static final String REFRESH_TOKEN = "refresh-token";
    static final String SELLER_ID = "seller-id";
    static final String MARKETPLACE_IDS = "marketplace-ids";
    static final String NOTIFICATION_SECRET = "notification-secret";
    static final String NOTIFICATION_AUTH = "notification-auth";
    static final String ORDERS_LOOKBACK = "orders-lookback";
    static final String POLL_INTERVAL = "poll-interval";

    /** Every key, its default and its documentation. */
    static final ConfigSpec SPEC = spec();

    private static ConfigSpec spec() {
        ConfigSpec.Builder builder = ConfigSpec.builder()
                .define(ConfigKey.url(ENDPOINT).defaultValue("https://sellingpartnerapi-na.amazon.com")
                        .doc("The regional SP-API endpoint: sellingpartnerapi-na (North America), -eu (Europe) or -fe (Far East).amazon.com."))
                .define(ConfigKey.url(LWA_ENDPOINT).defaultValue("https://api.amazon.com/auth/o2/token")
                        .doc("The Login with Amazon token endpoint that exchanges the refresh token for one-hour access tokens."))
                .define(ConfigKey.string(CLIENT_ID).required()
                        .doc("The LWA client id of the SP-API application (amzn1.application-oa2-client...)."))
                .define(ConfigKey.secretString(CLIENT_SECRET)
                        .doc("The LWA client secret of the SP-API application."))
                .define(ConfigKey.secretString(REFRESH_TOKEN)
                        .doc("The seller's LWA refresh token (Atzr|...), obtained when the seller authorised the application."))
                .define(ConfigKey.string(SELLER_ID).required()
                        .doc("The selling partner id (merchant token), used in Listings Items paths."))
                .define(ConfigKey.list(MARKETPLACE_IDS).defaultValue("ATVPDKIKX0DER")
                        .validator(value -> ((List<?>) value).isEmpty() ? Optional.of("name at least one marketplace id") : Optional.empty())
                        .doc("The marketplaces read (ATVPDKIKX0DER = amazon.com); each has one FBA location FBA:<marketplace id>."))
                .define(ConfigKey.string(NOTIFICATION_SECRET).secret()
                        .doc("Shared secret notifications must carry (see notification-auth); without it every notification is refused."))
                .define(ConfigKey.string(NOTIFICATION_AUTH).defaultValue(NotificationAuth.API_KEY.configValue())
                        .validator(value -> NotificationAuth.parse(value.toString()).isPresent() ? Optional.empty()
                                : Optional.of("be api-key or hmac-sha256"))
                        .doc("api-key: an EventBridge API destination sends the secret in header x-api-key; hmac-sha256: a signing "
                                + "forwarder sends x-omnigate-signature: sha256=<hex HMAC-SHA256(secret, body)>."))
                .define(ConfigKey.duration(ORDERS_LOOKBACK).defaultValue("730d")
                        .doc("How far back an order search without a time filter reaches (searchOrders needs createdAfter or lastUpdatedAfter)."))
                .define(ConfigKey.duration(POLL_INTERVAL).defaultValue("5m")
                        .doc("How often the change poller should run (searchOrders restores one request every 3 minutes)."));
        for (AmazonOperation operation : AmazonOperation.values()) {
            builder.define(ConfigKey.of(operation.rateKey(), ConfigType.DECIMAL).defaultValue(operation.defaultRate().toPlainString())
                    .validator(value -> ((BigDecimal) value).signum() > 0 ? Optional.empty() : Optional.of("be positive"))
                    .doc("Requests per second of " + operation.operationId() + " (the model's usage plan by default)."));
            builder.define(ConfigKey.integer(operation.burstKey()).defaultValue(operation.defaultBurst())
                    .validator(value -> ((Integer) value) >= 1 ? Optional.empty() : Optional.of("be at least 1"))
                    .doc("Burst of " + operation.operationId() + " (the model's usage plan by default)."));
        }
        return builder.build();
    }

    AmazonConfig {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(lwaEndpoint, "lwaEndpoint is null");
        requireNonNull(clientId, "clientId is null");
        requireNonNull(clientSecret, "clientSecret is null");
        requireNonNull(refreshToken, "refreshToken is null");
        requireNonNull(sellerId, "sellerId is null");
        marketplaceIds = List.copyOf(marketplaceIds);
        requireNonNull(notificationSecret, "notificationSecret is null");
        requireNonNull(notificationAuth, "notificationAuth is null");
        requireNonNull(ordersLookback, "ordersLookback is null");
        requireNonNull(pollInterval, "pollInterval is null");
        limits = Map.copyOf(limits);
    }

    static AmazonConfig from(ConnectorConfig config) {
        Map<AmazonOperation, UsagePlan> limits = new EnumMap<>(AmazonOperation.class);
        for (AmazonOperation operation : AmazonOperation.values()) {
            limits.put(operation, new UsagePlan(config.decimal(operation.rateKey()), config.integer(operation.burstKey())));
        }
        return new AmazonConfig(config.url(ENDPOINT), config.url(LWA_ENDPOINT), config.string(CLIENT_ID),
                config.secret(CLIENT_SECRET), config.secret(REFRESH_TOKEN), config.string(SELLER_ID),
                config.list(MARKETPLACE_IDS), config.optionalSecret(NOTIFICATION_SECRET),
                NotificationAuth.parse(config.string(NOTIFICATION_AUTH)).orElseThrow(),
                config.duration(ORDERS_LOOKBACK), config.duration(POLL_INTERVAL), limits);
    }

    UsagePlan plan(AmazonOperation operation) {
        return limits.get(operation);
    }

    @Override
    public String toString() {
        return "AmazonConfig[endpoint=" + endpoint + ", lwaEndpoint=" + lwaEndpoint + ", clientId=" + clientId
                + ", sellerId=" + sellerId + ", marketplaceIds=" + marketplaceIds + ", notificationAuth="
                + notificationAuth.configValue() + "]";
    }
}

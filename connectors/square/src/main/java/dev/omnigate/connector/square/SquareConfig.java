package dev.omnigate.connector.square;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConfigValidator;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * One Square seller account's configuration, typed and immutable.
 *
 * @param accessToken the OAuth or personal access token, sent as {@code Authorization: Bearer}
 * @param squareVersion the API version sent as {@code Square-Version} (PROTOCOLS.md §4)
 * @param baseUrl the API origin, {@code https://connect.squareup.com} unless overridden (sandbox, simulator)
 * @param webhookSignatureKey the webhook subscription's signature key; null when not configured (every webhook is
 *     then rejected)
 * @param webhookNotificationUrl the notification URL exactly as registered with the subscription (Square signs it);
 *     null to use the URL the gateway received the request on
 * @param locationIds the locations whose orders are searched; empty for "every location of the seller" (listed
 *     once per connector)
 * @param catalogCacheTtl how long SKU → item variation resolutions are reused by the price and inventory readers
 */
public record SquareConfig(
        Secret accessToken,
        String squareVersion,
        URI baseUrl,
        Secret webhookSignatureKey,
        URI webhookNotificationUrl,
        List<String> locationIds,
        Duration catalogCacheTtl) {

    static final String ACCESS_TOKEN = "access-token";
    static final String SQUARE_VERSION = "square-version";
    static final String BASE_URL = "base-url";
    static final String WEBHOOK_SIGNATURE_KEY = "webhook-signature-key";
    static final String WEBHOOK_NOTIFICATION_URL = "webhook-notification-url";
    static final String LOCATION_IDS = "location-ids";
    static final String CATALOG_CACHE_TTL = "catalog-cache-ttl";

    /** The Square API version of {@code square/api.json}. */
    public static final String DEFAULT_SQUARE_VERSION = "2025-08-20";
    /** Square's production origin. */
    public static final String DEFAULT_BASE_URL = "https://connect.squareup.com";
    /** SearchOrders accepts at most this many {@code location_ids} ({@code SearchOrdersRequest.location_ids}). */
    public static final int MAX_SEARCH_LOCATIONS = 10;

    private static final ConfigValidator LOCATION_IDS_VALID = value -> {
        List<?> ids = (List<?>) value;
        if (ids.size() > MAX_SEARCH_LOCATIONS) {
            return Optional.of("list at most " + MAX_SEARCH_LOCATIONS + " location ids (SearchOrders accepts no more)");
        }
        return ids.stream().allMatch(id -> id.toString().matches("[A-Za-z0-9]{1,32}"))
                ? Optional.empty()
                : Optional.of("be a list of Square location ids such as 59TNP9SA8VGDA");
    };

    private static final ConfigValidator NON_NEGATIVE = value -> ((Duration) value).isNegative()
            ? Optional.of("not be negative") : Optional.empty();

    /** The keys of a Square account. */
    public static final ConfigSpec SPEC = ConfigSpec.builder()
            .define(ConfigKey.secretString(ACCESS_TOKEN)
                    .doc("Square access token (OAuth or personal), sent as Authorization: Bearer. Needs CUSTOMERS_READ, "
                            + "ORDERS_READ, INVENTORY_READ, ITEMS_READ and MERCHANT_PROFILE_READ."))
            .define(ConfigKey.string(SQUARE_VERSION).defaultValue(DEFAULT_SQUARE_VERSION)
                    .validator(ConfigValidator.pattern("\\d{4}-\\d{2}-\\d{2}", "a Square API version such as 2025-08-20"))
                    .doc("Square API version sent as the Square-Version header on every call."))
            .define(ConfigKey.url(BASE_URL).defaultValue(DEFAULT_BASE_URL)
                    .doc("The Square API origin: https://connect.squareup.com, https://connect.squareupsandbox.com for "
                            + "Square's sandbox, or a simulator or proxy."))
            .define(ConfigKey.string(WEBHOOK_SIGNATURE_KEY).secret()
                    .doc("The webhook subscription's signature key (x-square-hmacsha256-signature). Without it every "
                            + "webhook is rejected as unverified."))
            .define(ConfigKey.url(WEBHOOK_NOTIFICATION_URL)
                    .doc("The notification URL exactly as registered with the webhook subscription; Square signs it "
                            + "together with the body. Defaults to the URL the gateway received the webhook on."))
            .define(ConfigKey.list(LOCATION_IDS).validator(LOCATION_IDS_VALID)
                    .doc("At most 10 location ids whose orders are searched (SearchOrders needs location ids). Default: "
                            + "every location of the seller, listed once per connector (at most 10 are supported)."))
            .define(ConfigKey.duration(CATALOG_CACHE_TTL).defaultValue("5m").validator(NON_NEGATIVE)
                    .doc("How long a SKU's catalog item variations are reused before the catalog is searched again "
                            + "(prices and inventory resolve SKUs through the catalog). 0 disables the cache."))
            .build();

    public SquareConfig {
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(squareVersion, "squareVersion is null");
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(catalogCacheTtl, "catalogCacheTtl is null");
        locationIds = List.copyOf(locationIds);
    }

    /** Reads a configuration validated against {@link #SPEC}. */
    public static SquareConfig from(ConnectorConfig config) {
        return new SquareConfig(
                config.secret(ACCESS_TOKEN),
                config.string(SQUARE_VERSION),
                config.url(BASE_URL),
                config.optionalSecret(WEBHOOK_SIGNATURE_KEY).orElse(null),
                config.optionalUrl(WEBHOOK_NOTIFICATION_URL).orElse(null),
                config.list(LOCATION_IDS),
                config.duration(CATALOG_CACHE_TTL));
    }

    /** {@code {base-url}{path}}, e.g. {@code /v2/customers/search}. */
    HttpUrl endpoint(String path) {
        HttpUrl base = HttpUrl.get(baseUrl.toString());
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                builder.addPathSegment(segment);
            }
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "SquareConfig[squareVersion=" + squareVersion + ", baseUrl=" + baseUrl + ", accessToken=******, "
                + "webhookSignatureKey=" + (webhookSignatureKey == null ? "none" : "******") + ", webhookNotificationUrl="
                + webhookNotificationUrl + ", locationIds=" + locationIds + ", catalogCacheTtl=" + catalogCacheTtl + "]";
    }
}

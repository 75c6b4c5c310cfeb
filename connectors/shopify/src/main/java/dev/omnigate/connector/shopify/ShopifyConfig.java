package dev.omnigate.connector.shopify;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConfigValidator;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.config.Secret;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * One Shopify account's configuration, typed and immutable.
 *
 * @param shopDomain the shop's domain, e.g. {@code acme.myshopify.com} (lower case)
 * @param accessToken the Admin API access token, sent as {@code X-Shopify-Access-Token}
 * @param apiVersion the Admin API version in the URL path, e.g. {@code 2026-04}
 * @param baseUrl where the Admin API is served: {@code https://{shopDomain}} unless overridden
 * @param webhookSecret the app's client secret for webhook HMACs; null when not configured
 * @param storeLocationIds location ids always reported as STORE
 * @param warehouseLocationIds location ids always reported as WAREHOUSE
 * @param degradedBelowPercent health is DEGRADED when less than this share of the cost budget is left
 */
public record ShopifyConfig(
        String shopDomain,
        Secret accessToken,
        String apiVersion,
        URI baseUrl,
        Secret webhookSecret,
        Set<String> storeLocationIds,
        Set<String> warehouseLocationIds,
        int degradedBelowPercent) {

    static final String SHOP_DOMAIN = "shop-domain";
    static final String ACCESS_TOKEN = "access-token";
    static final String API_VERSION = "api-version";
    static final String BASE_URL = "base-url";
    static final String WEBHOOK_SECRET = "webhook-secret";
    static final String STORE_LOCATION_IDS = "store-location-ids";
    static final String WAREHOUSE_LOCATION_IDS = "warehouse-location-ids";
    static final String DEGRADED_BELOW_PERCENT = "throttle-degraded-below-percent";

    /** The Admin API version used when none is configured. */
    public static final String DEFAULT_API_VERSION = "2026-04";

    private static final ConfigValidator LOCATION_IDS = value -> ((java.util.List<?>) value).stream()
            .allMatch(id -> id.toString().matches("[1-9][0-9]{0,19}"))
            ? Optional.empty()
            : Optional.of("be a list of numeric Shopify location ids (legacyResourceId)");

    /** The keys of a Shopify account. */
    public static final ConfigSpec SPEC = ConfigSpec.builder()
            .define(ConfigKey.string(SHOP_DOMAIN).required()
                    .validator(ConfigValidator.pattern(
                            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*",
                            "a shop domain such as acme.myshopify.com (a host name, without scheme or path)"))
                    .doc("The shop's domain, e.g. acme.myshopify.com. The Admin API is called at https://{shop-domain} "
                            + "unless base-url is set; webhooks from another shop are refused."))
            .define(ConfigKey.secretString(ACCESS_TOKEN)
                    .doc("Admin API access token of the app installed on the shop, sent as X-Shopify-Access-Token."))
            .define(ConfigKey.string(API_VERSION).defaultValue(DEFAULT_API_VERSION)
                    .validator(ConfigValidator.pattern("\\d{4}-(01|04|07|10)|unstable",
                            "a Shopify API version: YYYY-MM with MM one of 01, 04, 07, 10, or unstable"))
                    .doc("Admin GraphQL API version in the endpoint path (/admin/api/{api-version}/graphql.json)."))
            .define(ConfigKey.url(BASE_URL)
                    .doc("Overrides https://{shop-domain} as the API origin (sandbox simulator, tests, proxies)."))
            .define(ConfigKey.string(WEBHOOK_SECRET).secret()
                    .doc("The app's client secret, the key of X-Shopify-Hmac-Sha256 on webhooks. Without it every "
                            + "webhook is rejected as unverified."))
            .define(ConfigKey.list(STORE_LOCATION_IDS).validator(LOCATION_IDS)
                    .doc("Location ids (legacyResourceId) always reported as STORE, whatever their pickup settings."))
            .define(ConfigKey.list(WAREHOUSE_LOCATION_IDS).validator(LOCATION_IDS)
                    .doc("Location ids (legacyResourceId) always reported as WAREHOUSE, even when they offer local pickup."))
            .define(ConfigKey.integer(DEGRADED_BELOW_PERCENT).defaultValue(10).validator(ConfigValidator.range(0, 100))
                    .doc("The health check reports DEGRADED when less than this percentage of the query-cost bucket "
                            + "is available."))
            .build();

    public ShopifyConfig {
        requireNonNull(shopDomain, "shopDomain is null");
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(apiVersion, "apiVersion is null");
        requireNonNull(baseUrl, "baseUrl is null");
        storeLocationIds = Set.copyOf(storeLocationIds);
        warehouseLocationIds = Set.copyOf(warehouseLocationIds);
    }

    /** Reads a configuration validated against {@link #SPEC}. */
    public static ShopifyConfig from(ConnectorConfig config) {
        String domain = config.string(SHOP_DOMAIN).toLowerCase(Locale.ROOT);
        return new ShopifyConfig(
                domain,
                config.secret(ACCESS_TOKEN),
                config.string(API_VERSION),
                config.optionalUrl(BASE_URL).orElse(URI.create("https://" + domain)),
                config.optionalSecret(WEBHOOK_SECRET).orElse(null),
                Set.copyOf(config.list(STORE_LOCATION_IDS)),
                Set.copyOf(config.list(WAREHOUSE_LOCATION_IDS)),
                config.integer(DEGRADED_BELOW_PERCENT));
    }

    /** {@code POST {base-url}/admin/api/{api-version}/graphql.json}. */
    public HttpUrl graphqlEndpoint() {
        return HttpUrl.get(baseUrl.toString()).newBuilder()
                .addPathSegment("admin").addPathSegment("api").addPathSegment(apiVersion).addPathSegment("graphql.json")
                .build();
    }

    public Optional<Secret> optionalWebhookSecret() {
        return Optional.ofNullable(webhookSecret);
    }

    @Override
    public String toString() {
        return "ShopifyConfig[shopDomain=" + shopDomain + ", apiVersion=" + apiVersion + ", baseUrl=" + baseUrl
                + ", accessToken=******, webhookSecret=" + (webhookSecret == null ? "none" : "******") + "]";
    }
}

package dev.omnigate.connector.tiktok;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConfigType;
import dev.omnigate.connector.api.config.ConfigValidator;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One TikTok Shop account's configuration, typed and immutable (PROTOCOLS.md §3).
 *
 * @param baseUrl the Partner API origin, {@code https://open-api.tiktokglobalshop.com} by default
 * @param authBaseUrl the auth host with its path, {@code https://auth.tiktok-shops.com/api/v2} by default
 * @param appKey the app key, sent as query parameter {@code app_key} and prefixed to webhook bodies
 * @param appSecret the app secret: key of every request {@code sign} and of webhook signatures
 * @param accessToken the shop's access token, sent as {@code x-tts-access-token}
 * @param refreshToken the refresh token; null when not configured (then no refresh is possible)
 * @param accessTokenExpiresAt when the configured access token expires; null when unknown
 * @param shopId the shop id used to pick the shop among the authorised ones; nullable
 * @param shopCipher the shop's cipher; null means "discover it from /authorization/202309/shops"
 * @param webhookTolerance how far a webhook's {@code timestamp} may be from its receipt
 */
public record TikTokShopConfig(
        URI baseUrl,
        URI authBaseUrl,
        Secret appKey,
        Secret appSecret,
        Secret accessToken,
        Secret refreshToken,
        Instant accessTokenExpiresAt,
        String shopId,
        String shopCipher,
        Duration webhookTolerance) {

    static final String BASE_URL = "base-url";
    static final String AUTH_BASE_URL = "auth-base-url";
    static final String APP_KEY = "app-key";
    static final String APP_SECRET = "app-secret";
    static final String ACCESS_TOKEN = "access-token";
    static final String REFRESH_TOKEN = "refresh-token";
    static final String ACCESS_TOKEN_EXPIRES_AT = "access-token-expires-at";
    static final String SHOP_ID = "shop-id";
    static final String SHOP_CIPHER = "shop-cipher";
    static final String WEBHOOK_TOLERANCE = "webhook-tolerance";

    /** TikTok's production API host (PROTOCOLS.md §3 "Endpoints"). */
    public static final String DEFAULT_BASE_URL = "https://open-api.tiktokglobalshop.com";
    /** TikTok's production auth host with its path (PROTOCOLS.md §3 "Endpoints"). */
    public static final String DEFAULT_AUTH_BASE_URL = "https://auth.tiktok-shops.com/api/v2";

    private static final ConfigValidator NUMERIC_ID = ConfigValidator.pattern("[1-9][0-9]{0,24}",
            "a numeric TikTok Shop id such as 7000714532876273420");

    /** The keys of a TikTok Shop account. */
    public static final ConfigSpec SPEC = ConfigSpec.builder()
            .define(ConfigKey.url(BASE_URL).defaultValue(DEFAULT_BASE_URL)
                    .doc("Origin of the TikTok Shop Partner API (202309 paths are appended). The sandbox host is "
                            + "https://open-api-sandbox.tiktokglobalshop.com."))
            .define(ConfigKey.url(AUTH_BASE_URL).defaultValue(DEFAULT_AUTH_BASE_URL)
                    .doc("Auth host with its path; the access token is refreshed at {auth-base-url}/token/refresh."))
            .define(ConfigKey.secretString(APP_KEY)
                    .doc("The app's key, sent as query parameter app_key on every call and prefixed to webhook bodies "
                            + "before their HMAC."))
            .define(ConfigKey.secretString(APP_SECRET)
                    .doc("The app's secret: HMAC-SHA256 key of every request signature (sign) and of webhook "
                            + "Authorization headers."))
            .define(ConfigKey.secretString(ACCESS_TOKEN)
                    .doc("The shop's access token, sent as x-tts-access-token."))
            .define(ConfigKey.string(REFRESH_TOKEN).secret()
                    .doc("The shop's refresh token. With it the access token is refreshed before it expires (and once "
                            + "when TikTok reports it expired); without it an expired token is an UNAUTHENTICATED error."))
            // flagged secret only because its name contains "token" (the contract kit's rule); the value is a time
            .define(ConfigKey.of(ACCESS_TOKEN_EXPIRES_AT, ConfigType.LONG).secret()
                    .validator(value -> ((Long) value) > 0 ? Optional.empty() : Optional.of("be a positive Unix time in seconds"))
                    .doc("When the configured access token expires, in Unix seconds (TikTok's access_token_expire_in). "
                            + "The token is refreshed 5 minutes before; unset means refresh only when TikTok rejects it as expired."))
            .define(ConfigKey.string(SHOP_ID).validator(NUMERIC_ID)
                    .doc("The shop's id. Picks the shop among the authorised ones when shop-cipher is unset, and webhooks "
                            + "for another shop are refused."))
            .define(ConfigKey.string(SHOP_CIPHER)
                    .doc("The shop's cipher (shop_cipher). When unset it is read once from /authorization/202309/shops "
                            + "(the only shop, or the one with shop-id) and cached."))
            .define(ConfigKey.duration(WEBHOOK_TOLERANCE).defaultValue("15m")
                    .validator(value -> ((Duration) value).isPositive() ? Optional.empty() : Optional.of("be positive"))
                    .doc("How far a webhook's timestamp may lie from the time it is received; deliveries outside the "
                            + "window are refused as unverified (replay protection)."))
            .build();

    public TikTokShopConfig {
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(authBaseUrl, "authBaseUrl is null");
        requireNonNull(appKey, "appKey is null");
        requireNonNull(appSecret, "appSecret is null");
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(webhookTolerance, "webhookTolerance is null");
    }

    /** Reads a configuration validated against {@link #SPEC}. */
    public static TikTokShopConfig from(ConnectorConfig config) {
        Long expiresAt = config.optionalSecret(ACCESS_TOKEN_EXPIRES_AT).map(value -> Long.valueOf(value.reveal())).orElse(null);
        return new TikTokShopConfig(
                config.url(BASE_URL),
                config.url(AUTH_BASE_URL),
                config.secret(APP_KEY),
                config.secret(APP_SECRET),
                config.secret(ACCESS_TOKEN),
                config.optionalSecret(REFRESH_TOKEN).orElse(null),
                expiresAt == null ? null : Instant.ofEpochSecond(expiresAt),
                config.optionalString(SHOP_ID).orElse(null),
                config.optionalString(SHOP_CIPHER).orElse(null),
                config.duration(WEBHOOK_TOLERANCE));
    }

    @Override
    public String toString() {
        return "TikTokShopConfig[baseUrl=" + baseUrl + ", authBaseUrl=" + authBaseUrl + ", appKey=******, appSecret=******"
                + ", accessToken=******, refreshToken=" + (refreshToken == null ? "none" : "******")
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", shopId=" + shopId
                + ", shopCipher=" + (shopCipher == null ? "discovered" : "configured") + ", webhookTolerance=" + webhookTolerance + "]";
    }
}

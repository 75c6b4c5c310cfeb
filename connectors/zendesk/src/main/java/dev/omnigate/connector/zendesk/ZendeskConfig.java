package dev.omnigate.connector.zendesk;

import static java.util.Objects.requireNonNull;

import dev.omnigate.connector.api.config.ConfigKey;
import dev.omnigate.connector.api.config.ConfigSpec;
import dev.omnigate.connector.api.config.ConfigValidator;
import dev.omnigate.connector.api.config.ConnectorConfig;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * One Zendesk Support account's configuration, typed and immutable.
 *
 * <p>Exactly one auth mode is configured: {@code email} + {@code api-token} (HTTP Basic
 * {@code base64("{email}/token:{api-token}")}) or {@code oauth-token} (Bearer). Both or neither is a
 * {@code CONFIG} error raised by {@link #from} naming the keys (the spec alone cannot express it).
 *
 * @param subdomain the account's subdomain, e.g. {@code acme} for {@code acme.zendesk.com} (lower case)
 * @param baseUrl where the API is served: {@code https://{subdomain}.zendesk.com} unless overridden
 * @param authorization the complete {@code Authorization} header value (a secret)
 * @param authMode {@code basic} or {@code bearer}, for health details
 * @param webhookSigningSecret the webhook's signing secret; null when not configured (every webhook is then refused)
 * @param webhookTolerance how far a webhook's signature timestamp may lie from its arrival (replay window)
 */
public record ZendeskConfig(String subdomain, URI baseUrl, Secret authorization, String authMode,
        Secret webhookSigningSecret, Duration webhookTolerance) {

    static final String SUBDOMAIN = "subdomain";
    static final String BASE_URL = "base-url";
    static final String EMAIL = "email";
    static final String API_TOKEN = "api-token";
    static final String OAUTH_TOKEN = "oauth-token";
    static final String WEBHOOK_SIGNING_SECRET = "webhook-signing-secret";
    static final String WEBHOOK_TOLERANCE = "webhook-tolerance";

    /** The replay window used when none is configured. */
    public static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofMinutes(5);

    /** The keys of a Zendesk account. */
    public static final ConfigSpec SPEC = ConfigSpec.builder()
            .define(ConfigKey.string(SUBDOMAIN).required()
                    .validator(ConfigValidator.pattern("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?",
                            "a Zendesk subdomain such as acme (the part before .zendesk.com)"))
                    .doc("The account's subdomain: the API is https://{subdomain}.zendesk.com unless base-url is set."))
            .define(ConfigKey.url(BASE_URL)
                    .doc("Overrides https://{subdomain}.zendesk.com as the API origin (sandbox simulator, tests, proxies)."))
            .define(ConfigKey.string(EMAIL)
                    .validator(ConfigValidator.pattern("[^@\\s]+@[^@\\s]+", "an email address"))
                    .doc("Email of the agent the API token belongs to; with api-token the connector authenticates with "
                            + "HTTP Basic {email}/token:{api-token}."))
            .define(ConfigKey.string(API_TOKEN).secret()
                    .doc("Zendesk API token (Admin Center > Apps and integrations > APIs). Needs email; set either "
                            + "api-token or oauth-token."))
            .define(ConfigKey.string(OAUTH_TOKEN).secret()
                    .doc("OAuth access token sent as Authorization: Bearer; set either oauth-token or email + api-token."))
            .define(ConfigKey.string(WEBHOOK_SIGNING_SECRET).secret()
                    .doc("The webhook's signing secret, the key of X-Zendesk-Webhook-Signature. Without it every "
                            + "webhook is rejected as unverified."))
            .define(ConfigKey.duration(WEBHOOK_TOLERANCE).defaultValue("5m")
                    .validator(value -> !((Duration) value).isNegative() && !((Duration) value).isZero()
                            && ((Duration) value).compareTo(Duration.ofHours(1)) <= 0
                            ? Optional.empty() : Optional.of("be a positive duration of at most 1h"))
                    .doc("Replay window: a webhook whose X-Zendesk-Webhook-Signature-Timestamp lies further than this "
                            + "from its arrival is rejected."))
            .build();

    public ZendeskConfig {
        requireNonNull(subdomain, "subdomain is null");
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(authorization, "authorization is null");
        requireNonNull(authMode, "authMode is null");
        requireNonNull(webhookTolerance, "webhookTolerance is null");
    }

    /**
     * Reads a configuration validated against {@link #SPEC}.
     *
     * @throws ConnectorException {@code CONFIG} when not exactly one auth mode is configured (names the keys, never values)
     */
    public static ZendeskConfig from(ConnectorConfig config) {
        String subdomain = config.string(SUBDOMAIN).toLowerCase(Locale.ROOT);
        Optional<Secret> apiToken = config.optionalSecret(API_TOKEN);
        Optional<Secret> oauthToken = config.optionalSecret(OAUTH_TOKEN);
        Optional<String> email = config.optionalString(EMAIL);
        if (apiToken.isPresent() == oauthToken.isPresent()) {
            throw ConnectorException.of(ErrorCategory.CONFIG, "zendesk: set exactly one of '" + API_TOKEN + "' (with '"
                    + EMAIL + "') or '" + OAUTH_TOKEN + "', but " + (apiToken.isPresent() ? "both" : "neither") + " were set");
        }
        Secret authorization;
        String mode;
        if (apiToken.isPresent()) {
            if (email.isEmpty()) {
                throw ConnectorException.of(ErrorCategory.CONFIG, "zendesk: '" + API_TOKEN + "' needs '" + EMAIL
                        + "' (Basic auth is {email}/token:{api-token})");
            }
            String credentials = email.get() + "/token:" + apiToken.get().reveal();
            authorization = Secret.of("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            mode = "basic";
        } else {
            authorization = Secret.of("Bearer " + oauthToken.get().reveal());
            mode = "bearer";
        }
        return new ZendeskConfig(
                subdomain,
                config.optionalUrl(BASE_URL).orElse(URI.create("https://" + subdomain + ".zendesk.com")),
                authorization,
                mode,
                config.optionalSecret(WEBHOOK_SIGNING_SECRET).orElse(null),
                config.duration(WEBHOOK_TOLERANCE));
    }

    /** {@code {base-url}/api/v2/} followed by the given path segments. */
    public HttpUrl.Builder api(String... segments) {
        HttpUrl.Builder builder = HttpUrl.get(baseUrl.toString()).newBuilder().addPathSegment("api").addPathSegment("v2");
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    @Override
    public String toString() {
        return "ZendeskConfig[subdomain=" + subdomain + ", baseUrl=" + baseUrl + ", auth=" + authMode
                + ", authorization=******, webhookSigningSecret=" + (webhookSigningSecret == null ? "none" : "******")
                + ", webhookTolerance=" + webhookTolerance + "]";
    }
}

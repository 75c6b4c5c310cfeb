package dev.omnigate.connector.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.testkit.TestConnectorContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The GraphQL envelope and error mapping of {@link ShopifyClient}, over real HTTP against WireMock. */
final class ShopifyClientTest {

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String TOKEN = "shpat_client_test_91f2";
    private static final String PATH = "/admin/api/2025-01/graphql.json";

    private ShopifyClient client;

    @BeforeEach
    void setUp() {
        ShopifyConfig config = ShopifyConfig.from(ShopifyConfig.SPEC.validate(Map.of("shop-domain", "acme.myshopify.com",
                "access-token", TOKEN, "api-version", "2025-01", "base-url", WIREMOCK.baseUrl())).orElseThrow());
        client = new ShopifyClient(config, TestConnectorContext.of("shop-a"));
    }

    private ConnectorException failureFor(ResponseDefinitionBuilder answer) {
        WIREMOCK.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer));
        Throwable thrown = catchThrowable(() -> client.execute(CallContext.withTimeout("shop-a", Duration.ofSeconds(5)),
                ShopifyQueries.HEALTH, Map.of()));
        assertThat(thrown).isInstanceOf(ConnectorException.class);
        ConnectorException e = (ConnectorException) thrown;
        assertThat(e.getMessage()).startsWith("shopify ShopifyHealth: ").doesNotContain(TOKEN);
        return e;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void postsTheDocumentWithVariablesAndTheAccessToken() {
        WIREMOCK.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"data\":{\"shop\":{\"name\":\"Acme\"}},"
                + "\"extensions\":{\"cost\":{\"requestedQueryCost\":1,\"actualQueryCost\":1,"
                + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1999,\"restoreRate\":100.0}}}}")));
        ShopifyClient.Answer answer = client.execute(CallContext.withTimeout("shop-a", Duration.ofSeconds(5)),
                ShopifyQueries.CUSTOMER_SEARCH, Map.of("first", 2, "query", "email:\"ava.chen@example.com\""));
        assertThat(answer.data().path("shop").path("name").asString()).isEqualTo("Acme");
        assertThat(answer.cost().throttle()).contains(new ShopifyClient.ThrottleStatus(2000, 1999, 100));
        assertThat(client.lastThrottle()).contains(new ShopifyClient.ThrottleStatus(2000, 1999, 100));
        WIREMOCK.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.operationName", equalTo("ShopifyCustomerSearch")))
                .withRequestBody(matchingJsonPath("$.query", equalTo(ShopifyQueries.CUSTOMER_SEARCH.text())))
                .withRequestBody(matchingJsonPath("$.variables", equalToJson(
                        "{\"first\":2,\"query\":\"email:\\\"ava.chen@example.com\\\"\"}"))));
    }

    @Test
    void throttledIsRateLimitedWithRetryAfterFromTheRestoreRate() {
        ConnectorException e = failureFor(json(200, ShopifyConnectorContractTest.THROTTLED_BODY));
        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.vendorCode()).contains("THROTTLED");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)); // ceil((752 - 100) / 100)
        assertThat(e.getMessage()).contains("requested 752 points, 100 of 2000 available, restoring 100/s");
    }

    @ParameterizedTest(name = "requested {0}, available {1}, restore {2}/s -> {3} s")
    @CsvSource({"101, 0, 50, 3", "1000, 999, 100, 1", "1000, 900, 100, 1", "1000, 899.5, 100, 2", "50, 60, 100, 0",
        "2000, 0, 1000, 2"})
    void retryAfterIsTheTimeTheBucketNeedsRoundedUp(double requested, double available, double restoreRate, long seconds) {
        ShopifyClient.QueryCost cost = new ShopifyClient.QueryCost(requested, null,
                new ShopifyClient.ThrottleStatus(2000, available, restoreRate));
        assertThat(ShopifyClient.retryAfter(cost)).contains(Duration.ofSeconds(seconds));
    }

    @Test
    void withoutCostNumbersThrottlingFallsBackToRetryAfterHeader() {
        ConnectorException e = failureFor(aResponse().withStatus(429).withHeader("Retry-After", "2.0"));
        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aThrottled429BodyIsReadToo() {
        ConnectorException e = failureFor(json(429, ShopifyConnectorContractTest.THROTTLED_BODY).withHeader("Retry-After", "60"));
        assertThat(e.retryAfter()).as("the bucket numbers win over a coarse header").contains(Duration.ofSeconds(7));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"401, UNAUTHENTICATED", "403, PERMISSION_DENIED", "402, PERMISSION_DENIED", "423, PERMISSION_DENIED",
        "404, CONFIG", "400, BAD_REQUEST", "500, UNAVAILABLE", "502, UNAVAILABLE", "503, UNAVAILABLE", "504, TIMEOUT"})
    void httpStatusesMapToCategories(int status, ErrorCategory category) {
        assertThat(failureFor(json(status, "{\"errors\":\"Not here\"}")).category()).isEqualTo(category);
    }

    @Test
    void the401BodyOfARejectedTokenIsShown() {
        ConnectorException e = failureFor(json(401,
                "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")
                .withHeader("X-Request-Id", "4c1b6d2e-9f0a"));
        assertThat(e.getMessage()).isEqualTo("shopify ShopifyHealth: HTTP 401 - [API] Invalid API key or access token "
                + "(unrecognized login or wrong password)");
        assertThat(e.vendorRequestId()).contains("4c1b6d2e-9f0a");
    }

    @Test
    void frozenAndLockedShopsSayWhy() {
        assertThat(failureFor(json(402, "{\"errors\":\"Unavailable Shop\"}")).getMessage()).contains("frozen");
        assertThat(failureFor(json(423, "{\"errors\":\"Locked\"}")).getMessage()).contains("locked");
        assertThat(failureFor(json(404, "{\"errors\":\"Not Found\"}")).getMessage()).contains("API version");
    }

    @Test
    void a503RetryAfterIsParsed() {
        ConnectorException e = failureFor(aResponse().withStatus(503).withHeader("Retry-After", "5").withBody("<html>down</html>"));
        assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(e.getMessage()).doesNotContain("<html>");
    }

    @Test
    void accessDeniedInA200IsPermissionDenied() {
        ConnectorException e = failureFor(json(200, "{\"errors\":[{\"message\":\"Access denied for orders field. Required access: "
                + "`read_orders` access scope.\",\"extensions\":{\"code\":\"ACCESS_DENIED\","
                + "\"documentation\":\"https://shopify.dev/api/usage/access-scopes\"}}],\"data\":null}"));
        assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION_DENIED);
        assertThat(e.vendorCode()).contains("ACCESS_DENIED");
        assertThat(e.getMessage()).contains("read_orders");
    }

    @Test
    void maxCostExceededIsABadRequest() {
        ConnectorException e = failureFor(json(200, "{\"errors\":[{\"message\":\"Query cost is 1252, which exceeds the single "
                + "query max cost limit (1000).\",\"extensions\":{\"code\":\"MAX_COST_EXCEEDED\",\"cost\":1252,\"maxCost\":1000}}]}"));
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("1252");
    }

    @Test
    void theCapturedParseErrorIsABadRequestWhoseTextIsNotEchoed() {
        JsonNode captured = VendorSpecs.capture("2025-01__admin-platform__graphql-base-validation-unhappy-paths.json")
                .path("cases").path("invalidSyntax").path("response").path("payload");
        ConnectorException e = failureFor(json(200, captured.toString()));
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_REQUEST);
        assertThat(e.vendorCode()).contains("PARSE_ERROR");
        assertThat(e.getMessage()).isEqualTo("shopify ShopifyHealth: Shopify answered PARSE_ERROR")
                .as("validation texts may quote the query").doesNotContain("syntax error");
    }

    @Test
    void unknownCodesAndEnvelopesWithoutDataAreBadResponses() {
        assertThat(failureFor(json(200, "{\"errors\":[{\"message\":\"?\",\"extensions\":{\"code\":\"SOMETHING_NEW\"}}]}")).category())
                .isEqualTo(ErrorCategory.BAD_RESPONSE);
        assertThat(failureFor(json(200, "{\"data\":null}")).category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
        assertThat(failureFor(json(200, "[1,2]")).category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
        assertThat(failureFor(json(200, "{\"data\":{\"shop\":")).category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
    }

    @Test
    void anIgnoredSearchFieldIsRefusedRatherThanPassedOffAsAMatch() {
        // extensions.search warning shape of captures/2026-04__products__inventory-item-levels-connection-windowing-2026-04.json
        ConnectorException e = failureFor(json(200, "{\"data\":{\"orders\":{\"nodes\":[]}},\"extensions\":{\"search\":[{"
                + "\"path\":[\"orders\"],\"query\":\"colour:red\",\"parsed\":{\"field\":\"colour\",\"match_all\":\"red\"},"
                + "\"warnings\":[{\"field\":\"colour\",\"message\":\"Invalid search field for this query.\",\"code\":\"invalid_field\"}]}]}}"));
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_REQUEST);
        assertThat(e.getMessage()).contains("'colour'");
    }

    @Test
    void aClosedClientRefusesWithoutCallingShopify() {
        client.close();
        Throwable thrown = catchThrowable(() -> client.execute(CallContext.withTimeout("shop-a", Duration.ofSeconds(5)),
                ShopifyQueries.HEALTH, Map.of()));
        assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNAVAILABLE));
        assertThat(WIREMOCK.getAllServeEvents()).isEmpty();
    }
}

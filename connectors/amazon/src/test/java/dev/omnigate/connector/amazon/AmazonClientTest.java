package dev.omnigate.connector.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.testkit.TestConnectorContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token reuse and the stale-token retry, retry hints of SP-API's 429, and client-side pacing. */
final class AmazonClientTest {

    private static final LwaStub LWA = new LwaStub(AmazonConnectorContractTest.REFRESH_TOKEN, AmazonConnectorContractTest.CLIENT_ID,
            AmazonConnectorContractTest.CLIENT_SECRET, AmazonStubs.ACCESS_TOKEN);
    private static WireMockServer spApi;

    @BeforeAll
    static void start() {
        spApi = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        spApi.start();
    }

    @AfterAll
    static void stop() {
        spApi.stop();
        LWA.close();
    }

    @AfterEach
    void reset() {
        spApi.resetAll();
        LWA.server().resetRequests();
    }

    private static Connector connector(Map<String, Object> overrides) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("endpoint", spApi.baseUrl());
        raw.put("lwa-endpoint", LWA.tokenUrl());
        raw.put("client-id", AmazonConnectorContractTest.CLIENT_ID);
        raw.put("client-secret", AmazonConnectorContractTest.CLIENT_SECRET);
        raw.put("refresh-token", AmazonConnectorContractTest.REFRESH_TOKEN);
        raw.put("seller-id", AmazonStubs.SELLER_ID);
        raw.putAll(overrides);
        return new AmazonConnectorFactory().create(AmazonConfig.SPEC.validate(raw).orElseThrow(), TestConnectorContext.of("client-test"));
    }

    private static CallContext call() {
        return CallContext.withTimeout("client-test", Duration.ofSeconds(10));
    }

    private static void participations(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        spApi.stubFor(get(urlPathEqualTo(AmazonStubs.PARTICIPATIONS_PATH)).willReturn(answer));
    }

    private static final String PARTICIPATION = "{\"payload\":[{\"marketplace\":{\"id\":\"ATVPDKIKX0DER\",\"name\":\"Amazon.com\","
            + "\"countryCode\":\"US\"},\"storeName\":\"S\",\"participation\":{\"isParticipating\":true,\"hasSuspendedListings\":false}}]}";

    @Test
    void theCachedTokenServesLaterCallsAndA403OnItRefreshesOnceAndRetriesOnce() {
        spApi.stubFor(get(urlPathEqualTo(AmazonStubs.PARTICIPATIONS_PATH)).inScenario("revoked").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AmazonStubs.ok(AmazonStubs.read(PARTICIPATION))).willSetStateTo("one call done"));
        spApi.stubFor(get(urlPathEqualTo(AmazonStubs.PARTICIPATIONS_PATH)).inScenario("revoked").whenScenarioStateIs("one call done")
                .willReturn(AmazonStubs.error(403, "Unauthorized", "Access to requested resource is denied.")).willSetStateTo("revoked"));
        spApi.stubFor(get(urlPathEqualTo(AmazonStubs.PARTICIPATIONS_PATH)).inScenario("revoked").whenScenarioStateIs("revoked")
                .willReturn(AmazonStubs.ok(AmazonStubs.read(PARTICIPATION))));
        try (Connector connector = connector(Map.of())) {
            assertThat(connector.locations().orElseThrow().listAll(call())).hasSize(1);
            assertThat(connector.locations().orElseThrow().listAll(call())).hasSize(1);
        }
        LWA.server().verify(2, postRequestedFor(urlPathEqualTo(LwaStub.PATH)));
        spApi.verify(3, getRequestedFor(urlPathEqualTo(AmazonStubs.PARTICIPATIONS_PATH)));
    }

    @Test
    void a403OnAFreshTokenIsNotRetried() {
        participations(AmazonStubs.error(403, "Unauthorized", "Access to requested resource is denied."));
        try (Connector connector = connector(Map.of())) {
            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> connector.locations().orElseThrow().listAll(call()));
            assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION_DENIED);
            assertThat(e.vendorCode()).contains("Unauthorized");
        }
        LWA.server().verify(1, postRequestedFor(urlPathEqualTo(LwaStub.PATH)));
        spApi.verify(1, getRequestedFor(urlPathEqualTo(AmazonStubs.PARTICIPATIONS_PATH)));
    }

    @Test
    void a429WithoutRateHeaderHintsOneIntervalOfTheConfiguredRate() {
        participations(AmazonStubs.error(429, "QuotaExceeded", "You exceeded your quota for the requested resource."));
        try (Connector connector = connector(Map.of("get-marketplace-participations-rate", "0.25"))) {
            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> connector.locations().orElseThrow().listAll(call()));
            assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(4));
            assertThat(e.vendorRequestId()).isPresent();
        }
    }

    @Test
    void rateLimitHeaderBecomesTheHint() {
        assertThat(AmazonClient.rateLimitInterval("0.0056")).contains(Duration.ofMillis(178572));
        assertThat(AmazonClient.rateLimitInterval("0.5")).contains(Duration.ofSeconds(2));
        assertThat(AmazonClient.rateLimitInterval("garbage")).isEmpty();
    }

    @Test
    void pacingFailsFastWhenTheNextTokenIsBeyondTheDeadline() {
        participations(AmazonStubs.ok(AmazonStubs.read(PARTICIPATION)));
        try (Connector connector = connector(Map.of("get-marketplace-participations-rate", "0.01",
                "get-marketplace-participations-burst", "2"))) {
            connector.locations().orElseThrow().listAll(call());
            connector.locations().orElseThrow().listAll(call());
            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> connector.locations().orElseThrow().listAll(call()));
            assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
            assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(100)));
        }
        spApi.verify(2, getRequestedFor(urlPathEqualTo(AmazonStubs.PARTICIPATIONS_PATH)));
    }

    @Test
    void pacingWaitsForTheNextTokenWithinTheDeadline() {
        participations(AmazonStubs.ok(AmazonStubs.read(PARTICIPATION)));
        RateLimiter limiter = new RateLimiter("unit", new BigDecimal("20"), 1);
        limiter.acquire(call());
        long started = System.nanoTime();
        limiter.acquire(call());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    }

    @Test
    void lwaRefusalIsUnauthenticatedWithoutTheSecrets() {
        try (Connector connector = connector(Map.of("client-secret", "amzn-wrong-client-secret-13"))) {
            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> connector.locations().orElseThrow().listAll(call()));
            assertThat(e.category()).isEqualTo(ErrorCategory.UNAUTHENTICATED);
            assertThat(e.getMessage()).contains("client-test").doesNotContain("amzn-wrong-client-secret-13")
                    .doesNotContain(AmazonConnectorContractTest.REFRESH_TOKEN);
        }
        spApi.verify(0, getRequestedFor(urlPathEqualTo(AmazonStubs.PARTICIPATIONS_PATH)));
    }
}

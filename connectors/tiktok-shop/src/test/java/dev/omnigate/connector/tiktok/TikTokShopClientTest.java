package dev.omnigate.connector.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.connector.toolkit.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/** Token refresh, shop cipher discovery and refusals of the client, against WireMock. */
class TikTokShopClientTest {

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    /** AuthRefreshTokenResponse.json's access token (the refreshed one). */
    private static final String REFRESHED = "ROW_Fw8rBwAAAAAkW03FYd09DG-9INtpw361hWthei8S3fHX8iPJ5AUv99fLSCYD9-UucaqxTgNRzKZxi5-tfFMtdWqglEt5_iCk";

    private Connector connector(Map<String, Object> extra) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("base-url", WIREMOCK.baseUrl());
        raw.put("auth-base-url", WIREMOCK.baseUrl() + "/api/v2");
        raw.put("app-key", FakeTikTokShop.APP_KEY);
        raw.put("app-secret", FakeTikTokShop.APP_SECRET);
        raw.put("access-token", FakeTikTokShop.ACCESS_TOKEN);
        raw.put("refresh-token", FakeTikTokShop.REFRESH_TOKEN);
        raw.putAll(extra);
        TikTokShopConnectorFactory factory = new TikTokShopConnectorFactory();
        return factory.create(factory.descriptor().configSpec().validate(raw).orElseThrow(), TestConnectorContext.of("client-test"));
    }

    private static CallContext call() {
        return CallContext.withTimeout("client-test", Duration.ofSeconds(10));
    }

    /** The refresh sample with an expiry a week ahead (the sample's 2022 timestamp has passed). */
    private static byte[] refreshAnswer() {
        ObjectNode answer = VendorSpecs.api("AuthRefreshTokenResponse.json");
        ((ObjectNode) answer.get("data")).put("access_token_expire_in", Instant.now().plus(Duration.ofDays(7)).getEpochSecond());
        return Json.mapper().writeValueAsBytes(answer);
    }

    private static void stubWarehousesAndShops() {
        WIREMOCK.stubFor(get(urlPathEqualTo(TikTokShopClient.SHOPS_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(VendorSpecs.bytes(VendorSpecs.apiSample("AuthorizationGetShopsResponse.json")))));
        WIREMOCK.stubFor(get(urlPathEqualTo(TikTokShopLocationReader.PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(VendorSpecs.bytes(VendorSpecs.apiSample("LogisticsGetWarehousesResponse.json")))));
    }

    @Test
    void concurrentCallsRefreshTheTokenAndDiscoverTheCipherOnce() throws Exception {
        stubWarehousesAndShops();
        WIREMOCK.stubFor(get(urlPathEqualTo("/api/v2/token/refresh")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(refreshAnswer())));
        // expires in one minute: inside the five-minute refresh margin
        Connector connector = connector(Map.of("access-token-expires-at", Instant.now().plusSeconds(60).getEpochSecond()));
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Location>>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return connector.locations().orElseThrow().listAll(call());
                }));
            }
            start.countDown();
            for (Future<List<Location>> result : results) {
                assertThat(result.get()).hasSize(1);
            }
        }
        WIREMOCK.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/token/refresh"))
                .withQueryParam("grant_type", equalTo("refresh_token"))
                .withQueryParam("refresh_token", equalTo(FakeTikTokShop.REFRESH_TOKEN))
                .withQueryParam("app_key", equalTo(FakeTikTokShop.APP_KEY)));
        WIREMOCK.verify(1, getRequestedFor(urlPathEqualTo(TikTokShopClient.SHOPS_PATH)));
        WIREMOCK.verify(callers, getRequestedFor(urlPathEqualTo(TikTokShopLocationReader.PATH))
                .withHeader(TikTokShopClient.ACCESS_TOKEN_HEADER, equalTo(REFRESHED))
                .withQueryParam("shop_cipher", equalTo("GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3")));
        connector.close();
    }

    @Test
    void aTokenTikTokReportsExpiredIsRefreshedOnceAndTheCallRetried() {
        stubWarehousesAndShops();
        WIREMOCK.stubFor(get(urlPathEqualTo(TikTokShopLocationReader.PATH))
                .withHeader(TikTokShopClient.ACCESS_TOKEN_HEADER, equalTo(FakeTikTokShop.ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        // code and text quoted in PROTOCOLS.md's sources for an expired token [3rd]
                        .withBody("{\"code\":105002,\"message\":\"access token is expired, please refresh it\",\"request_id\":\"1\",\"data\":{}}")));
        WIREMOCK.stubFor(get(urlPathEqualTo("/api/v2/token/refresh")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(refreshAnswer())));
        Connector connector = connector(Map.of("shop-cipher", "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3"));
        assertThat(connector.locations().orElseThrow().listAll(call())).hasSize(1);
        WIREMOCK.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/token/refresh")));
        WIREMOCK.verify(0, getRequestedFor(urlPathEqualTo(TikTokShopClient.SHOPS_PATH)));
        connector.close();
    }

    @Test
    void aRejectedSignatureIsUnauthenticatedNamingTheCauseNotTheSecret() {
        WIREMOCK.stubFor(get(urlPathEqualTo(TikTokShopLocationReader.PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":106001,\"message\":\"Invalid credentials. The 'sign' query parameter is invalid.\","
                        + "\"request_id\":\"2024\",\"data\":{}}")));
        Connector connector = connector(Map.of("shop-cipher", "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3"));
        Throwable thrown = catchThrowable(() -> connector.locations().orElseThrow().listAll(call()));
        assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.UNAUTHENTICATED);
            assertThat(e.getMessage()).contains("signature").contains("106001")
                    .doesNotContain(FakeTikTokShop.APP_SECRET).doesNotContain(FakeTikTokShop.APP_KEY)
                    .doesNotContain(FakeTikTokShop.ACCESS_TOKEN).doesNotContain("GCP_XF90");
            assertThat(e.vendorRequestId()).contains("2024");
        });
        connector.close();
    }

    @Test
    void severalAuthorisedShopsWithoutShopIdIsAConfigError() {
        ObjectNode shops = VendorSpecs.api("AuthorizationGetShopsResponse.json");
        var list = (tools.jackson.databind.node.ArrayNode) shops.get("data").get("shops");
        list.add(((ObjectNode) list.get(0).deepCopy()).put("id", "7000714532876273421").put("cipher", "GCP_other"));
        WIREMOCK.stubFor(get(urlPathEqualTo(TikTokShopClient.SHOPS_PATH)).willReturn(okJson(shops.toString())));
        Connector connector = connector(Map.of());
        Throwable thrown = catchThrowable(() -> connector.locations().orElseThrow().listAll(call()));
        assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG);
            assertThat(e.getMessage()).contains("2 shops").contains("shop-id");
        });
        connector.close();
    }

    @Test
    void searchingByBuyerEmailIsRefusedWithoutACall() {
        Connector connector = connector(Map.of("shop-cipher", "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3"));
        Throwable thrown = catchThrowable(() -> connector.orders().orElseThrow()
                .search(call(), OrderQuery.byBuyerEmail("v2b2v5@chat.seller.tiktok.com"), PageRequest.first(10)));
        assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNSUPPORTED));
        assertThat(WIREMOCK.getAllServeEvents()).isEmpty();
        connector.close();
    }
}

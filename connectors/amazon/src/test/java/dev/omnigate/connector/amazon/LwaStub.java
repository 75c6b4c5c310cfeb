package dev.omnigate.connector.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Login with Amazon on its own WireMock server (LWA is another host than SP-API: api.amazon.com), answering the
 * refresh-token grant as PROTOCOLS.md §2 "Authentication" describes ({@code access_token}, {@code token_type},
 * {@code expires_in}); any other refresh token gets LWA's {@code invalid_grant}.
 */
final class LwaStub implements AutoCloseable {

    static final String PATH = "/auth/o2/token";

    private final WireMockServer server;

    LwaStub(String refreshToken, String clientId, String clientSecret, String accessToken) {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(5).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_description\":\"The request has an invalid grant parameter : refresh_token\",\"error\":\"invalid_grant\"}")));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + java.net.URLEncoder.encode(refreshToken, java.nio.charset.StandardCharsets.UTF_8)))
                .withRequestBody(containing("client_id=" + clientId))
                .withRequestBody(containing("client_secret=" + clientSecret))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken
                                + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    }

    String tokenUrl() {
        return server.baseUrl() + PATH;
    }

    WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}

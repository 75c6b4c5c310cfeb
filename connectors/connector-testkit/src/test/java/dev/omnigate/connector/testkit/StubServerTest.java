package dev.omnigate.connector.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.toolkit.http.HttpCalls;
import dev.omnigate.connector.toolkit.http.HttpClients;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dynamic stubs build answers from requests, and a broken handler is reported instead of passing as a 500. */
final class StubServerTest {

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new DynamicResponses())).build();

    private StubServer server;

    @BeforeEach
    void setUp() {
        server = new StubServer(WIREMOCK);
        server.clearHandlerFailures();
    }

    private VendorResponse post(String body) {
        Request request = new Request.Builder().url(server.baseUrl() + "/echo")
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        return HttpCalls.execute(HttpClients.shared(), request, CallContext.withTimeout("a", Duration.ofSeconds(5)), "test echo");
    }

    @Test
    void answersAreBuiltFromTheRequest() {
        server.respond(WireMock.post(urlPathEqualTo("/echo")), request -> okJson("{\"got\":" + request.getBodyAsString() + "}"));
        assertThat(post("[1,2,3]").bodyText()).isEqualTo("{\"got\":[1,2,3]}");
        assertThat(post("\"x\"").bodyText()).isEqualTo("{\"got\":\"x\"}");
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(server.handlerFailures()).isEmpty();
    }

    @Test
    void aThrowingHandlerIsRecorded() {
        server.respond(WireMock.post(urlPathEqualTo("/echo")), request -> {
            throw new IllegalStateException("fixture bug");
        });
        VendorResponse response = post("{}");
        assertThat(response.status()).isEqualTo(500);
        assertThat(server.handlerFailures()).singleElement().asString().contains("fixture bug").contains("/echo");
    }

    @Test
    void resetsClearStubsAndJournalSeparately() {
        server.respond(WireMock.post(urlPathEqualTo("/echo")), request -> okJson("{}"));
        post("{}");
        server.resetRequests();
        assertThat(server.requestCount()).isZero();
        assertThat(post("{}").status()).isEqualTo(200);
        server.resetStubs();
        assertThat(post("{}").status()).isEqualTo(404);
        assertThat(server.requestCount()).isEqualTo(2);
    }
}

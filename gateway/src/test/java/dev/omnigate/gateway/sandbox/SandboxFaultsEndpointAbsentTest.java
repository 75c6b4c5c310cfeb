package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With sandbox mode off (fake accounts) the fault admin endpoint does not exist: every method answers 404. */
@GatewayTest
final class SandboxFaultsEndpointAbsentTest {

    @LocalServerPort
    int port;

    @Test
    void faultEndpointIsA404WhenSandboxModeIsOff() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String[] call : new String[][] {{"GET", "/sandbox/faults"}, {"PUT", "/sandbox/faults/shopify"}, {"DELETE", "/sandbox/faults"}}) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call[1])).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                        .header("Content-Type", "application/json")
                        .method(call[0], HttpRequest.BodyPublishers.ofString(call[0].equals("PUT") ? "{\"down\": true}" : "")).build();
                assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
            }
        }
    }
}

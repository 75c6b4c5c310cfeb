package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * With {@code management.server.port} set, the actuator (Prometheus included) moves to a port of its own that the
 * network protects: open there, still {@code admin}-only (and absent) on the main port.
 */
@Import(FakeWorld.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=false",
        "omnigate.stores-dir=target/no-store-files",
        "management.server.port=0",
        "management.server.address=127.0.0.1"
})
final class ManagementPortTest {

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    private HttpResponse<String> get(int on, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path)).GET();
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusIsOpenOnTheManagementPortOnly() throws Exception {
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus", null);
        HttpResponse<String> mainPort = get(port, "/actuator/prometheus", TestClients.CATALOG_KEY);

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("omnigate_auth_requests_total");
        assertThat(mainPort.statusCode()).isIn(403, 404);
        assertThat(get(port, "/graphql", null).statusCode()).as("the main port still needs a client").isIn(401, 405);
    }
}

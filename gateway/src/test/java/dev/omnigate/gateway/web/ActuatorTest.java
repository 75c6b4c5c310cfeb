package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /actuator/health with one contributor per connector account, probes, and the Prometheus endpoint. */
@GatewayTest
final class ActuatorTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", TestClients.bearer(TestClients.ALL_KEY)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void restore() {
        FakeWorld.accounts().forEach(account -> account.health(HealthReport.up("fake account answers")));
    }

    @Test
    void healthHasOneContributorPerAccountWithFactsAndNoSecrets() throws Exception {
        FakeWorld.SHOP.account("shop-eu").health(HealthReport.degraded("throttled: 12 of 2000 points left"));

        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> accounts = JsonPath.read(response.body(), "$.components.connectors.components");
        assertThat(accounts).containsOnlyKeys("amazon-us", "desk", "pos-main", "shop-eu", "shop-us");
        Map<String, Object> shopUs = JsonPath.read(response.body(), "$.components.connectors.components.shop-us");
        assertThat(shopUs).containsEntry("status", "UP");
        assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$.components.connectors.components.shop-us.details"))
                .containsEntry("connector", "fake-shop").containsEntry("channel", "SHOPIFY").containsEntry("store", "acme")
                .containsEntry("message", "fake account answers")
                .containsKey("capabilities");
        assertThat(JsonPath.<String>read(response.body(), "$.components.connectors.components.shop-eu.status")).isEqualTo("DEGRADED");
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("DEGRADED");
        assertThat(response.body()).doesNotContain("s3cr3t-shop-us-token");
    }

    @Test
    void aDownAccountMakesHealthDownButNotTheProbes() throws Exception {
        FakeWorld.DESK.account("desk").health(HealthReport.down("helpdesk unreachable"));

        assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
        assertThat(JsonPath.<String>read(get("/actuator/health").body(), "$.components.connectors.components.desk.details.message"))
                .isEqualTo("helpdesk unreachable");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusExposesConnectorCallTimers() throws Exception {
        HttpRequest query = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ locations { name } }\"}")).build();
        assertThat(http.send(query, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        List<String> lines = metrics.body().lines().filter(line -> line.startsWith("omnigate_connector_calls_seconds_count")).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("account=\"shop-us\"", "operation=\"locations.listAll\"", "outcome=\"SUCCESS\""));
    }
}

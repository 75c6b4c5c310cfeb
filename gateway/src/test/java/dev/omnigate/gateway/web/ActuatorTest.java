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

/** /actuator/health with every connector account's status and facts, probes, and the Prometheus endpoint. */
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
    void healthListsEveryAccountWithFactsAndNoSecrets() throws Exception {
        FakeWorld.SHOP.account("shop-eu").health(HealthReport.degraded("throttled: 12 of 2000 points left"));

        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> accounts = JsonPath.read(response.body(), "$.components.connectors.details");
        assertThat(accounts).containsOnlyKeys("amazon-us", "desk", "pos-main", "shop-eu", "shop-us");
        assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$.components.connectors.details.shop-us"))
                .containsEntry("status", "UP")
                .containsEntry("connector", "fake-shop").containsEntry("channel", "SHOPIFY").containsEntry("store", "acme")
                .containsEntry("message", "fake account answers")
                .containsKey("capabilities");
        assertThat(JsonPath.<String>read(response.body(), "$.components.connectors.details.shop-eu.status")).isEqualTo("DEGRADED");
        assertThat(JsonPath.<String>read(response.body(), "$.components.connectors.status")).isEqualTo("DEGRADED");
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("DEGRADED");
        assertThat(response.body()).doesNotContain("s3cr3t-shop-us-token");
    }

    @Test
    void everyAccountUpMakesTheConnectorsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.components.connectors.status")).isEqualTo("UP");
    }

    @Test
    void aDownAccountIsReportedDownWhileTheGatewayStaysDegradedAndTheProbesUp() throws Exception {
        FakeWorld.DESK.account("desk").health(HealthReport.down("helpdesk unreachable"));
        FakeWorld.POS.account("pos-main").health(HealthReport.down("POS unreachable"));

        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).as("a vendor outage is not the gateway's: HTTP 200").isEqualTo(200);
        assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("DEGRADED");
        assertThat(JsonPath.<String>read(health.body(), "$.components.connectors.status")).isEqualTo("DEGRADED");
        assertThat(JsonPath.<String>read(health.body(), "$.components.connectors.details.desk.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(health.body(), "$.components.connectors.details.desk.message")).isEqualTo("helpdesk unreachable");
        assertThat(JsonPath.<String>read(health.body(), "$.components.connectors.details.pos-main.status")).isEqualTo("DOWN");
        assertThat(JsonPath.<String>read(health.body(), "$.components.connectors.details.shop-us.status")).isEqualTo("UP");
        assertThat(get("/actuator/health/connectors").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void everyAccountDownStillAnswers200WithTheDetailsOnlyForAdmins() throws Exception {
        FakeWorld.accounts().forEach(account -> account.health(HealthReport.down("vendor unreachable")));

        HttpResponse<String> admin = get("/actuator/health");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(admin.body(), "$.status")).isEqualTo("DEGRADED");
        assertThat(JsonPath.<Map<String, Object>>read(admin.body(), "$.components.connectors.details")).hasSize(5)
                .allSatisfy((account, facts) -> assertThat(facts).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("status", "DOWN"));
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("DEGRADED").doesNotContain("connectors").doesNotContain("vendor unreachable");
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

package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.faults.FaultControls;
import dev.omnigate.simulator.faults.FaultSettings;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /sandbox/faults} in sandbox mode, over real HTTP, with GraphQL requests over HTTP through the real
 * connectors to the simulators. The entity cache and the breaker are off here so every query reaches the simulators
 * and a healed vendor answers at once (their behaviour under faults has its own tests).
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s",
        "omnigate.cache.enabled=false",
        "omnigate.resilience.breaker.enabled=false",
        "omnigate.resilience.retry.max-attempts=1"
})
@SuppressWarnings("unchecked")
final class SandboxFaultsAdminTest {

    private static final String AVA = """
            { customer360(email: "ava.chen@example.com") {
                displayName
                identities { source { connector } }
                orders(first: 50) { nodes { source { channel connector } } }
                tickets(first: 10) { nodes { subject } }
            } }
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    HttpClient http;
    FaultControls faults;
    DemoWorld world;

    @BeforeEach
    void setUp() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        faults = sandboxSource.sandbox().faults();
        world = sandboxSource.sandbox().world();
    }

    @AfterEach
    void heal() throws Exception {
        assertThat(send("DELETE", "/sandbox/faults", null).statusCode()).isEqualTo(204);
        http.close();
    }

    @Test
    void getListsEveryVendorAndPutReplacesOneVendorsSettings() throws Exception {
        faults.set(Sandbox.ZENDESK, FaultSettings.latency(5));
        HttpResponse<String> listed = send("GET", "/sandbox/faults", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Map<String, Object>>read(listed.body(), "$.vendors")).containsOnlyKeys(FaultControls.VENDORS);
        assertThat(JsonPath.<Integer>read(listed.body(), "$.vendors.zendesk.latencyMs")).isEqualTo(5);

        HttpResponse<String> put = send("PUT", "/sandbox/faults/amazon", "{\"latencyMs\": 50, \"errorRate\": 0.2, \"status\": 503}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(faults.settings(Sandbox.AMAZON)).isEqualTo(FaultSettings.NONE.withLatency(50, 0).withErrors(0.2, 503));
        assertThat(JsonPath.<Double>read(put.body(), "$.errorRate")).isEqualTo(0.2);
        assertThat(JsonPath.<Integer>read(send("GET", "/sandbox/faults", null).body(), "$.vendors.amazon.latencyMs")).isEqualTo(50);
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() throws Exception {
        assertBadRequest("/sandbox/faults/ebay", "{\"down\": true}", "vendor");
        assertBadRequest("/sandbox/faults/shopify", "{\"errorRate\": 1.5}", "errorRate");
        assertBadRequest("/sandbox/faults/shopify", "{\"errorRate\": \"often\"}", "errorRate");
        assertBadRequest("/sandbox/faults/shopify", "{\"latencyMs\": -1}", "latencyMs");
        assertBadRequest("/sandbox/faults/shopify", "{\"latencyMs\": 2.5}", "latencyMs");
        assertBadRequest("/sandbox/faults/shopify", "{\"latency\": 50}", "latency");
        assertBadRequest("/sandbox/faults/shopify", "{\"status\": 404, \"errorRate\": 1}", "status");
        assertBadRequest("/sandbox/faults/shopify", "{\"down\": \"yes\"}", "down");
        assertBadRequest("/sandbox/faults/shopify", "[1, 2]", "body");
        assertBadRequest("/sandbox/faults/shopify", "{not json", "body");
        assertBadRequest("/sandbox/faults/shopify", null, "body");

        assertThat(faults.settings(Sandbox.SHOPIFY)).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void addedLatencyIsPaidOncePerSequentialUpstreamLevel() throws Exception {
        // Zendesk takes part in two sequential levels of a customer-360: the user search by e-mail, then that user's
        // tickets (which need the user id the search returned)
        long latencyMs = 300;
        assertThat(send("PUT", "/sandbox/faults/zendesk", "{\"latencyMs\": " + latencyMs + "}").statusCode()).isEqualTo(200);
        long before = faults.requests(Sandbox.ZENDESK);

        long started = System.nanoTime();
        HttpResponse<String> answer = graphql(AVA);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(errors(answer)).isEmpty();
        assertThat(JsonPath.<List<?>>read(answer.body(), "$.data.customer360.tickets.nodes[*]")).isNotEmpty();
        assertThat(faults.requests(Sandbox.ZENDESK) - before).as("Zendesk requests of one customer-360").isGreaterThanOrEqualTo(2);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(2 * latencyMs);
    }

    @Test
    void oneVendorDownGivesPartialDataAndATypedUnavailableErrorUntilDeleteHeals() throws Exception {
        List<Order> avasPosOrders = world.ordersOf(DemoWorld.AVA_KEY).stream()
                .filter(order -> order.channel() == Channel.POS).toList();
        assertThat(avasPosOrders).as("the world gives Ava a POS order").isNotEmpty();
        assertThat(send("PUT", "/sandbox/faults/square", "{\"down\": true}").statusCode()).isEqualTo(200);

        HttpResponse<String> partial = graphql(AVA);

        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(partial.body(), "$.data.customer360.displayName")).isEqualTo("Ava Chen");
        assertThat(JsonPath.<List<String>>read(partial.body(), "$.data.customer360.orders.nodes[*].source.connector"))
                .contains("shopify").doesNotContain("square");
        List<Object> extensions = errors(partial).stream().<Object>map(error -> ((Map<?, ?>) error).get("extensions")).toList();
        assertThat(extensions).isNotEmpty().allSatisfy(ext -> assertThat((Map<String, Object>) ext)
                .containsEntry("code", "UNAVAILABLE").containsEntry("account", Sandbox.SQUARE_ACCOUNT).containsEntry("retryable", true));
        assertThat(faults.injected(Sandbox.SQUARE)).isPositive();

        assertThat(send("DELETE", "/sandbox/faults", null).statusCode()).isEqualTo(204);
        HttpResponse<String> healed = graphql(AVA);

        assertThat(errors(healed)).isEmpty();
        assertThat(JsonPath.<List<String>>read(healed.body(), "$.data.customer360.orders.nodes[*].source.connector"))
                .filteredOn("square"::equals).hasSize(avasPosOrders.size());
    }

    /** The answer's {@code errors}, empty when it has none. */
    private static List<Object> errors(HttpResponse<String> answer) {
        Object errors = JSON.readValue(answer.body(), Map.class).get("errors");
        return errors == null ? List.of() : (List<Object>) errors;
    }

    private void assertBadRequest(String path, String body, String field) throws Exception {
        HttpResponse<String> response = send("PUT", path, body);
        assertThat(response.statusCode()).as(path + " " + body).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.field")).as(body).isEqualTo(field);
        assertThat(JsonPath.<String>read(response.body(), "$.error")).as(body).startsWith(field + " ");
    }

    private HttpResponse<String> graphql(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", TestClients.bearer(TestClients.ALL_KEY)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox with zero configuration keeps working behind the door: its four documented demo keys each open what
 * their role needs and nothing more, over real HTTP against the simulators.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s"
})
final class SandboxSecurityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> graphql(String key, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String key, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theStorefrontKeyReadsTheCatalogueButNoPersonalData() throws Exception {
        HttpResponse<String> products = graphql(SandboxClients.FRONTEND_KEY, "{ products(skus: [\"OO-SDJ-GLA-M\"]) { sku availability { available } } }");
        HttpResponse<String> customer = graphql(SandboxClients.FRONTEND_KEY, "{ customer360(email: \"ava.chen@example.com\") { emails } }");

        assertThat(JsonPath.<String>read(products.body(), "$.data.products[0].sku")).isEqualTo("OO-SDJ-GLA-M");
        assertThat(JsonPath.<Object>read(customer.body(), "$.data.customer360")).isNull();
        assertThat(JsonPath.<String>read(customer.body(), "$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void theSupportKeyReadsAvasCustomer360WithOrdersAndTickets() throws Exception {
        HttpResponse<String> response = graphql(SandboxClients.SUPPORT_KEY, "{ customer360(email: \"ava.chen@example.com\") { displayName "
                + "orders(first: 10) { nodes { name } } tickets(first: 5) { nodes { subject } } metrics { orderCount } } }");

        assertThat(response.body()).doesNotContain("\"errors\"");
        assertThat(JsonPath.<String>read(response.body(), "$.data.customer360.displayName")).isEqualTo("Ava Chen");
        assertThat(JsonPath.<Integer>read(response.body(), "$.data.customer360.metrics.orderCount")).isEqualTo(6);
        assertThat(JsonPath.<List<?>>read(response.body(), "$.data.customer360.tickets.nodes")).hasSize(2);
    }

    @Test
    void thePartnerKeySeesOnlyItsSkusInWarehouses() throws Exception {
        HttpResponse<String> response = graphql(SandboxClients.PARTNER_KEY, "{ products(skus: [\"OO-TFP-HEA-M\", \"OO-SDJ-GLA-M\"]) "
                + "{ sku availability { byLocation { location { kind } } } } locations { kind } }");

        assertThat(JsonPath.<List<Object>>read(response.body(), "$.data.products")).first().isNull();
        assertThat(JsonPath.<String>read(response.body(), "$.data.products[1].sku")).isEqualTo("OO-SDJ-GLA-M");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.data.products[1].availability.byLocation[*].location.kind"))
                .isNotEmpty().containsOnly("WAREHOUSE");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.data.locations[*].kind")).isNotEmpty().containsOnly("WAREHOUSE");
    }

    @Test
    void onlyTheAdminKeyOperatesTheSandboxAndSeesHealthDetails() throws Exception {
        assertThat(get(SandboxClients.FRONTEND_KEY, "/sandbox/faults").statusCode()).isEqualTo(403);
        assertThat(get(null, "/sandbox/faults").statusCode()).isEqualTo(401);
        assertThat(get(SandboxClients.ADMIN_KEY, "/sandbox/faults").statusCode()).isEqualTo(200);

        HttpResponse<String> anonymousHealth = get(null, "/actuator/health");
        HttpResponse<String> adminHealth = get(SandboxClients.ADMIN_KEY, "/actuator/health");
        assertThat(anonymousHealth.statusCode()).isEqualTo(200);
        assertThat(anonymousHealth.body()).contains("\"status\"").doesNotContain("components").doesNotContain("demo-shopify");
        assertThat(adminHealth.body()).contains("components").contains("demo-shopify");
        assertThat(get(null, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void graphiQlOffersTheDemoKeysAndIntrospectionIsOn() throws Exception {
        HttpResponse<String> page = get(null, "/graphiql");
        HttpResponse<String> schema = graphql(SandboxClients.FRONTEND_KEY, "{ __schema { queryType { name } } }");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(SandboxClients.FRONTEND_KEY, SandboxClients.SUPPORT_KEY, SandboxClients.PARTNER_KEY,
                SandboxClients.ADMIN_KEY);
        assertThat(JsonPath.<String>read(schema.body(), "$.data.__schema.queryType.name")).isEqualTo("Query");
    }

    @Test
    void withoutAKeyNothingIsAnswered() throws Exception {
        HttpResponse<String> response = graphql(null, "{ products(skus: [\"OO-SDJ-GLA-M\"]) { sku } }");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("UNAUTHENTICATED");
    }
}

package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Outside the sandbox, with nothing set: no introspection, no GraphiQL, health details only for admin clients, probes
 * open to anyone.
 */
@Import(FakeWorld.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=false",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.health.cache-ttl=0s",
        "omnigate.health.timeout=500ms"
})
final class ProductionDefaultsTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String key, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> graphql(String query) throws Exception {
        return graphql(TestClients.ALL_KEY, query);
    }

    private HttpResponse<String> graphql(String key, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void introspectionIsOffEvenForAnAdminButTypenameWorks() throws Exception {
        HttpResponse<String> schema = graphql("{ __schema { types { name } } }");
        HttpResponse<String> type = graphql("{ __type(name: \\\"Customer\\\") { fields { name } } }");
        HttpResponse<String> typename = graphql("{ __typename }");

        assertThat(JsonPath.<String>read(schema.body(), "$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(JsonPath.<String>read(schema.body(), "$.errors[0].message")).contains("introspection");
        assertThat(type.body()).doesNotContain("emails");
        assertThat(JsonPath.<String>read(typename.body(), "$.data.__typename")).isEqualTo("Query");
    }

    @Test
    void theFederationSdlIsIntrospectionByAnotherNameAndOnlyForAdmins() throws Exception {
        HttpResponse<String> storefront = graphql(TestClients.CATALOG_KEY, "{ _service { sdl } }");
        HttpResponse<String> admin = graphql(TestClients.ALL_KEY, "{ _service { sdl } }");

        assertThat(JsonPath.<String>read(storefront.body(), "$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(storefront.body()).doesNotContain("type Customer");
        assertThat(JsonPath.<String>read(admin.body(), "$.data._service.sdl")).contains("type Customer");
    }

    @Test
    void graphiQlIsNotServed() throws Exception {
        assertThat(get(null, "/graphiql").statusCode()).isEqualTo(404);
    }

    @Test
    void healthDetailsAreForAdminsAndProbesForAnyone() throws Exception {
        HttpResponse<String> anonymous = get(null, "/actuator/health");
        HttpResponse<String> storefront = get(TestClients.CATALOG_KEY, "/actuator/health");
        HttpResponse<String> admin = get(TestClients.ALL_KEY, "/actuator/health");

        assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components");
        assertThat(storefront.body()).doesNotContain("components");
        assertThat(admin.body()).contains("components").contains("shop-us");
        assertThat(get(null, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(null, "/actuator/prometheus").statusCode()).isEqualTo(401);
    }
}

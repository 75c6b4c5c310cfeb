package dev.omnigate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * API keys over real HTTP: every GraphQL request needs a client; each bad credential gets a 401 with a GraphQL error
 * body naming what is wrong, before the body is parsed and without any upstream call; no credential reaches the log.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
final class ApiKeyAuthenticationTest {

    private static final String QUERY = "{\"query\":\"{ products(skus: [\\\"MUG-1\\\"]) { sku } }\"}";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        FakeWorld.reset();
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidKeyInAuthorizationOrXApiKeyGetsTheData() throws Exception {
        for (Map<String, String> headers : java.util.List.of(Map.of("Authorization", "Bearer " + TestClients.CATALOG_KEY),
                Map.of("X-Api-Key", TestClients.CATALOG_KEY), Map.of("authorization", "bearer " + TestClients.CATALOG_KEY))) {
            HttpResponse<String> response = post("/graphql", QUERY, headers);

            assertThat(response.statusCode()).as(headers.keySet().toString()).isEqualTo(200);
            assertThat(JsonPath.<String>read(response.body(), "$.data.products[0].sku")).isEqualTo("MUG-1");
        }
    }

    static Stream<Arguments> refusedCredentials() {
        return Stream.of(
                Arguments.of("no credential", Map.of(), "needs a client credential", "/graphql"),
                Arguments.of("unknown key id", Map.of("Authorization", "Bearer og_nobody-here_" + "x".repeat(43)), "not valid", "/graphql"),
                Arguments.of("wrong secret of a real key id", Map.of("Authorization", "Bearer og_test-all_wrong-secret-value"), "not valid",
                        "/graphql"),
                Arguments.of("malformed key", Map.of("X-Api-Key", "og_x_short"), "malformed", "/graphql"),
                Arguments.of("revoked key", Map.of("Authorization", "Bearer " + TestClients.REVOKED_KEY), "revoked", "/graphql"),
                Arguments.of("expired key", Map.of("Authorization", "Bearer " + TestClients.EXPIRED_KEY), "expired at 2020-01-01", "/graphql"),
                Arguments.of("key in the query string", Map.of("Authorization", "Bearer " + TestClients.ALL_KEY), "refused in the URL",
                        "/graphql?api_key=" + TestClients.ALL_KEY),
                Arguments.of("access_token in the query string", Map.of(), "refused in the URL", "/graphql?access_token=abc"),
                Arguments.of("basic scheme", Map.of("Authorization", "Basic dXNlcjpwYXNz"), "Bearer scheme", "/graphql"),
                Arguments.of("two different credentials", Map.of("Authorization", "Bearer " + TestClients.ALL_KEY, "X-Api-Key",
                        TestClients.CATALOG_KEY), "one credential", "/graphql"),
                Arguments.of("a JWT while no issuer is configured", Map.of("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"),
                        "accepts no JWTs", "/graphql"),
                Arguments.of("characters no token has", Map.of("X-Api-Key", "og_test-all_all scopes"), "characters", "/graphql"),
                Arguments.of("a 7,000-character token", Map.of("Authorization", "Bearer " + "a".repeat(7_000)), "longer than", "/graphql"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCredentials")
    void aRefusedCredentialIsA401WithAGraphQlErrorAndNoUpstreamCall(String name, Map<String, String> headers, String messagePart, String path,
            CapturedOutput output) throws Exception {
        HttpResponse<String> response = post(path, QUERY, headers);

        assertThat(response.statusCode()).as(name).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).as(name).contains(messagePart);
        assertThat(FakeWorld.totalReaderCalls()).as("upstream calls for " + name).isZero();
        for (String secret : new String[] {TestClients.ALL_KEY, TestClients.REVOKED_KEY, TestClients.EXPIRED_KEY, "wrong-secret-value",
                "dXNlcjpwYXNz"}) {
            assertThat(response.body()).doesNotContain(secret);
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
        }
        assertThat(output.getAll()).doesNotContain("WARN").doesNotContain("ERROR");
    }

    @Test
    void aRequestWithoutACredentialIsRefusedBeforeItsBodyIsRead() throws Exception {
        HttpResponse<String> malformed = post("/graphql", "{ not json", Map.of());
        HttpResponse<String> authenticated = post("/graphql", "{ not json", Map.of("X-Api-Key", TestClients.CATALOG_KEY));

        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(authenticated.statusCode()).as("with a key the body is looked at").isEqualTo(400);
    }

    @Test
    void graphQlResponseClientsGetTheirMediaTypeOnRefusals() throws Exception {
        HttpResponse<String> response = post("/graphql", QUERY, Map.of("Accept", "application/graphql-response+json"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/graphql-response+json");
    }

    @Test
    void operatingEndpointsNeedTheAdminScope() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> storefront = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("X-Api-Key", TestClients.CATALOG_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        post("/graphql", QUERY, Map.of("X-Api-Key", "og_nobody-here_" + "y".repeat(20)));
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("X-Api-Key", TestClients.ALL_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(storefront.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(storefront.body(), "$.errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(JsonPath.<String>read(storefront.body(), "$.errors[0].message")).contains("test-catalog").contains("admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        // bounded labels: outcomes and methods only, never a client id or a key id
        assertThat(admin.body()).containsPattern("omnigate_auth_requests_total\\{method=\"any\",outcome=\"unknown_key\"\\} [1-9]")
                .containsPattern("omnigate_auth_requests_total\\{method=\"api_key\",outcome=\"accepted\"\\} [1-9]")
                .doesNotContain("nobody-here");
    }

    @Test
    void anUnknownPathNeedsACredentialAndIsThenA404() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/no/such/path"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/no/such/path"))
                .header("X-Api-Key", TestClients.CATALOG_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(known.statusCode()).isEqualTo(404);
    }
}

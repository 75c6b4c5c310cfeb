package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GraphiQL renders offline: the page and every asset it loads come from this gateway. */
@GatewayTest
final class GraphiQlPageTest {

    private static final Pattern ASSET = Pattern.compile("<(?:script[^>]*\\ssrc|link[^>]*\\shref)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageLoadsOnlyLocalAssetsThatAllAnswer() throws Exception {
        HttpResponse<String> page = get("/graphiql");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(page.body());
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).hasSize(4).allSatisfy(asset -> assertThat(asset).startsWith("/").doesNotStartWith("//"));
        assertThat(page.body()).doesNotContain("http://", "https://", "cdn", "esm.sh", "unpkg");
        for (String asset : assets) {
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body().length()).as(asset).isGreaterThan(5_000);
        }
        assertThat(get("/webjars/graphiql/2.4.7/graphiql.min.js").body()).contains("GraphiQL");
    }

    @Test
    void pagePointsAtTheGraphQlEndpointsAndOpensWithAvasCustomer360() throws Exception {
        String body = get("/graphiql").body();

        assertThat(body).contains("var graphqlPath = \"/graphql\"", "var webSocketPath = \"/graphql\"", "graphql-transport-ws");
        assertThat(body).contains("customer360(email: \\\"  AVA.Chen@Example.com \\\")");
        assertThat(body).doesNotContain("__DEFAULT_QUERY__", "__GRAPHQL_PATH__");
    }

    @Test
    void theDefaultQueryIsValidAgainstTheSchema() throws Exception {
        String query = GraphiQlController.DEFAULT_QUERY.replace("\"", "\\\"").replace("\n", "\\n");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("ValidationError").contains("\"displayName\":\"Ava Chen\"");
    }
}

package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A subscription sent as a plain POST (no SSE, no WebSocket) is refused with one {@code BAD_REQUEST} error naming the
 * transports that carry subscriptions, over real HTTP: 200 for {@code application/json}, 400 for
 * {@code application/graphql-response+json}; never a serialised publisher. (SSE and graphql-transport-ws still carry
 * subscriptions: InventorySubscriptionTest.)
 */
@GatewayTest
final class SubscriptionOverPostTest {

    private static final String SUBSCRIPTION = "subscription { inventoryChanged(skus: [\"MUG-1\"]) { sku available } }";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest.Builder post(String body, String accept) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(String body, String accept) throws Exception {
        return http.send(post(body, accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("upstreamPublisher", "prefetch", "scanAvailable", "\"data\"");
        List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.get("message")).isEqualTo(
                    "subscriptions need graphql-transport-ws on /graphql or SSE: POST with Accept: text/event-stream");
            assertThat(error.get("extensions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("code", "BAD_REQUEST");
        });
    }

    @Test
    void aSubscriptionOverPlainJsonIsABadRequestWith200() throws Exception {
        HttpResponse<String> response = send("{\"query\":" + GraphQlWsSession.quote(SUBSCRIPTION) + "}", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertRefused(response);
    }

    @Test
    void aSubscriptionAskingForGraphQlResponseJsonIsA400() throws Exception {
        HttpResponse<String> response = send("{\"query\":" + GraphQlWsSession.quote(SUBSCRIPTION) + "}",
                "application/graphql-response+json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertRefused(response);
    }

    @Test
    void theSelectedOperationDecides() throws Exception {
        String document = "query Q { channels { account } } " + SUBSCRIPTION.replace("subscription {", "subscription S {");

        HttpResponse<String> query = send("{\"query\":" + GraphQlWsSession.quote(document) + ",\"operationName\":\"Q\"}", "application/json");
        HttpResponse<String> subscription = send("{\"query\":" + GraphQlWsSession.quote(document) + ",\"operationName\":\"S\"}",
                "application/json");

        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(query.body(), "$.data.channels[*].account")).contains("shop-us");
        assertThat(query.body()).doesNotContain("errors");
        assertRefused(subscription);
    }

    @Test
    void aQueryNamingAFieldSubscriptionIsNotTakenForOne() throws Exception {
        HttpResponse<String> response = send("{\"query\":\"query subscription { channels { account } }\"}", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(response.body(), "$.data.channels[*].account")).contains("shop-us");
    }
}

package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every metric label comes from a bounded set: strings a client makes up (webhook paths, operation names, aliases,
 * request ids, key ids, HTTP methods, URL paths) never become label values, so no request can grow
 * {@code /actuator/prometheus}.
 */
@GatewayTest
final class MetricLabelsTest {

    /** Put into every made-up string, so a leak into a label is found by a plain text search. */
    private static final String MARKER = "zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String prometheus() throws Exception {
        HttpResponse<String> response = send("GET", "/actuator/prometheus", null, "Authorization", TestClients.bearer(TestClients.ALL_KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The series (name and labels, without the value) of the gateway's and the HTTP server's metrics. */
    private Set<String> series() throws Exception {
        Set<String> series = new TreeSet<>();
        prometheus().lines()
                .filter(line -> line.startsWith("omnigate_") || line.startsWith("http_server_requests"))
                .forEach(line -> series.add(line.substring(0, line.lastIndexOf(' '))));
        return series;
    }

    private static double webhooksCounted(String body, String labels) {
        return body.lines().filter(line -> line.startsWith("omnigate_webhooks_total{" + labels + "}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** One round of made-up webhook paths: unknown connector and account, a known connector, a known account. */
    private void webhooksToMadeUpPaths(int count) throws Exception {
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String made = MARKER + UUID.randomUUID().toString().replace("-", "");
                String path = switch (i % 3) {
                    case 0 -> "/webhooks/" + made + "/" + made;
                    case 1 -> "/webhooks/fake-shop/" + made;
                    default -> "/webhooks/" + made + "/shop-us";
                };
                sent.add(senders.submit(() -> send("POST", path, "{}", "Content-Type", "application/json").statusCode()));
            }
            for (Future<Integer> status : sent) {
                assertThat(status.get()).isEqualTo(404);
            }
        }
    }

    /** One round of other strings a client chooses. */
    private void otherMadeUpStrings() throws Exception {
        String made = MARKER + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String auth = TestClients.bearer(TestClients.ALL_KEY);
        send("POST", "/graphql", "{\"query\":\"query Op" + made + " { channels { " + made + ": account } }\",\"operationName\":\"Op" + made + "\"}",
                "Authorization", auth, "Content-Type", "application/json", "X-Request-Id", made);
        send("POST", "/graphql", "{\"query\":\"{ " + made + " }\"}", "Authorization", auth, "Content-Type", "application/json");
        send("POST", "/graphql", "{\"query\":\"{ channels { account } }\"}", "Authorization", "Bearer og_" + made + "_secret",
                "Content-Type", "application/json");
        send("GET", "/" + made + "/" + made, null, "Authorization", auth);
        send("GET", "/" + made, null);
        send("GET", "/actuator/metrics/" + made, null, "Authorization", auth);
        send(made.toUpperCase(), "/graphql", null, "Authorization", auth);
    }

    @Test
    void madeUpWebhookPathsAndOtherClientStringsAddNoSeries() throws Exception {
        // the first round creates the bounded series (the 'unknown' labels, 404 and 401 statuses ...)
        webhooksToMadeUpPaths(30);
        otherMadeUpStrings();
        prometheus(); // reading the metrics is itself a request with a series of its own
        Set<String> before = series();
        double unknownBefore = webhooksCounted(prometheus(), "account=\"unknown\",connector=\"unknown\",outcome=\"unknown\"");

        webhooksToMadeUpPaths(600);
        for (int i = 0; i < 20; i++) {
            otherMadeUpStrings();
        }

        String after = prometheus();
        assertThat(series()).as("series after 600 made-up webhook paths").isEqualTo(before);
        assertThat(after).as("no made-up string is a label value").doesNotContain(MARKER);
        assertThat(webhooksCounted(after, "account=\"unknown\",connector=\"unknown\",outcome=\"unknown\"") - unknownBefore)
                .as("they are still counted, under 'unknown'").isEqualTo(200);
        assertThat(webhooksCounted(after, "account=\"unknown\",connector=\"fake-shop\",outcome=\"unknown\"")).isPositive();
        assertThat(webhooksCounted(after, "account=\"shop-us\",connector=\"unknown\",outcome=\"unknown\"")).isPositive();
    }
}

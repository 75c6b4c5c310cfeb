package dev.omnigate.simulator.shopify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain {@link HttpClient} speaking to a simulator the way a Shopify client does. */
final class GraphQLCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GraphQLCalls() {
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        JsonNode data() {
            return body.path("data");
        }

        JsonNode cost() {
            return body.path("extensions").path("cost");
        }

        String errorCode() {
            return body.path("errors").path(0).path("extensions").path("code").asString();
        }
    }

    static Reply post(URI baseUrl, String token, String query) {
        return post(baseUrl, token, query, Map.of());
    }

    static Reply post(URI baseUrl, String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return send(HttpRequest.newBuilder(baseUrl.resolve("/admin/api/2026-04/graphql.json"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clock tests move by hand, so the bucket's refill is exact. */
    static final class ManualClock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }
}

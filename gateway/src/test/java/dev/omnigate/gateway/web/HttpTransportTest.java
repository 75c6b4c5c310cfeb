package dev.omnigate.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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

/** GraphQL over HTTP on a real port: malformed bodies, request ids, error codes, no stack traces, no log spam. */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
final class HttpTransportTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        FakeWorld.reset();
    }

    HttpResponse<String> post(String body, String contentType, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{ query: nope", "not valid JSON"),
                Arguments.of("an array", "[{\"query\":\"{ channels { account } }\"}]", "JSON object"),
                Arguments.of("variables as a string", "{\"query\":\"{ channels { account } }\",\"variables\":\"{}\"}", "'variables'"),
                Arguments.of("no query", "{\"variables\":{}}", "no 'query'"),
                Arguments.of("query as a number", "{\"query\":42}", "'query' must be a string"),
                Arguments.of("blank query", "{\"query\":\"  \"}", "blank"),
                Arguments.of("operationName as an object", "{\"query\":\"{ channels { account } }\",\"operationName\":{}}", "'operationName'"),
                Arguments.of("empty body", "", "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodiesGetAGraphQlErrorBodyWith400(String name, String body, String messagePart, CapturedOutput output)
            throws Exception {
        for (String accept : new String[] {null, "application/graphql-response+json"}) {
            HttpResponse<String> response = post(body, "application/json", accept);

            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
            List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat((String) error.get("message")).contains(messagePart);
                assertThat(error.get("extensions")).isEqualTo(Map.of("code", "BAD_REQUEST"));
            });
            assertThat(response.body()).doesNotContain("timestamp", "Exception", "trace");
        }
        assertThat(output.getOut()).doesNotContain("HttpMessageNotReadableException").doesNotContain("WARN");
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedWith413WithoutAnUpstreamCall() throws Exception {
        String padding = " ".repeat(300 * 1024); // over the default 256KB limit, and valid JSON whitespace
        String body = "{\"query\":\"{ products(skus: [\\\"MUG-1\\\"]) { sku } }\"" + padding + "}";
        HttpRequest withLength = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        // without Content-Length (chunked), so the limit is enforced while reading, not only from the header
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();

        for (HttpRequest request : List.of(withLength, chunked)) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat((String) error.get("message")).contains("exceeds the limit of 262144 bytes");
                assertThat(error.get("extensions")).isEqualTo(Map.of("code", "BAD_REQUEST"));
            });
        }
        assertThat(FakeWorld.totalReaderCalls()).isZero();
        String small = "{\"query\":\"{ products(skus: [\\\"MUG-1\\\"]) { sku } }\"}";
        assertThat(post(small, "application/json", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aWellFormedQueryAnswersWithDataAndEchoesTheRequestId() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "test-req-42")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"query Q($s: [String!]!) { products(skus: $s) { sku } }\","
                        + "\"variables\":{\"s\":[\"MUG-1\"]},\"operationName\":\"Q\"}"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.data.products[0].sku")).isEqualTo("MUG-1");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("test-req-42");
        assertThat(FakeWorld.SHOP.account("shop-us").lastContext(dev.omnigate.connector.testkit.fake.FakeOperation.PRICES_BY_SKUS))
                .get().satisfies(context -> assertThat(context.requestId()).isEqualTo("test-req-42"));
    }

    /** The SSE events of a response body: each event's name and its data line. */
    static List<Map.Entry<String, String>> sseEvents(String body) {
        List<Map.Entry<String, String>> events = new java.util.ArrayList<>();
        String name = null;
        for (String line : body.split("\n")) {
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:") && name != null) {
                events.add(Map.entry(name, line.substring(5).trim()));
                name = null;
            }
        }
        return events;
    }

    @Test
    void aQueryOverServerSentEventsGetsItsWholeResultAsOneNextEventThenComplete() throws Exception {
        // GraphQL over SSE (graphql-sse, distinct connections) runs every operation type, not only subscriptions
        FakeWorld.SHOP.account("shop-eu").fail(dev.omnigate.connector.api.Capability.PRICES_READ,
                dev.omnigate.connector.api.error.ErrorCategory.RATE_LIMITED);

        HttpResponse<String> response = post("{\"query\":\"{ product(sku: \\\"MUG-1\\\") { sku prices { price { amount } } } }\"}",
                "application/json", "text/event-stream");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        List<Map.Entry<String, String>> events = sseEvents(response.body());
        assertThat(events).as(response.body()).extracting(Map.Entry::getKey).containsExactly("next", "complete");
        String result = events.getFirst().getValue();
        assertThat(JsonPath.<String>read(result, "$.data.product.sku")).isEqualTo("MUG-1");
        assertThat(JsonPath.<List<String>>read(result, "$.data.product.prices[*].price.amount")).containsExactly("31.99", "29.50");
        assertThat(JsonPath.<String>read(result, "$.errors[0].extensions.code")).isEqualTo("RATE_LIMITED");
        assertThat(response.body()).doesNotContain("supports only subscriptions");
    }

    @Test
    void anInvalidQueryOverServerSentEventsGetsItsCodedErrorsAsOneNextEvent() throws Exception {
        HttpResponse<String> response = post("{\"query\":\"{ channels { nope } }\"}", "application/json", "text/event-stream");

        List<Map.Entry<String, String>> events = sseEvents(response.body());
        assertThat(events).as(response.body()).extracting(Map.Entry::getKey).containsExactly("next", "complete");
        assertThat(JsonPath.<List<String>>read(events.getFirst().getValue(), "$.errors[*].extensions.code")).isNotEmpty()
                .containsOnly("BAD_REQUEST");
        assertThat(events.getFirst().getValue()).doesNotContain("\"data\"");
    }

    @Test
    void aForgedRequestIdIsReplaced() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "forged id\tINFO granted admin")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ channels { account } }\"}"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Request-Id")).get().asString().matches("[0-9a-f-]{36}");
    }

    @Test
    void validationErrorsCarryTheBadRequestCodeToo() throws Exception {
        HttpResponse<String> response = post("{\"query\":\"{ channels { nope } }\"}", "application/json", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> errors = JsonPath.read(response.body(), "$.errors");
        assertThat(errors).isNotEmpty().allSatisfy(error ->
                assertThat(error).extractingByKey("extensions").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("code", "BAD_REQUEST"));
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void connectorFailuresOverHttpKeepPartialDataAndNumbersStayJsonNumbers() throws Exception {
        FakeWorld.SHOP.account("shop-eu").fail(dev.omnigate.connector.api.Capability.PRICES_READ,
                dev.omnigate.connector.api.error.ErrorCategory.RATE_LIMITED);

        HttpResponse<String> response = post("{\"query\":\"{ product(sku: \\\"MUG-1\\\") { prices { price { amount } } } }\"}",
                "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(response.body(), "$.data.product.prices[*].price.amount")).containsExactly("31.99", "29.50");
        assertThat(JsonPath.<Integer>read(response.body(), "$.errors[0].extensions.retryAfterSeconds")).isEqualTo(2);
        assertThat(JsonPath.<Boolean>read(response.body(), "$.errors[0].extensions.retryable")).isTrue();
    }
}

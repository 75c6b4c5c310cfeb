package dev.omnigate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.testkit.fake.FakeOperation;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.TestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request whose connector calls fail many times writes one log line per account and error category, with the count,
 * not one per call.
 */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
final class FailureLoggingTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void warmUp() throws Exception {
        // a cold first request can spend the 1.5 s budget before any call is made; the tests count calls made
        assertThat(sixtySkus("warm-up-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
        FakeWorld.reset();
    }

    @AfterEach
    void reset() {
        FakeWorld.reset();
    }

    /** {@code products} for 60 SKUs: shop-us takes 2 SKUs per call, so 30 price and 30 inventory calls. */
    private HttpResponse<String> sixtySkus(String requestId) throws Exception {
        String skus = IntStream.range(0, 60).mapToObj(i -> "\\\"SKU-" + i + "\\\"").collect(Collectors.joining(","));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ products(skus: [" + skus + "]) { sku prices { price { amount } } "
                        + "availability { available } } }\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> linesOf(CapturedOutput output, String requestId, String account) {
        return output.getOut().lines().filter(line -> line.contains("[" + requestId + "]") && line.contains("account " + account + " "))
                .toList();
    }

    @Test
    void sixtyFailedCallsOfOneAccountWriteOneLineWithTheCount(CapturedOutput output) throws Exception {
        FakeWorld.SHOP.account("shop-us").fail(Capability.PRICES_READ, ErrorCategory.UNAVAILABLE)
                .fail(Capability.INVENTORY_READ, ErrorCategory.UNAVAILABLE);
        FakeWorld.POS.account("pos-main").fail(Capability.INVENTORY_READ, ErrorCategory.RATE_LIMITED);
        String requestId = "failure-log-" + UUID.randomUUID();

        HttpResponse<String> response = sixtySkus(requestId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<Object>>read(response.body(), "$.errors")).isNotEmpty();
        int calls = FakeWorld.SHOP.account("shop-us").calls(FakeOperation.PRICES_BY_SKUS)
                + FakeWorld.SHOP.account("shop-us").calls(FakeOperation.INVENTORY_BY_SKUS);
        assertThat(calls).as("the request failed shop-us many times").isEqualTo(60);
        assertThat(linesOf(output, requestId, "shop-us")).singleElement().satisfies(line -> assertThat(line)
                .contains(" WARN ", "UNAVAILABLE", "(and 59 more UNAVAILABLE failures of this account in this request: "
                        + "inventory.getBySkus, prices.getBySkus)"));
        assertThat(linesOf(output, requestId, "pos-main")).as("another account and category: its own line").singleElement()
                .satisfies(line -> assertThat(line).contains("RATE_LIMITED"));
        assertThat(linesOf(output, requestId, "shop-eu")).as("an account that answered: no line").isEmpty();
    }

    @Test
    void aConnectorBugIsLoggedOnceWithItsStackTrace(CapturedOutput output) throws Exception {
        FakeWorld.SHOP.account("shop-us").fail(Capability.PRICES_READ, () -> {
            throw new IllegalStateException("connector bug in price mapping");
        });
        String requestId = "failure-log-" + UUID.randomUUID();

        HttpResponse<String> response = sixtySkus(requestId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(FakeWorld.SHOP.account("shop-us").calls(FakeOperation.PRICES_BY_SKUS)).isEqualTo(30);
        assertThat(response.body()).doesNotContain("connector bug in price mapping");
        assertThat(linesOf(output, requestId, "shop-us")).singleElement().satisfies(line -> assertThat(line)
                .contains(" ERROR ", "prices.getBySkus failed unexpectedly", "(and 29 more INTERNAL failures"));
        assertThat(output.getOut()).containsOnlyOnce("java.lang.IllegalStateException: connector bug in price mapping");
    }
}

package dev.omnigate.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.shopify.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox wires the fault controls in front of every real simulator: faults from {@link SandboxOptions} apply
 * from the first request, change at run time, and the Shopify simulator's own queued faults still work behind them.
 */
final class SandboxFaultsTest {

    private static Sandbox sandbox;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withFaults(Map.of(Sandbox.SQUARE, FaultSettings.outage())));
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        client.close();
    }

    @Test
    void faultsFromTheOptionsApplyAtOnceAndClearingHeals() throws Exception {
        // GET /v2/locations (Square ListLocations) with the account's token
        HttpRequest request = squareLocations();

        HttpResponse<String> down = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("SERVICE_UNAVAILABLE");

        sandbox.faults().clear();
        HttpResponse<String> healed = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(healed.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(healed.body()).path("locations").isArray()).isTrue();
        assertThat(sandbox.faults().requests(Sandbox.SQUARE)).isEqualTo(2);
    }

    @Test
    void everySimulatorIsBehindItsVendorsControls() throws Exception {
        for (SimulatedAccount account : sandbox.accounts()) {
            sandbox.faults().set(account.connectorId(), FaultSettings.NONE.withErrors(1, 502));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(account.baseUrl().resolve("/anything")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(account.connectorId()).isEqualTo(502);
            sandbox.faults().set(account.connectorId(), FaultSettings.NONE);
        }
    }

    @Test
    void shopifysQueuedFaultsStillApplyBehindTheControls() throws Exception {
        sandbox.shopify().faults().next(1, Fault.serviceUnavailable());
        SimulatedAccount shopify = sandbox.account(Sandbox.SHOPIFY);
        HttpRequest request = HttpRequest.newBuilder(sandbox.shopify().graphqlUrl(shopify.connectorConfig().get("api-version")))
                .header("X-Shopify-Access-Token", shopify.connectorConfig().get("access-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}")).build();

        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        HttpResponse<String> next = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("\"shop\"");
    }

    @Test
    void vendorRateLimitsCanBeLiftedForLoadTests() {
        try (Sandbox unmetered = Sandbox.start(SandboxOptions.defaults().withVendorRateLimits(false))) {
            Map<String, String> amazon = unmetered.account(Sandbox.AMAZON).connectorConfig();
            Map<String, String> metered = sandbox.account(Sandbox.AMAZON).connectorConfig();
            assertThat(amazon.keySet().stream().filter(key -> key.endsWith("-rate"))).isNotEmpty()
                    .allSatisfy(key -> assertThat(new java.math.BigDecimal(amazon.get(key)))
                            .isGreaterThan(new java.math.BigDecimal(metered.get(key))));
        }
    }

    private static HttpRequest squareLocations() {
        SimulatedAccount square = sandbox.account(Sandbox.SQUARE);
        return HttpRequest.newBuilder(URI.create(square.baseUrl() + "/v2/locations"))
                .header("Authorization", "Bearer " + square.connectorConfig().get("access-token"))
                .header("Square-Version", square.connectorConfig().get("square-version")).build();
    }
}

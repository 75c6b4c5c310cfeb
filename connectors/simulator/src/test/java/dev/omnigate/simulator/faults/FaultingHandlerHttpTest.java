package dev.omnigate.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.omnigate.simulator.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each fault kind as a client sees it over real HTTP: one JDK server per vendor id, its handler wrapped by
 * {@link FaultingHandler}, answering {@code {"ok":true}} when no fault applies.
 */
final class FaultingHandlerHttpTest {

    static final List<String> VENDORS = FaultControls.VENDORS;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final AtomicInteger served = new AtomicInteger();
    private ExecutorService executor;
    private HttpClient client;
    private FaultControls controls;

    @BeforeEach
    void start() throws IOException {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        controls = new FaultControls(42, Map.of());
        for (String vendor : VENDORS) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(executor);
            server.createContext("/", FaultingHandler.wrap(vendor, controls, exchange -> {
                served.incrementAndGet();
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }));
            server.start();
            servers.put(vendor, server);
        }
    }

    @AfterEach
    void stop() {
        servers.values().forEach(server -> server.stop(0));
        executor.shutdownNow();
        client.close();
    }

    @Test
    void withoutFaultsTheSimulatorAnswersAndTheRequestIsCounted() throws Exception {
        HttpResponse<String> response = get(Sandbox.SQUARE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("ok").asBoolean()).isTrue();
        assertThat(controls.requests(Sandbox.SQUARE)).isEqualTo(1);
        assertThat(controls.injected(Sandbox.SQUARE)).isZero();
    }

    @Test
    void requestsAreCountedByRouteWithNumbersFolded() throws Exception {
        URI base = url(servers.get(Sandbox.ZENDESK));
        for (String path : List.of("/api/v2/users/381926450117/tickets.json", "/api/v2/users/42/tickets.json", "/api/v2/search.json")) {
            client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
        }

        assertThat(controls.routes(Sandbox.ZENDESK)).containsExactly(
                Map.entry("GET /api/v{n}/search.json", 1L), Map.entry("GET /api/v{n}/users/{n}/tickets.json", 2L));
    }

    @ParameterizedTest
    @FieldSource("VENDORS")
    void downAnswers503InTheVendorsErrorShapeWithoutReachingTheSimulator(String vendor) throws Exception {
        controls.set(vendor, FaultSettings.outage());

        HttpResponse<String> response = get(vendor);

        assertThat(response.statusCode()).isEqualTo(503);
        assertVendorErrorShape(vendor, JSON.readTree(response.body()), false);
        assertThat(served).hasValue(0);
        assertThat(controls.injected(vendor)).isEqualTo(1);
    }

    @ParameterizedTest
    @FieldSource("VENDORS")
    void errorRateOneWith429AnswersTheVendorsThrottleAnswer(String vendor) throws Exception {
        controls.set(vendor, FaultSettings.NONE.withErrors(1, 429).withRetryAfterSeconds(7));

        HttpResponse<String> response = get(vendor);

        assertThat(response.statusCode()).isEqualTo(429);
        assertVendorErrorShape(vendor, JSON.readTree(response.body()), true);
        // Square and Amazon send no Retry-After (PROTOCOLS.md §1); the others do
        boolean sendsRetryAfter = !vendor.equals(Sandbox.SQUARE) && !vendor.equals(Sandbox.AMAZON);
        assertThat(response.headers().firstValue("Retry-After")).isEqualTo(sendsRetryAfter ? Optional.of("7")
                : Optional.empty());
        assertThat(served).hasValue(0);
    }

    @Test
    void errorStatusIsTheConfiguredOne() throws Exception {
        controls.set(Sandbox.AMAZON, FaultSettings.NONE.withErrors(1, 500));

        HttpResponse<String> response = get(Sandbox.AMAZON);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).path("errors").path(0).path("code").asString()).isEqualTo("InternalFailure");
    }

    @Test
    void latencyDelaysTheAnswerByAtLeastTheFixedPart() throws Exception {
        controls.set(Sandbox.SHOPIFY, FaultSettings.latency(200).withLatency(200, 50));

        long started = System.nanoTime();
        HttpResponse<String> response = get(Sandbox.SHOPIFY);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(200);
        assertThat(served).hasValue(1);
        // latency alone is not an injected failure
        assertThat(controls.injected(Sandbox.SHOPIFY)).isZero();
    }

    @Test
    void aResetClosesTheConnectionWithoutAnAnswer() {
        controls.set(Sandbox.ZENDESK, FaultSettings.NONE.withResetRate(1));

        assertThatThrownBy(() -> get(Sandbox.ZENDESK)).isInstanceOf(IOException.class);
        assertThat(served).hasValue(0);
        assertThat(controls.injected(Sandbox.ZENDESK)).isPositive();
    }

    @Test
    void aMalformedBodyIs200JsonThatDoesNotParse() throws Exception {
        controls.set(Sandbox.TIKTOK_SHOP, FaultSettings.NONE.withMalformedRate(1));

        HttpResponse<String> response = get(Sandbox.TIKTOK_SHOP);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(JacksonException.class);
    }

    @Test
    void faultsOfOneVendorLeaveTheOthersAlone() throws Exception {
        controls.set(Sandbox.AMAZON, FaultSettings.outage());

        assertThat(get(Sandbox.AMAZON).statusCode()).isEqualTo(503);
        assertThat(get(Sandbox.SHOPIFY).statusCode()).isEqualTo(200);
    }

    @Test
    void clearHealsEveryVendor() throws Exception {
        VENDORS.forEach(vendor -> controls.set(vendor, FaultSettings.outage()));

        controls.clear();

        for (String vendor : VENDORS) {
            assertThat(get(vendor).statusCode()).as(vendor).isEqualTo(200);
            assertThat(controls.settings(vendor)).isEqualTo(FaultSettings.NONE);
        }
    }

    @Test
    void anErrorRateFailsTheSameRequestsForTheSameSeed() throws Exception {
        List<Integer> first = statuses(42);
        List<Integer> again = statuses(42);
        List<Integer> otherSeed = statuses(7);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        long failed = first.stream().filter(status -> status == 503).count();
        assertThat(failed).as("about half of 60 requests fail").isBetween(15L, 45L);
    }

    private List<Integer> statuses(long seed) throws Exception {
        FaultControls seeded = new FaultControls(seed, Map.of(Sandbox.SQUARE, FaultSettings.NONE.withErrors(0.5, 503)));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", FaultingHandler.wrap(Sandbox.SQUARE, seeded, exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }));
        server.start();
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                statuses.add(client.send(HttpRequest.newBuilder(url(server)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            return statuses;
        } finally {
            server.stop(0);
        }
    }

    private HttpResponse<String> get(String vendor) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(servers.get(vendor))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/any/path");
    }

    private static void assertVendorErrorShape(String vendor, JsonNode body, boolean throttled) {
        switch (vendor) {
            case Sandbox.SHOPIFY -> assertThat(body.path("errors").asString()).isEqualTo(throttled ? "Too Many Requests" : "Service Unavailable");
            case Sandbox.AMAZON -> assertThat(body.path("errors").path(0).path("code").asString())
                    .isEqualTo(throttled ? "QuotaExceeded" : "ServiceUnavailable");
            case Sandbox.TIKTOK_SHOP -> {
                assertThat(body.path("code").asLong()).isEqualTo(throttled ? 42900 : 50000);
                assertThat(body.path("request_id").asString()).isNotBlank();
            }
            case Sandbox.SQUARE -> assertThat(body.path("errors").path(0).path("code").asString())
                    .isEqualTo(throttled ? "RATE_LIMITED" : "SERVICE_UNAVAILABLE");
            case Sandbox.ZENDESK -> assertThat(body.path("error").asString())
                    .isEqualTo(throttled ? "APIRateLimitExceeded" : "ServiceUnavailable");
            default -> throw new AssertionError(vendor);
        }
    }
}

package dev.omnigate.simulator.square;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Location;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.StockLevel;
import dev.omnigate.simulator.world.WorldGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Square simulator over real HTTP: auth, version header, limits, paging, faults and the world's POS view. */
final class SquareSimulatorHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String TOKEN = "EAAA-test-token";

    private static DemoWorld world;
    private static SquareSimulator square;

    @BeforeAll
    static void start() {
        world = WorldGenerator.generate(20261127L);
        square = SquareSimulator.start(new SquareStore(world), "127.0.0.1", 0, TOKEN, "test-signature-key");
    }

    @AfterAll
    static void stop() {
        square.close();
    }

    @BeforeEach
    void reset() {
        square.resetCounters();
    }

    private static HttpResponse<String> call(String method, String path, String body, String token, String version) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(square.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (version != null) {
            request.header("Square-Version", version);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = call("POST", path, body, TOKEN, "2025-08-20");
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> storeIds() {
        return world.locationsOn(Channel.POS).stream().map(l -> square.store().locationId(l.key()).orElseThrow()).toList();
    }

    @Test
    void refusesAMissingOrWrongTokenAndAMissingVersionInSquaresEnvelope() throws Exception {
        HttpResponse<String> noToken = call("GET", "/v2/locations", null, null, "2025-08-20");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(noToken.body()).path("errors").get(0).path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(call("GET", "/v2/locations", null, "wrong", "2025-08-20").statusCode()).isEqualTo(401);
        HttpResponse<String> noVersion = call("GET", "/v2/locations", null, TOKEN, null);
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noVersion.body()).path("errors").get(0).path("code").asString()).isEqualTo("INVALID_SQUARE_VERSION_FORMAT");
        assertThat(call("GET", "/v2/nothing-here", null, TOKEN, "2025-08-20").statusCode()).isEqualTo(404);
    }

    @Test
    void servesTheWorldsStoresWithCoordinates() throws Exception {
        HttpResponse<String> response = call("GET", "/v2/locations", null, TOKEN, "2025-08-20");
        JsonNode locations = JSON.readTree(response.body()).path("locations");
        assertThat(locations).hasSize(world.locationsOn(Channel.POS).size());
        for (Location store : world.locationsOn(Channel.POS)) {
            JsonNode served = null;
            for (JsonNode location : locations) {
                if (location.path("name").asString().equals(store.name())) {
                    served = location;
                }
            }
            assertThat(served).as(store.name()).isNotNull();
            assertThat(served.path("coordinates").path("latitude").asDouble()).isEqualTo(store.geo().latitude());
            assertThat(served.path("address").path("locality").asString()).isEqualTo(store.address().city());
        }
    }

    @Test
    void findsAvaByHerEmailAndPhoneAsTheClerkTypedThem() throws Exception {
        String avaId = square.store().customerIdOf(DemoWorld.AVA_KEY).orElseThrow();
        JsonNode byEmail = post("/v2/customers/search", "{\"query\": {\"filter\": {\"email_address\": {\"exact\": \"ava.chen@example.com\"}}}}");
        assertThat(byEmail.path("customers")).singleElement().satisfies(c -> {
            assertThat(c.path("id").asString()).isEqualTo(avaId);
            assertThat(c.path("email_address").asString()).isEqualTo(world.ava().presenceOn(Channel.POS).orElseThrow().primaryEmail());
        });
        JsonNode byPhone = post("/v2/customers/search", "{\"query\": {\"filter\": {\"phone_number\": {\"exact\": \"+14155550142\"}}}}");
        assertThat(byPhone.path("customers")).extracting(c -> c.path("id").asString()).contains(avaId);
    }

    @Test
    void avasPosOrderIsOnePickupInStore() throws Exception {
        String avaId = square.store().customerIdOf(DemoWorld.AVA_KEY).orElseThrow();
        List<Order> expected = world.ordersOf(DemoWorld.AVA_KEY).stream().filter(o -> o.channel() == Channel.POS).toList();
        JsonNode found = post("/v2/orders/search", JSON.writeValueAsString(Map.of("location_ids", storeIds(),
                "query", Map.of("filter", Map.of("customer_filter", Map.of("customer_ids", List.of(avaId)))))));
        assertThat(found.path("orders")).hasSize(expected.size()).singleElement().satisfies(order -> {
            assertThat(order.path("id").asString()).isEqualTo(expected.getFirst().nativeId());
            assertThat(order.path("fulfillments").get(0).path("type").asString()).isEqualTo("PICKUP");
            assertThat(order.path("location_id").asString())
                    .isEqualTo(square.store().locationId(expected.getFirst().locationKey()).orElseThrow());
            assertThat(order.path("total_money").path("amount").asLong())
                    .isEqualTo(expected.getFirst().total().movePointRight(2).longValueExact());
        });
    }

    @Test
    void pagesWithCursorsThatBelongToTheirQuery() throws Exception {
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = post("/v2/customers/search", "{\"limit\": 5" + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"") + "}");
            page.path("customers").forEach(c -> ids.add(c.path("id").asString()));
            cursor = page.path("cursor").asString(null);
            pages++;
        } while (cursor != null);
        seen.addAll(ids);
        assertThat(pages).isGreaterThan(1);
        assertThat(ids).hasSize(square.store().customers().size()).hasSameSizeAs(seen);
        JsonNode first = post("/v2/customers/search", "{\"limit\": 1}");
        HttpResponse<String> foreign = call("POST", "/v2/orders/search", JSON.writeValueAsString(Map.of("location_ids", storeIds(),
                "cursor", first.path("cursor").asString())), TOKEN, "2025-08-20");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("INVALID_CURSOR");
    }

    @Test
    void enforcesSquaresLimits() throws Exception {
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("C" + i);
        }
        HttpResponse<String> tooMany = call("POST", "/v2/orders/search", JSON.writeValueAsString(Map.of("location_ids", storeIds(),
                "query", Map.of("filter", Map.of("customer_filter", Map.of("customer_ids", eleven))))), TOKEN, "2025-08-20");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("ARRAY_LENGTH_TOO_LONG");
        HttpResponse<String> noLocations = call("POST", "/v2/orders/search", "{}", TOKEN, "2025-08-20");
        assertThat(noLocations.statusCode()).isEqualTo(400);
    }

    @Test
    void inventoryCountsMirrorTheWorldsStoreStock() throws Exception {
        StockLevel level = world.stock().stream().filter(s -> square.store().locationId(s.locationKey()).isPresent())
                .filter(s -> s.committed() > 0 && s.available() > 0).findFirst().orElseThrow();
        String variation = square.store().variationId(level.sku()).orElseThrow();
        String location = square.store().locationId(level.locationKey()).orElseThrow();
        JsonNode counts = post("/v2/inventory/counts/batch-retrieve", JSON.writeValueAsString(Map.of(
                "catalog_object_ids", List.of(variation), "location_ids", List.of(location)))).path("counts");
        Map<String, String> byState = new java.util.HashMap<>();
        counts.forEach(c -> byState.put(c.path("state").asString(), c.path("quantity").asString()));
        assertThat(byState).containsEntry("IN_STOCK", Integer.toString(level.available()))
                .containsEntry("RESERVED_FOR_SALE", Integer.toString(level.committed()));
    }

    @Test
    void queuedFaultsAnswerInSquaresShapeThenServiceResumes() throws Exception {
        square.failNext(1, SquareFault.rateLimited());
        HttpResponse<String> throttled = call("GET", "/v2/locations", null, TOKEN, "2025-08-20");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("RATE_LIMITED");
        assertThat(call("GET", "/v2/locations", null, TOKEN, "2025-08-20").statusCode()).isEqualTo(200);
        assertThat(square.requestCount()).isEqualTo(2);
    }
}

package dev.omnigate.simulator.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.StockLevel;
import dev.omnigate.simulator.world.WorldGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Amazon simulator over real HTTP: LWA, token checks, usage plans, and the world in SP-API shapes. */
final class AmazonSimulatorHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DemoWorld world;
    private static AmazonSimulator simulator;

    @BeforeAll
    static void start() {
        world = WorldGenerator.generate(20261127L);
        simulator = AmazonSimulator.start(world, "127.0.0.1", 0, new SecureRandom(), new AmazonUsagePlan(new BigDecimal("1000"), 1000));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static HttpResponse<String> token(AmazonSimulator sim, String refreshToken) throws IOException, InterruptedException {
        String form = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)
                + "&client_id=" + URLEncoder.encode(sim.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(sim.clientSecret(), StandardCharsets.UTF_8);
        return CLIENT.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/auth/o2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(AmazonSimulator sim) throws IOException, InterruptedException {
        HttpResponse<String> response = token(sim, sim.refreshToken());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> get(AmazonSimulator sim, String pathAndQuery, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).GET();
        if (token != null) {
            request.header("x-amz-access-token", token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void lwaIssuesTokensOnlyForThisStartsRefreshTokenInFormOrJson() throws Exception {
        HttpResponse<String> refused = token(simulator, "Atzr|not-the-one");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asString()).isEqualTo("invalid_grant");

        HttpResponse<String> issued = token(simulator, simulator.refreshToken());
        JsonNode body = JSON.readTree(issued.body());
        assertThat(body.path("access_token").asString()).startsWith("Atza|");
        assertThat(body.path("expires_in").asInt()).isEqualTo(3600);

        String json = JSON.writeValueAsString(JSON.createObjectNode().put("grant_type", "refresh_token")
                .put("refresh_token", simulator.refreshToken()).put("client_id", simulator.clientId())
                .put("client_secret", simulator.clientSecret()));
        HttpResponse<String> asJson = CLIENT.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/auth/o2/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asJson.statusCode()).isEqualTo(200);
    }

    @Test
    void spApiWantsAnIssuedAccessToken() throws Exception {
        HttpResponse<String> without = get(simulator, "/sellers/v1/marketplaceParticipations", null);
        HttpResponse<String> madeUp = get(simulator, "/sellers/v1/marketplaceParticipations", "Atza|made-up");
        HttpResponse<String> issued = get(simulator, "/sellers/v1/marketplaceParticipations", accessToken(simulator));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(without.body()).path("errors").path(0).path("code").asString()).isEqualTo("Unauthorized");
        assertThat(madeUp.statusCode()).isEqualTo(403);
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(JSON.readTree(issued.body()).path("payload").path(0).path("marketplace").path("id").asString())
                .isEqualTo(AmazonSimulator.MARKETPLACE_ID);
    }

    @Test
    void answers429QuotaExceededPastTheBurst() throws Exception {
        try (AmazonSimulator strict = AmazonSimulator.start(world, "127.0.0.1", 0, new SecureRandom(),
                new AmazonUsagePlan(new BigDecimal("0.001"), 2))) {
            String token = accessToken(strict);
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = get(strict, "/sellers/v1/marketplaceParticipations", token);
                statuses.add(last.statusCode());
            }
            assertThat(statuses).containsExactly(200, 200, 429);
            assertThat(last.headers().firstValue("x-amzn-RateLimit-Limit")).contains("0.001");
            assertThat(JSON.readTree(last.body()).path("errors").path(0).path("code").asString()).isEqualTo("QuotaExceeded");
            // another operation has its own bucket
            assertThat(get(strict, "/orders/2026-01-01/orders/" + world.ordersOn(Channel.AMAZON).getFirst().nativeId(), token)
                    .statusCode()).isEqualTo(200);
            assertThat(strict.count("getMarketplaceParticipations")).isEqualTo(3);
        }
    }

    @Test
    void searchOrdersPagesThroughEveryAmazonOrderNewestFirstWithoutBuyerEmailOnFba() throws Exception {
        String token = accessToken(simulator);
        List<String> expected = world.ordersOn(Channel.AMAZON).stream()
                .sorted(Comparator.comparing(Order::createdAt).reversed().thenComparing(Order::nativeId)).map(Order::nativeId).toList();
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String query = "/orders/2026-01-01/orders?createdAfter=2024-01-01T00:00:00Z&marketplaceIds=ATVPDKIKX0DER"
                    + "&includedData=BUYER,PROCEEDS,FULFILLMENT&maxResultsPerPage=30"
                    + (next == null ? "" : "&paginationToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            JsonNode body = JSON.readTree(get(simulator, query, token).body());
            for (JsonNode order : body.path("orders")) {
                seen.add(order.path("orderId").asString());
                assertThat(order.path("fulfillment").path("fulfilledBy").asString()).isEqualTo("AMAZON");
                assertThat(order.path("buyer").has("buyerEmail")).as("buyerEmail on an FBA order").isFalse();
            }
            next = body.path("pagination").path("nextToken").isMissingNode() ? null : body.path("pagination").path("nextToken").asString();
            pages++;
        } while (next != null);
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void searchOrdersRefusesTwoOrNoWindows() throws Exception {
        String token = accessToken(simulator);
        assertThat(get(simulator, "/orders/2026-01-01/orders?marketplaceIds=ATVPDKIKX0DER", token).statusCode()).isEqualTo(400);
        assertThat(get(simulator, "/orders/2026-01-01/orders?createdAfter=2025-01-01T00:00:00Z&lastUpdatedAfter=2025-01-01T00:00:00Z",
                token).statusCode()).isEqualTo(400);
    }

    @Test
    void getOrderRendersAvasAmazonOrderWithLinesAndMoney() throws Exception {
        Order ava = world.ordersOf(DemoWorld.AVA_KEY).stream().filter(o -> o.channel() == Channel.AMAZON).findFirst().orElseThrow();
        JsonNode order = JSON.readTree(get(simulator, "/orders/2026-01-01/orders/" + ava.nativeId()
                + "?includedData=BUYER,PROCEEDS,FULFILLMENT", accessToken(simulator)).body()).path("order");

        assertThat(order.path("orderId").asString()).isEqualTo(ava.nativeId());
        assertThat(new BigDecimal(order.path("proceeds").path("grandTotal").path("amount").asString())).isEqualByComparingTo(ava.total());
        assertThat(order.path("orderItems").size()).isEqualTo(ava.lines().size());
        for (int i = 0; i < ava.lines().size(); i++) {
            JsonNode item = order.path("orderItems").path(i);
            assertThat(item.path("product").path("sellerSku").asString()).isEqualTo(ava.lines().get(i).sku());
            assertThat(item.path("quantityOrdered").asInt()).isEqualTo(ava.lines().get(i).quantity());
            assertThat(new BigDecimal(item.path("product").path("price").path("unitPrice").path("amount").asString()))
                    .isEqualByComparingTo(ava.lines().get(i).unitPrice());
        }
        assertThat(get(simulator, "/orders/2026-01-01/orders/999-0000000-0000000", accessToken(simulator)).statusCode()).isEqualTo(404);
    }

    @Test
    void inventorySummariesReportTheWorldsFbaStock() throws Exception {
        List<StockLevel> fba = world.stock().stream().filter(level -> world.location(level.locationKey()).kind()
                == dev.omnigate.simulator.world.LocationKind.MARKETPLACE_FULFILLMENT).limit(3).toList();
        assertThat(fba).isNotEmpty();
        String skus = String.join(",", fba.stream().map(StockLevel::sku).toList()) + ",NO-SUCH-SKU";
        JsonNode summaries = JSON.readTree(get(simulator, "/fba/inventory/v1/summaries?details=true&granularityType=Marketplace"
                + "&granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER&sellerSkus=" + skus, accessToken(simulator)).body())
                .path("payload").path("inventorySummaries");
        assertThat(summaries.size()).isEqualTo(fba.size());
        for (int i = 0; i < fba.size(); i++) {
            JsonNode details = summaries.path(i).path("inventoryDetails");
            assertThat(summaries.path(i).path("sellerSku").asString()).isEqualTo(fba.get(i).sku());
            assertThat(details.path("fulfillableQuantity").asInt()).isEqualTo(fba.get(i).available());
            assertThat(details.path("reservedQuantity").path("totalReservedQuantity").asInt()).isEqualTo(fba.get(i).committed());
            assertThat(details.path("inboundShippedQuantity").asInt()).isEqualTo(fba.get(i).incoming());
        }
    }

    @Test
    void listingsCarryTheWorldsPriceAsTheB2cOffer() throws Exception {
        String sku = simulator.seller().fbaSkus().iterator().next();
        JsonNode items = JSON.readTree(get(simulator, "/listings/2021-08-01/items/" + AmazonSellerView.SELLER_ID
                + "?marketplaceIds=ATVPDKIKX0DER&identifiersType=SKU&identifiers=" + sku + ",NO-SUCH-SKU&includedData=summaries,offers",
                accessToken(simulator)).body()).path("items");
        assertThat(items.size()).isEqualTo(1);
        JsonNode offer = items.path(0).path("offers").path(0);
        assertThat(offer.path("offerType").asString()).isEqualTo("B2C");
        assertThat(new BigDecimal(offer.path("price").path("amount").asString())).isEqualByComparingTo(world.sku(sku).price());
    }
}

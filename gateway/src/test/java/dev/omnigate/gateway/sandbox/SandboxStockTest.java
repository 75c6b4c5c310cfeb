package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.omnigate.gateway.support.GraphQlWsSession;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.shopify.ShopifyModel;
import dev.omnigate.simulator.world.StockLevel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** {@code POST /sandbox/stock}: the demo's way to make Shopify send a stock webhook a partner's subscription receives. */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files"
})
final class SandboxStockTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    private HttpResponse<String> post(String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/stock")).header("Authorization", TestClients.bearer(TestClients.ALL_KEY))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private StockLevel stocked() {
        Sandbox sandbox = sandboxSource.sandbox();
        Set<String> shopLocations = new HashSet<>();
        sandbox.shopify().store().locations().forEach(location -> shopLocations.add(location.worldKey()));
        return sandbox.world().stock().stream().filter(level -> shopLocations.contains(level.locationKey()) && level.available() > 2)
                .findFirst().orElseThrow();
    }

    @Test
    void aStockChangeReachesASubscriberOfTheSkuThroughShopifysWebhook() throws Exception {
        StockLevel level = stocked();
        ShopifyModel.Location location = sandboxSource.sandbox().shopify().store().locationOfWorld(level.locationKey());
        String query = "subscription { inventoryChanged(skus: [\"" + level.sku() + "\"]) { sku locationId available onHand source { account } } }";
        try (GraphQlWsSession subscriber = new GraphQlWsSession(port, query)) {
            String message = null;
            for (int attempt = 0; attempt < 50 && message == null; attempt++) { // until the subscription is in place
                HttpResponse<String> changed = post("{\"vendor\": \"shopify\", \"sku\": \"" + level.sku() + "\", \"location\": \""
                        + location.name() + "\", \"delta\": -1}");
                assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
                assertThat(JsonPath.<Integer>read(changed.body(), "$.webhookStatus")).isEqualTo(200);
                message = subscriber.messages.poll(200, TimeUnit.MILLISECONDS);
            }
            assertThat(message).as("a change within 10 s").isNotNull();
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.sku")).isEqualTo(level.sku());
            assertThat(JsonPath.<String>read(message, "$.payload.data.inventoryChanged.locationId")).isNotBlank();
            // Shopify's notification names the level; the gateway read the level's new figures before logging the change
            assertThat(JsonPath.<Integer>read(message, "$.payload.data.inventoryChanged.available")).isNotNull().isNotNegative();
            assertThat(JsonPath.<Integer>read(message, "$.payload.data.inventoryChanged.onHand")).isNotNull()
                    .isGreaterThanOrEqualTo(JsonPath.<Integer>read(message, "$.payload.data.inventoryChanged.available"));
        }
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        StockLevel level = stocked();
        String sku = level.sku();
        String where = level.locationKey();
        assertField(post("{\"vendor\": \"amazon\", \"sku\": \"" + sku + "\", \"location\": \"" + where + "\", \"delta\": 1}"), "vendor");
        assertField(post("{\"vendor\": \"shopify\", \"sku\": \"NO-SUCH\", \"location\": \"" + where + "\", \"delta\": 1}"), "sku");
        assertField(post("{\"vendor\": \"shopify\", \"sku\": \"" + sku + "\", \"location\": \"Atlantis\", \"delta\": 1}"), "location");
        assertField(post("{\"vendor\": \"shopify\", \"sku\": \"" + sku + "\", \"location\": \"" + where + "\", \"delta\": 0}"), "delta");
        assertField(post("{\"vendor\": \"shopify\", \"sku\": \"" + sku + "\", \"location\": \"" + where + "\", \"delta\": -999999}"),
                "delta");
        assertThat(post("not json").statusCode()).isEqualTo(400);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.field")).isEqualTo(field);
    }
}

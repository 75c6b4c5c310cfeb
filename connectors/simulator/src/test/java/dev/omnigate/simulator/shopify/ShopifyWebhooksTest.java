package dev.omnigate.simulator.shopify;

import static dev.omnigate.simulator.shopify.GraphQLCalls.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

final class ShopifyWebhooksTest {

    private static Sandbox sandbox;
    private static String secret;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        secret = sandbox.account("shopify").connectorConfig().get("webhook-secret");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Computed here with the JDK, independently of {@link ShopifyWebhooks#sign}. */
    private static String expectedHmac(byte[] body, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void inventoryLevelUpdateIsSignedAndChangesWhatTheSimulatorServes() throws Exception {
        ShopifyModel.ProductVariant variant = sandbox.shopify().store().variantOfSku("OO-HL4");
        ShopifyModel.Location store = sandbox.shopify().store().locationOfWorld("STORE-SF");
        ShopifyWebhook webhook = sandbox.shopify().webhooks().inventoryLevelUpdate("OO-HL4", "STORE-SF", 3);

        assertThat(webhook.header("X-Shopify-Hmac-Sha256")).isEqualTo(expectedHmac(webhook.body(), secret));
        assertThat(webhook.header("X-Shopify-Hmac-Sha256")).isNotEqualTo(expectedHmac(webhook.body(), secret + "x"));
        assertThat(webhook.header("X-Shopify-Topic")).isEqualTo("inventory_levels/update");
        assertThat(webhook.header("X-Shopify-Shop-Domain")).isEqualTo("omnigate-demo.myshopify.com");
        assertThat(webhook.header("X-Shopify-API-Version")).isEqualTo("2026-04");
        assertThat(webhook.header("X-Shopify-Webhook-Id")).isNotBlank();
        assertThat(webhook.header("X-Shopify-Triggered-At")).isNotBlank();

        JsonNode body = JSON.readTree(webhook.body());
        assertThat(body.path("inventory_item_id").isNumber()).isTrue();
        assertThat(body.path("inventory_item_id").asLong()).isEqualTo(variant.inventoryItemLegacyId());
        assertThat(body.path("location_id").asLong()).isEqualTo(store.legacyId());
        assertThat(body.path("available").asInt()).isEqualTo(3);
        assertThat(body.path("admin_graphql_api_id").asString()).isEqualTo("gid://shopify/InventoryLevel/"
                + store.legacyId() + "?inventory_item_id=" + variant.inventoryItemLegacyId());
        assertThat(body.path("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[78]:00");

        String token = sandbox.account("shopify").connectorConfig().get("access-token");
        JsonNode level = GraphQLCalls.post(sandbox.shopify().baseUrl(), token, "query($id: ID!) { inventoryLevel(id: $id) { "
                + "quantities(names: [\"available\"]) { quantity } } }", Map.of("id", body.path("admin_graphql_api_id").asString()))
                .data().path("inventoryLevel");
        assertThat(level.path("quantities").path(0).path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void orderUpdatedCarriesTheRestOrderAndVerifies() throws Exception {
        Order shipped = sandbox.world().ordersOf(DemoWorld.AVA_KEY).getFirst();
        ShopifyWebhook webhook = sandbox.shopify().webhooks().orderUpdated(shipped.key());
        assertThat(webhook.topic()).isEqualTo("orders/updated");
        assertThat(webhook.header("X-Shopify-Hmac-Sha256")).isEqualTo(expectedHmac(webhook.body(), secret));
        byte[] tampered = webhook.bodyAsString().replace("272.40", "1.00").getBytes(StandardCharsets.UTF_8);
        assertThat(webhook.header("X-Shopify-Hmac-Sha256")).isNotEqualTo(expectedHmac(tampered, secret));

        JsonNode body = JSON.readTree(webhook.body());
        assertThat(body.path("id").isIntegralNumber()).isTrue();
        assertThat(body.path("id").asString()).isEqualTo(shipped.nativeId());
        assertThat(body.path("admin_graphql_api_id").asString()).isEqualTo("gid://shopify/Order/" + shipped.nativeId());
        assertThat(body.path("name").asString()).isEqualTo(shipped.displayName());
        assertThat(body.path("total_price").asString()).isEqualTo("272.40");
        assertThat(body.path("financial_status").asString()).isEqualTo("paid");
        assertThat(body.path("fulfillment_status").asString()).isEqualTo("fulfilled");
        assertThat(body.path("customer").path("email").asString()).isEqualTo("ava.chen@example.com");
        assertThat(body.path("line_items").path(0).path("sku").asString()).isEqualTo("OO-SDJ-GLA-M");
        assertThat(body.path("line_items").path(0).path("price").asString()).isEqualTo("229.00");
    }

    @Test
    void deliversToAReceiverWithEveryHeader() throws Exception {
        BlockingQueue<Map<String, String>> received = new ArrayBlockingQueue<>(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/shopify/demo-shopify", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                received.add(Map.of("hmac", exchange.getRequestHeaders().getFirst("X-Shopify-Hmac-Sha256"),
                        "topic", exchange.getRequestHeaders().getFirst("X-Shopify-Topic"),
                        "webhookId", exchange.getRequestHeaders().getFirst("X-Shopify-Webhook-Id"),
                        "expected", expectedHmac(body, secret)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            ShopifyWebhook webhook = sandbox.shopify().webhooks().inventoryLevelUpdate("OO-MHS-M", "WH-RENO");
            URI target = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/shopify/demo-shopify");
            assertThat(webhook.deliver(GraphQLCalls.CLIENT, target)).isEqualTo(200);
            Map<String, String> delivery = received.poll(10, TimeUnit.SECONDS);
            assertThat(delivery).isNotNull();
            assertThat(delivery.get("hmac")).isEqualTo(delivery.get("expected"));
            assertThat(delivery.get("topic")).isEqualTo("inventory_levels/update");
            assertThat(delivery.get("webhookId")).isEqualTo(webhook.header("X-Shopify-Webhook-Id"));
        } finally {
            receiver.stop(0);
        }
    }
}

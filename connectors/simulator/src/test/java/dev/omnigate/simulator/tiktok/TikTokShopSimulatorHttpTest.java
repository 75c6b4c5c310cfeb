package dev.omnigate.simulator.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.StockLevel;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The TikTok Shop simulator over HTTP, with a minimal client that signs like TikTok's documentation says. */
class TikTokShopSimulatorHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Sandbox sandbox;
    private static TikTokShopSimulator simulator;
    private static SimulatedAccount account;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        simulator = sandbox.simulator(TikTokShopSimulator.class);
        account = sandbox.account(Sandbox.TIKTOK_SHOP);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply call(String method, String path, Map<String, String> extra, String body, String secret, long timestamp,
            String token) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_key", account.connectorConfig().get("app-key"));
        query.put("timestamp", String.valueOf(timestamp));
        if (!path.startsWith("/authorization")) {
            query.put("shop_cipher", TikTokShopStore.SHOP_CIPHER);
        }
        query.putAll(extra);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        // sign with the simulator's own algorithm is circular; build the documented string here instead
        StringBuilder base = new StringBuilder(secret).append(path);
        new java.util.TreeMap<>(query).forEach((k, v) -> base.append(k).append(v));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(base.toString().getBytes(StandardCharsets.UTF_8));
        mac.update(bytes);
        mac.update(secret.getBytes(StandardCharsets.UTF_8));
        query.put("sign", java.util.HexFormat.of().formatHex(mac.doFinal()));
        String encoded = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path + "?" + encoded))
                .header("x-tts-access-token", token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private Reply call(String method, String path, Map<String, String> extra, String body) throws Exception {
        return call(method, path, extra, body, account.connectorConfig().get("app-secret"), Instant.now().getEpochSecond(),
                account.connectorConfig().get("access-token"));
    }

    @Test
    void theDocumentedSignatureIsAcceptedAndAWrongOneGetsTikToksErrorEnvelope() throws Exception {
        Reply shops = call("GET", "/authorization/202309/shops", Map.of(), null);
        assertThat(shops.status()).isEqualTo(200);
        assertThat(shops.body().path("code").asInt()).isZero();
        assertThat(shops.body().path("data").path("shops").get(0).path("cipher").asString()).isEqualTo(TikTokShopStore.SHOP_CIPHER);

        long rejectedBefore = simulator.counters().rejected();
        Reply forged = call("GET", "/authorization/202309/shops", Map.of(), null, "not-the-secret", Instant.now().getEpochSecond(),
                account.connectorConfig().get("access-token"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body().path("code").asLong()).isEqualTo(106001);
        assertThat(forged.body().path("message").asString()).contains("sign");
        assertThat(forged.body().path("request_id").asString()).isNotBlank();

        Reply stale = call("GET", "/logistics/202309/warehouses", Map.of(), null, account.connectorConfig().get("app-secret"),
                Instant.now().getEpochSecond() - 600, account.connectorConfig().get("access-token"));
        assertThat(stale.body().path("code").asLong()).isEqualTo(36009004);
        assertThat(simulator.counters().rejected()).isEqualTo(rejectedBefore + 2);
    }

    @Test
    void avasTikTokOrderIsServedWithHerRelayAddressAndOneItemPerUnit() throws Exception {
        DemoWorld world = sandbox.world();
        Order ava = world.ordersOf(DemoWorld.AVA_KEY).stream().filter(o -> o.channel() == Channel.TIKTOK_SHOP).findFirst().orElseThrow();
        Reply reply = call("GET", "/order/202309/orders", Map.of("ids", ava.nativeId() + ",576800000000000000"), null);
        JsonNode order = reply.body().path("data").path("orders");
        assertThat(order).hasSize(1);
        assertThat(order.get(0).path("id").asString()).isEqualTo(ava.nativeId());
        assertThat(order.get(0).path("buyer_email").asString()).isEqualTo(ava.buyerEmail()).endsWith("@chat.seller.tiktok.com");
        assertThat(order.get(0).path("user_id").asString())
                .isEqualTo(world.ava().presenceOn(Channel.TIKTOK_SHOP).orElseThrow().nativeId());
        assertThat(order.get(0).path("payment").path("total_amount").asString()).isEqualTo(ava.total().toPlainString());
        assertThat(order.get(0).path("line_items")).hasSize(ava.lines().stream().mapToInt(l -> l.quantity()).sum());
        assertThat(order.get(0).path("recipient_address").path("phone_number").asString()).contains("*");
    }

    @Test
    void twoSkusAreStockedInTheTikTokWarehousesWithTheWorldsStock() throws Exception {
        TikTokShopStore store = simulator.store();
        assertThat(store.products().stream().mapToLong(p -> p.skus().size()).sum()).isEqualTo(2);
        TikTokShopStore.TikTokSku sku = store.products().get(0).skus().get(0);
        Reply products = call("POST", "/product/202309/products/search", Map.of("page_size", "50"),
                "{\"seller_skus\":[\"" + sku.sellerSku() + "\"]}");
        JsonNode entry = products.body().path("data").path("products").get(0).path("skus").get(0);
        assertThat(entry.path("seller_sku").asString()).isEqualTo(sku.sellerSku());
        Reply inventory = call("POST", "/product/202309/inventory/search", Map.of(), "{\"sku_ids\":[\"" + sku.id() + "\"]}");
        JsonNode levels = inventory.body().path("data").path("inventory").get(0).path("skus").get(0).path("warehouse_inventory");
        assertThat(levels).isNotEmpty();
        for (JsonNode level : levels) {
            TikTokShopStore.TikTokWarehouse warehouse = store.warehouses().stream()
                    .filter(w -> w.id().equals(level.path("warehouse_id").asString())).findFirst().orElseThrow();
            StockLevel world = sandbox.world().stockOf(sku.sellerSku(), warehouse.location().key()).orElseThrow();
            assertThat(level.path("available_quantity").asInt()).isEqualTo(world.available());
            assertThat(level.path("committed_quantity").asInt()).isEqualTo(world.committed());
        }
        Reply warehouses = call("GET", "/logistics/202309/warehouses", Map.of(), null);
        assertThat(warehouses.body().path("data").path("warehouses")).hasSize(store.warehouses().size());
    }

    @Test
    void ordersSearchPagesByTokenAndRefusesOversizedPages() throws Exception {
        Reply first = call("POST", "/order/202309/orders/search", Map.of("page_size", "20"), "{}");
        int total = first.body().path("data").path("total_count").asInt();
        assertThat(total).isEqualTo(sandbox.world().ordersOn(Channel.TIKTOK_SHOP).size());
        String token = first.body().path("data").path("next_page_token").asString();
        Reply second = call("POST", "/order/202309/orders/search", Map.of("page_size", "20", "page_token", token), "{}");
        assertThat(second.body().path("data").path("orders").get(0).path("id").asString())
                .isNotEqualTo(first.body().path("data").path("orders").get(0).path("id").asString());
        assertThat(call("POST", "/order/202309/orders/search", Map.of("page_size", "101"), "{}").status()).isEqualTo(400);
    }
}

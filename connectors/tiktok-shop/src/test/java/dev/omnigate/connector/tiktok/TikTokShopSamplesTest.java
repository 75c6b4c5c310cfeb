package dev.omnigate.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.change.ChangeEvent;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.config.Secret;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.tiktok.mapping.TikTokShopLocationMapper;
import dev.omnigate.connector.tiktok.mapping.TikTokShopOrderMapper;
import dev.omnigate.connector.tiktok.mapping.TikTokShopProductMapper;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import dev.omnigate.connector.toolkit.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every sample in {@code shared/vendor-specs/tiktok-shop/api-samples} and {@code .../webhooks}, read in place, parses
 * and maps: responses through the connector's envelope reader and its mappers, request bodies against the fields the
 * connector sends, webhooks through the handler (signed as TikTok signs them). New sample files are picked up.
 */
class TikTokShopSamplesTest {

    private static final SourceRefs REFS = new SourceRefs(Channel.TIKTOK_SHOP, "tiktok-shop", "samples");

    static Stream<Path> apiSamples() {
        return VendorSpecs.files("api-samples").stream();
    }

    static Stream<Path> webhookSamples() {
        return VendorSpecs.files("webhooks").stream();
    }

    private static JsonNode data(Path sample) {
        VendorResponse response = new VendorResponse("sample " + sample.getFileName(), 200, Headers.of(), VendorSpecs.bytes(sample));
        return TikTokShopClient.interpret(response, Clock.systemUTC());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiSamples")
    void everyApiSampleParsesAndMaps(Path sample) {
        String name = sample.getFileName().toString();
        JsonNode raw = VendorSpecs.read(sample);
        assertThat(raw.isObject()).as("%s is a JSON object", name).isTrue();
        if (!name.endsWith("Response.json")) {
            requestBody(name, raw);
            return;
        }
        JsonNode data = data(sample);
        assertIdsAreStrings(name, data);
        switch (name) {
            case "OrderBatchGetOrderDetailResponse.json", "OrderSearchOrdersResponse.json" -> {
                List<Order> orders = new ArrayList<>();
                data.path("orders").forEach(node -> orders.add(new TikTokShopOrderMapper(REFS).toOrder(node)));
                assertThat(orders).singleElement().satisfies(order -> {
                    assertThat(order.source().nativeId()).isEqualTo("576461413038785752");
                    assertThat(order.customerId()).isEqualTo("7021436810468230477");
                    assertThat(order.buyerEmail().isRelay()).isTrue();
                    assertThat(order.buyerEmail().relayOf()).isEqualTo(Channel.TIKTOK_SHOP);
                    assertThat(order.buyerEmail().address()).isEqualTo("v2b2V5@chat.seller.tiktok.com");
                    assertThat(order.total()).isEqualTo(Money.of("5000", "IDR"));
                    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
                    assertThat(order.lines()).singleElement().satisfies(line -> {
                        assertThat(line.sku()).isEqualTo("red_iphone_256");
                        assertThat(line.unitPrice()).isEqualTo(Money.of("0.01", "IDR"));
                    });
                    // the masked phone (+1)213-***-1234 is on the order but never mapped
                    assertThat(order.toString()).doesNotContain("213-***");
                });
                if (name.startsWith("OrderSearch")) {
                    assertThat(data.path("next_page_token").asString()).isNotBlank();
                }
            }
            case "ProductSearchProductsResponse.json" -> {
                JsonNode product = data.path("products").get(0);
                JsonNode sku = product.path("skus").get(0);
                Price price = new TikTokShopProductMapper(REFS).toPrice(product, sku);
                assertThat(price.sku()).isEqualTo("Color-Red-XM01");
                assertThat(price.price()).isEqualTo(Money.of("121.11", "USD"));
                assertThat(new TikTokShopProductMapper(REFS).toLevels(sku)).extracting(InventoryLevel::locationId, InventoryLevel::available)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("7068517275539719942", 999L));
            }
            case "ProductGetProductDetailResponse.json" -> {
                JsonNode sku = data.path("skus").get(0);
                assertThat(new TikTokShopProductMapper(REFS).toPrice(data, sku).price()).isEqualTo(Money.of("117.5", "USD"));
                assertThat(new TikTokShopProductMapper(REFS).toLevels(sku)).hasSize(1);
            }
            case "ProductGetInventoriesResponse.json" -> {
                JsonNode sku = data.path("inventory").get(0).path("skus").get(0);
                assertThat(new TikTokShopProductMapper(REFS).toLevelsFromInventorySearch(sku)).singleElement().satisfies(level -> {
                    assertThat(level.sku()).isEqualTo("Color-Red-XM01");
                    assertThat(level.locationId()).isEqualTo("7054915283043174149");
                    assertThat(level.available()).isEqualTo(100);
                    assertThat(level.committed()).isEqualTo(10);
                    assertThat(level.onHand()).isEqualTo(110);
                });
            }
            case "LogisticsGetWarehousesResponse.json" -> {
                Location location = new TikTokShopLocationMapper(REFS).toLocation(data.path("warehouses").get(0));
                assertThat(location.source().nativeId()).isEqualTo("7000714532876273410");
                assertThat(location.active()).isTrue();
                assertThat(location.address().countryCode()).isEqualTo("CN");
                assertThat(location.geo().latitude()).isEqualTo(45.41634);
            }
            case "AuthorizationGetShopsResponse.json" ->
                    assertThat(data.path("shops").get(0).path("cipher").asString()).startsWith("GCP_");
            case "AuthGetTokenResponse.json", "AuthRefreshTokenResponse.json" -> {
                // the *_expire_in fields are Unix timestamps (2022), not durations
                assertThat(data.path("access_token_expire_in").asLong()).isGreaterThan(1_600_000_000L);
                assertThat(data.path("refresh_token").asString()).isNotBlank();
            }
            case "OrderGetOrderPriceDetailResponse.json" ->
                    assertThat(Money.of(data.path("total").asString(), data.path("currency").asString())).isEqualTo(Money.of("122", "USD"));
            default -> assertThat(data.isObject()).as("data of %s", name).isTrue(); // conversations, webhooks list, inventory update
        }
    }

    /** Request samples: the fields the connector sends exist in TikTok's own examples. */
    private static void requestBody(String name, JsonNode body) {
        switch (name) {
            case "OrderSearchOrdersRequest.json" -> assertThat(fieldNames(body))
                    .contains("create_time_ge", "create_time_lt", "update_time_ge", "buyer_user_id");
            case "ProductSearchProductsRequest.json" -> assertThat(fieldNames(body)).contains("seller_skus");
            // inventory search takes only TikTok ids: why stock is read through the products search
            case "ProductGetInventoriesRequest.json" -> assertThat(fieldNames(body)).containsExactlyInAnyOrder("product_ids", "sku_ids");
            default -> assertThat(body.isObject()).isTrue(); // write requests the connector does not send
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /** TikTok sends ids as strings in API answers (PROTOCOLS.md §3 "IDs"); the mappers rely on that nowhere. */
    private static void assertIdsAreStrings(String name, JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if ((field.getKey().equals("id") || field.getKey().endsWith("_id")) && field.getValue().isValueNode()) {
                    assertThat(field.getValue().isString()).as("%s: %s is a string", name, field.getKey()).isTrue();
                }
                assertIdsAreStrings(name, field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(child -> assertIdsAreStrings(name, child));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhookSamples")
    void everyWebhookSampleParsesAndMaps(Path sample) {
        TikTokShopWebhookHandler handler = new TikTokShopWebhookHandler(Secret.of("sample-secret"), Secret.of("sample-key"), null,
                Duration.ofMinutes(15), REFS);
        JsonNode raw = VendorSpecs.read(sample);
        WebhookResult result = handler.handle(new TikTokShopWebhooks("sample-key", "sample-secret")
                .signed(VendorSpecs.bytes(sample), Instant.ofEpochSecond(raw.get("timestamp").asLong())));
        assertThat(result).as(sample.getFileName().toString()).isInstanceOfSatisfying(WebhookResult.Accepted.class, accepted -> {
            String notification = Json.text(raw.get("tts_notification_id"));
            assertThat(accepted.deliveryKey()).isEqualTo(notification != null ? notification : "sha256:"
                    + TikTokShopConnectorContractTest.sha256(VendorSpecs.bytes(sample)));
            List<String> ids = accepted.events().stream().map(ChangeEvent::entity).map(ref -> ref.nativeId()).toList();
            JsonNode data = raw.path("data");
            switch (raw.get("type").asInt()) {
                case 1, 3, 11, 12 -> assertThat(ids).containsExactly(data.get("order_id").asString());
                case 4 -> assertThat(ids).containsExactly("152523", "532123");
                // ProductStatusChangeEvent.json sends product_id as a JSON number above 2^53: every digit kept
                case 5, 15, 16 -> assertThat(ids).containsExactly(data.get("product_id").isNumber()
                        ? data.get("product_id").bigIntegerValue().toString() : data.get("product_id").asString());
                default -> assertThat(ids).isEmpty();
            }
        });
        assertThat(handler.ignoredTypes()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aProductIdAbove2To53KeepsEveryDigit() {
        Path sample = VendorSpecs.webhookSample("ProductStatusChangeEvent.json");
        assertThat(VendorSpecs.read(sample).path("data").get("product_id").isNumber()).isTrue();
        assertThat(576486316948490000L).isGreaterThan(1L << 53);
        WebhookResult result = new TikTokShopWebhookHandler(Secret.of("s"), Secret.of("k"), null, Duration.ofDays(1), REFS)
                .handle(new TikTokShopWebhooks("k", "s").signed(VendorSpecs.bytes(sample), Instant.ofEpochSecond(1644412885L)));
        assertThat(((WebhookResult.Accepted) result).events().get(0).entity().nativeId()).isEqualTo("576486316948490000");
        // what a double would make of it
        assertThat(String.valueOf((long) 576486316948490000.0)).isEqualTo("576486316948489984");
    }
}

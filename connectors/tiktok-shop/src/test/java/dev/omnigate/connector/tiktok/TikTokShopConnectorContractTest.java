package dev.omnigate.connector.tiktok;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.read.OrderQuery;
import dev.omnigate.connector.testkit.ConnectorContractTest;
import dev.omnigate.connector.testkit.ContractFixtures;
import dev.omnigate.connector.testkit.ContractOperation;
import dev.omnigate.connector.testkit.ExpectedEvent;
import dev.omnigate.connector.testkit.SearchCase;
import dev.omnigate.connector.testkit.StubServer;
import dev.omnigate.connector.testkit.VendorFailure;
import dev.omnigate.connector.testkit.VendorStubs;
import dev.omnigate.connector.testkit.WebhookFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The connector contract for TikTok Shop. Happy-path answers come from {@link FakeTikTokShop}, built from the
 * official samples in {@code shared/vendor-specs/tiktok-shop/api-samples}; the expected records below are written
 * out by hand from those samples. Webhook cases are the sample files of {@code tiktok-shop/webhooks}, unmodified and
 * signed. Failure stubs name what they follow.
 */
final class TikTokShopConnectorContractTest extends ConnectorContractTest {

    private static FakeTikTokShop fake;

    private static synchronized FakeTikTokShop fake() {
        if (fake == null) {
            fake = new FakeTikTokShop();
        }
        return fake;
    }

    private static SourceRef ref(String nativeId) {
        return new SourceRef(Channel.TIKTOK_SHOP, "tiktok-shop", "contract-test", nativeId);
    }

    @Override
    protected ConnectorFactory factory() {
        return new TikTokShopConnectorFactory();
    }

    @Override
    protected Map<String, Object> validConfig(String baseUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base-url", baseUrl);
        config.put("auth-base-url", baseUrl + "/api/v2");
        config.put("app-key", FakeTikTokShop.APP_KEY);
        config.put("app-secret", FakeTikTokShop.APP_SECRET);
        config.put("access-token", FakeTikTokShop.ACCESS_TOKEN);
        config.put("refresh-token", FakeTikTokShop.REFRESH_TOKEN);
        // no shop-id: the webhook samples are for another shop than the shops sample (the shop check has its own test)
        config.put("shop-cipher", FakeTikTokShop.SHOP_CIPHER);
        return config;
    }

    // ------------------------------------------------------------------------------------------ fixtures

    /** The order of OrderBatchGetOrderDetailResponse.json and the two variants FakeTikTokShop derives from it. */
    static Map<String, Order> expectedOrders() {
        EmailAddress relay = EmailAddress.relay("v2b2V5@chat.seller.tiktok.com", Channel.TIKTOK_SHOP);
        OrderLine line = new OrderLine("577086512123755123", "red_iphone_256", "Women's Winter Crochet Clothes", 1,
                Money.of("0.01", "IDR"));
        Map<String, Order> orders = new LinkedHashMap<>();
        orders.put(FakeTikTokShop.ORDER_A, new Order(ref(FakeTikTokShop.ORDER_A), FakeTikTokShop.ORDER_A, "7021436810468230477", relay,
                Instant.ofEpochSecond(1619611561L), Instant.ofEpochSecond(1619621355L), OrderStatus.PENDING, "UNPAID",
                FulfillmentMethod.SHIPPING, Money.of("5000", "IDR"), List.of(line), "6955005333819123123"));
        orders.put(FakeTikTokShop.ORDER_B, new Order(ref(FakeTikTokShop.ORDER_B), FakeTikTokShop.ORDER_B, "7021436810468230477", relay,
                Instant.ofEpochSecond(1619611600L), Instant.ofEpochSecond(1619621400L), OrderStatus.OPEN, "AWAITING_SHIPMENT",
                FulfillmentMethod.SHIPPING, Money.of("5000", "IDR"),
                List.of(new OrderLine("577086512123755123", "red_iphone_256", "Women's Winter Crochet Clothes", 2,
                        Money.of("0.01", "IDR"))), "6955005333819123123"));
        orders.put(FakeTikTokShop.ORDER_C, new Order(ref(FakeTikTokShop.ORDER_C), FakeTikTokShop.ORDER_C, "7021436810468230477", relay,
                Instant.ofEpochSecond(1619611700L), Instant.ofEpochSecond(1619621500L), OrderStatus.FULFILLED, "COMPLETED",
                FulfillmentMethod.MARKETPLACE_FULFILLED, Money.of("5000", "IDR"), List.of(line), "6955005333819123123"));
        return orders;
    }

    static Map<String, List<InventoryLevel>> expectedInventory() {
        Map<String, List<InventoryLevel>> levels = new LinkedHashMap<>();
        levels.put("Color-Red-XM01", List.of(new InventoryLevel(ref("1729592969712207012:7068517275539719942"), "Color-Red-XM01",
                "7068517275539719942", 999, 0, 999, 0, null)));
        levels.put("sku name", List.of(new InventoryLevel(ref("10001:6966568648651605766"), "sku name",
                "6966568648651605766", 999, 0, 999, 0, null)));
        levels.put("sku name 2", List.of());
        return levels;
    }

    static Map<String, List<Price>> expectedPrices() {
        Map<String, List<Price>> prices = new LinkedHashMap<>();
        prices.put("Color-Red-XM01", List.of(new Price(ref("1729592969712207012"), "Color-Red-XM01", "Short Boat Invisible Socks",
                Money.of("121.11", "USD"), null)));
        prices.put("sku name", List.of(new Price(ref("10001"), "sku name", "Short Boat Invisible Socks", Money.of("117.5", "USD"), null)));
        prices.put("sku name 2", List.of(new Price(ref("10002"), "sku name 2", "Short Boat Invisible Socks", Money.of("117.5", "USD"),
                null)));
        return prices;
    }

    static List<Location> expectedLocations() {
        Address guangzhou = new Address("South Sea 11 floor", null, "GuanZhou", "GuangDong", "510000", "CN");
        GeoPoint geo = new GeoPoint(45.41634, -75.6868);
        return List.of(
                new Location(ref("7000714532876273410"), "Guangzhou", LocationKind.WAREHOUSE, guangzhou, geo, true),
                new Location(ref("7000714532876273411"), "Guangzhou returns", LocationKind.WAREHOUSE, guangzhou, geo, false));
    }

    @Override
    protected ContractFixtures fixtures() {
        TikTokShopWebhooks webhooks = new TikTokShopWebhooks(FakeTikTokShop.APP_KEY, FakeTikTokShop.APP_SECRET);
        String orderStatusKey = "sha256:" + sha256(VendorSpecs.bytes(VendorSpecs.webhookSample("OrderStatusChangeEvent.json")));
        String packageKey = "sha256:" + sha256(VendorSpecs.bytes(VendorSpecs.webhookSample("PackageUpdateEvent.json")));
        String productStatusKey = "sha256:" + sha256(VendorSpecs.bytes(VendorSpecs.webhookSample("ProductStatusChangeEvent.json")));
        String deauthKey = "sha256:" + sha256(VendorSpecs.bytes(VendorSpecs.webhookSample("SellerDeauthorizationEvent.json")));
        Instant at = Instant.ofEpochSecond(1644412885L);
        return ContractFixtures.builder()
                .orders(new ContractFixtures.Orders(expectedOrders(), Set.of("576461413038785751", "1"),
                        n -> String.valueOf(576_461_413_100_000_000L + n),
                        List.of(new SearchCase<>("created 2021-04-28 12:05 to 12:10 UTC, newest first",
                                OrderQuery.createdBetween(Instant.ofEpochSecond(1619611500L), Instant.ofEpochSecond(1619611800L)), 2,
                                List.of(FakeTikTokShop.ORDER_C, FakeTikTokShop.ORDER_B, FakeTikTokShop.ORDER_A)),
                                new SearchCase<>("of buyer 7021436810468230477, newest first",
                                        OrderQuery.ofCustomer("7021436810468230477"), 1,
                                        List.of(FakeTikTokShop.ORDER_C, FakeTikTokShop.ORDER_B, FakeTikTokShop.ORDER_A))),
                        Map.of(), Set.of(), n -> String.valueOf(n)))
                .inventory(new ContractFixtures.BySku<>(expectedInventory(), Set.of("NO-SUCH-SKU", "color-red-xm01"), n -> "MISSING-SKU-" + n))
                .prices(new ContractFixtures.BySku<>(expectedPrices(), Set.of("NO-SUCH-SKU"), n -> "MISSING-SKU-" + n))
                .locations(new ContractFixtures.Locations(expectedLocations(), Set.of("7000714532876273412", "1")))
                .webhooks(new WebhookFixtures() {
                    @Override
                    public List<WebhookCase> cases() {
                        return List.of(
                                new WebhookCase("ORDER_STATUS_CHANGE (no tts_notification_id: body hash)",
                                        webhooks.signedSample(VendorSpecs.webhookSample("OrderStatusChangeEvent.json")), orderStatusKey,
                                        List.of(new ExpectedEvent(EntityType.ORDER, "576486316948490001", ChangeKind.UPDATED,
                                                "ORDER_STATUS_CHANGE", null, at))),
                                new WebhookCase("PACKAGE_UPDATE (two orders)",
                                        webhooks.signedSample(VendorSpecs.webhookSample("PackageUpdateEvent.json")), packageKey,
                                        List.of(new ExpectedEvent(EntityType.ORDER, "152523", ChangeKind.UPDATED, "PACKAGE_UPDATE", null, at),
                                                new ExpectedEvent(EntityType.ORDER, "532123", ChangeKind.UPDATED, "PACKAGE_UPDATE", null, at))),
                                new WebhookCase("PRODUCT_STATUS_CHANGE (product_id a JSON number above 2^53)",
                                        webhooks.signedSample(VendorSpecs.webhookSample("ProductStatusChangeEvent.json")), productStatusKey,
                                        List.of(new ExpectedEvent(EntityType.PRODUCT, "576486316948490000", ChangeKind.UPDATED,
                                                "PRODUCT_STATUS_CHANGE", null, at))),
                                new WebhookCase("PRODUCT_CREATION (tts_notification_id)",
                                        webhooks.signedSample(VendorSpecs.webhookSample("ProductCreationEvent.json")), "7327112393057371910",
                                        List.of(new ExpectedEvent(EntityType.PRODUCT, "576486316948490000", ChangeKind.CREATED,
                                                "PRODUCT_CREATION", null, at))),
                                new WebhookCase("SELLER_DEAUTHORIZATION (accepted, no events)",
                                        webhooks.signedSample(VendorSpecs.webhookSample("SellerDeauthorizationEvent.json")), deauthKey,
                                        List.of()));
                    }

                    @Override
                    public WebhookRequest resign(WebhookRequest request, byte[] body) {
                        return webhooks.resign(request, body);
                    }

                    @Override
                    public WebhookRequest forge(WebhookRequest request) {
                        return webhooks.forge(request);
                    }

                    @Override
                    public Set<String> signatureHeaders() {
                        return Set.of("Authorization");
                    }
                })
                .build();
    }

    static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ stubs

    private static MappingBuilder route(ContractOperation operation) {
        return switch (operation) {
            case ORDERS_BY_IDS -> get(urlPathEqualTo(TikTokShopOrderReader.ORDERS_PATH));
            case ORDERS_SEARCH, CHANGES_POLL -> post(urlPathEqualTo(TikTokShopOrderReader.SEARCH_PATH));
            case INVENTORY_BY_SKUS, PRICES_BY_SKUS -> post(urlPathEqualTo(TikTokShopProducts.SEARCH_PATH));
            case LOCATIONS_LIST -> get(urlPathEqualTo(TikTokShopLocationReader.PATH));
            case HEALTH -> get(urlPathEqualTo(TikTokShopClient.SHOPS_PATH));
            default -> throw new AssertionError(operation + " is not declared by the TikTok Shop connector");
        };
    }

    private static Function<Request, ResponseDefinitionBuilder> happy(ContractOperation operation) {
        return switch (operation) {
            case ORDERS_BY_IDS -> fake()::ordersByIds;
            case ORDERS_SEARCH, CHANGES_POLL -> fake()::searchOrders;
            case INVENTORY_BY_SKUS, PRICES_BY_SKUS -> fake()::searchProducts;
            case LOCATIONS_LIST -> fake()::warehouses;
            case HEALTH -> fake()::shops;
            default -> throw new AssertionError(operation + " is not declared by the TikTok Shop connector");
        };
    }

    private static ResponseDefinitionBuilder envelope(int status, long code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"2024071017032802"
                        + "6B85572D809D2BFFC5\",\"data\":{}}");
    }

    @Override
    protected VendorStubs stubs() {
        return new VendorStubs() {
            @Override
            public void registerHappyPath(StubServer server) {
                for (ContractOperation operation : List.of(ContractOperation.ORDERS_BY_IDS, ContractOperation.ORDERS_SEARCH,
                        ContractOperation.INVENTORY_BY_SKUS, ContractOperation.LOCATIONS_LIST, ContractOperation.HEALTH)) {
                    server.respond(route(operation), happy(operation));
                }
            }

            @Override
            public void registerFailure(StubServer server, ContractOperation operation, VendorFailure failure) {
                MappingBuilder route = route(operation);
                switch (failure) {
                    // PROTOCOLS.md §3 "Response / error envelope": HTTP 401, code 106001 for a rejected sign [3rd]
                    case UNAUTHENTICATED -> server.stubFor(route.willReturn(envelope(401, 106001,
                            "Invalid credentials. The 'sign' query parameter is invalid. Please refer to the documentation.")));
                    // code and text of a missing API package (EcomPHP/tiktokshop-php issue #40) [3rd]; HTTP 403 decides
                    case PERMISSION_DENIED -> server.stubFor(route.willReturn(envelope(403, 105005,
                            "you should apply auth pkg for this api")));
                    // PROTOCOLS.md §3: back off on 429 [3rd]; TikTok's throttle code is undocumented (placeholder), HTTP decides
                    case RATE_LIMITED -> server.stubFor(route.willReturn(envelope(429, 42900, "Too many requests")
                            .withHeader("Retry-After", "7")));
                    // PROTOCOLS.md §3: 503 is retryable [3rd]
                    case UNAVAILABLE -> server.stubFor(route.willReturn(envelope(503, 50000, "Service unavailable")));
                    case MALFORMED_RESPONSE -> server.stubFor(route.willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/json").withBody("{\"code\":0,\"data\":{\"orders\":[{\"id\":")));
                    case SLOW -> server.respond(route,
                            request -> happy(operation).apply(request).withFixedDelay((int) VendorFailure.SLOW_DELAY.toMillis()));
                }
            }

            @Override
            public Duration expectedRetryAfter() {
                return Duration.ofSeconds(7);
            }

            @Override
            public Map<String, String> requiredRequestHeaders() {
                return Map.of(TikTokShopClient.ACCESS_TOKEN_HEADER, FakeTikTokShop.ACCESS_TOKEN);
            }
        };
    }
}

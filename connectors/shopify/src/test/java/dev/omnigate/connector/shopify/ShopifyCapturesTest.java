package dev.omnigate.connector.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.shopify.mapping.ShopifyCustomerMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyIds;
import dev.omnigate.connector.shopify.mapping.ShopifyJson;
import dev.omnigate.connector.shopify.mapping.ShopifyInventoryMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyLocationMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyOrderMapper;
import dev.omnigate.connector.shopify.mapping.ShopifyPriceMapper;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.http.VendorResponse;
import dev.omnigate.connector.toolkit.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every file in {@code shared/vendor-specs/shopify/captures} (read in place; new files are picked up
 * automatically):
 * <ul>
 *   <li>parses as JSON;</li>
 *   <li>every recorded answer ({@code upstreamCalls[].response.body}, other {@code response}/{@code payload}
 *       envelopes, and the top-level {@code data} where present) goes through the connector's envelope
 *       reading: data comes back as data, and recorded {@code errors} get the category of their code;</li>
 *   <li>every Customer, Order, ProductVariant, InventoryLevel and Location object found anywhere in it maps
 *       to a sensible SPI record, or, when the capture did not select a field the connector always
 *       selects and the SPI requires (an order's {@code createdAt} and {@code totalPriceSet}, a variant's
 *       {@code sku} and {@code price}, a location's {@code name}), is refused with a BAD_RESPONSE naming
 *       exactly that field.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ShopifyCapturesTest {

    private static final SourceRefs REFS = new SourceRefs(Channel.SHOPIFY, "shopify", "captures");
    private final ShopifyCustomerMapper customers = new ShopifyCustomerMapper(REFS);
    private final ShopifyOrderMapper orders = new ShopifyOrderMapper(REFS);
    private final ShopifyPriceMapper prices = new ShopifyPriceMapper(REFS);
    private final ShopifyInventoryMapper levels = new ShopifyInventoryMapper(REFS);
    private final ShopifyLocationMapper locations = new ShopifyLocationMapper(REFS, Set.of(), Set.of());

    /** type -> [mapped, refused] over all files, checked once all dynamic tests ran. */
    private final Map<String, AtomicInteger[]> tally = new ConcurrentHashMap<>();

    private static Stream<DynamicTest> perFile(BiConsumer<Path, JsonNode> check) {
        return VendorSpecs.captureFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> check.accept(file, VendorSpecs.read(file))));
    }

    @TestFactory
    Stream<DynamicTest> everyCaptureFileParsesAsAJsonObject() {
        return perFile((file, capture) -> assertThat(capture.isObject()).as(file.toString()).isTrue());
    }

    // ------------------------------------------------------------------------------------------ envelopes

    private record Envelope(String where, int status, JsonNode body) {
    }

    private static void collectEnvelopes(JsonNode node, String path, String parentKey, List<Envelope> found) {
        if (node.isObject()) {
            boolean envelopeKey = parentKey == null || Set.of("body", "payload", "response").contains(parentKey);
            if (envelopeKey && (node.has("data") || node.has("errors"))) {
                found.add(new Envelope(path.isEmpty() ? "(top level)" : path, 200, node));
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collectEnvelopes(child.getValue(), path + "." + child.getKey(), child.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectEnvelopes(node.get(i), path + "[" + i + "]", parentKey, found);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedAnswerIsReadLikeALiveOne() {
        return perFile((file, capture) -> {
            List<Envelope> envelopes = new ArrayList<>();
            collectEnvelopes(capture, "", null, envelopes);
            for (JsonNode call : capture.path("upstreamCalls")) {
                assertThat(call.path("response").path("body").isObject())
                        .as("%s: upstreamCalls[].response.body is an object", file.getFileName()).isTrue();
            }
            if (capture.has("data") || capture.path("upstreamCalls").size() > 0) {
                assertThat(envelopes).as("%s has answers", file.getFileName()).isNotEmpty();
            }
            for (Envelope envelope : envelopes) {
                checkEnvelope(file, envelope);
            }
        });
    }

    private static void checkEnvelope(Path file, Envelope envelope) {
        String where = file.getFileName() + " " + envelope.where();
        VendorResponse response = new VendorResponse("shopify capture", envelope.status(), Headers.of(),
                envelope.body().toString().getBytes(StandardCharsets.UTF_8));
        JsonNode errors = envelope.body().get("errors");
        boolean hasErrors = errors != null && !errors.isNull() && !(errors.isArray() && errors.isEmpty());
        if (hasErrors) {
            ErrorCategory expected = ErrorCategory.BAD_RESPONSE; // an errors string on a 200 is not Shopify's shape
            if (errors.isArray()) {
                String code = Json.text(errors.get(0).path("extensions").get("code"));
                expected = ShopifyErrorCode.of(code)
                        .orElseThrow(() -> new AssertionError(where + ": Shopify error code '" + code
                                + "' is missing from ShopifyErrorCode"))
                        .category();
            }
            Throwable thrown = catchThrowable(() -> ShopifyClient.interpret(response, Clock.systemUTC()));
            ErrorCategory category = expected;
            assertThat(thrown).as(where).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.category()).as(where + ": " + e.getMessage()).isEqualTo(category));
        } else if (ShopifyClient.ignoredSearchField(envelope.body()).isPresent()) {
            Throwable thrown = catchThrowable(() -> ShopifyClient.interpret(response, Clock.systemUTC()));
            assertThat(thrown).as(where).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_REQUEST));
        } else if (envelope.body().path("data").isObject()) {
            ShopifyClient.Answer answer = ShopifyClient.interpret(response, Clock.systemUTC());
            assertThat(answer.data()).as(where).isEqualTo(envelope.body().get("data"));
            JsonNode recordedCost = envelope.body().path("extensions").path("cost");
            if (recordedCost.path("throttleStatus").isObject()) {
                assertThat(answer.cost().throttle()).as(where + " throttle status").isPresent();
                assertThat(answer.cost().throttle().orElseThrow().maximumAvailable())
                        .isEqualTo(recordedCost.path("throttleStatus").path("maximumAvailable").asDouble());
            }
        } else {
            Throwable thrown = catchThrowable(() -> ShopifyClient.interpret(response, Clock.systemUTC()));
            assertThat(thrown).as(where + " (data is null)").isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE));
        }
    }

    // ------------------------------------------------------------------------------------------ objects

    private static void collectObjects(JsonNode node, String type, List<JsonNode> found) {
        if (node.isObject()) {
            if (ShopifyIds.type(Json.text(node.get("id"))).filter(type::equals).isPresent()) {
                found.add(node);
            }
            node.properties().forEach(child -> collectObjects(child.getValue(), type, found));
        } else if (node.isArray()) {
            node.forEach(item -> collectObjects(item, type, found));
        }
    }

    private void count(String type, boolean mapped) {
        tally.computeIfAbsent(type, key -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()})[mapped ? 0 : 1]
                .incrementAndGet();
    }

    /** A refusal must be a BAD_RESPONSE naming the object and the missing field, and nothing personal. */
    private void assertRefused(Runnable mapping, JsonNode object, String expectedReason) {
        Throwable thrown = catchThrowable(mapping::run);
        assertThat(thrown).as("mapping %s", object.get("id")).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
            assertThat(e.getMessage()).contains(Json.text(object.get("id"))).contains(expectedReason);
            String email = Json.text(object.get("email"));
            if (email != null) {
                assertThat(e.getMessage()).doesNotContain(email);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedObjectMapsOrIsRefusedForTheFieldItLacks() {
        return perFile((file, capture) -> {
            checkCustomers(capture);
            checkOrders(capture);
            checkVariants(capture);
            checkLevels(capture);
            checkLocations(capture);
        });
    }

    private void checkCustomers(JsonNode capture) {
        List<JsonNode> found = new ArrayList<>();
        collectObjects(capture, "Customer", found);
        for (JsonNode object : found) {
            Customer customer = customers.toCustomer(object);
            assertThat(customer.source().nativeId()).isEqualTo(ShopifyIds.tail(Json.text(object.get("id"))).orElseThrow());
            assertThat(customer.emails()).allSatisfy(email -> {
                assertThat(email.address()).contains("@");
                assertThat(email.isRelay()).isFalse();
            });
            assertThat(customer.phones()).allSatisfy(phone -> {
                assertThat(phone.number()).startsWith("+");
                assertThat(phone.masked()).isFalse();
            });
            if (object.hasNonNull("displayName")) {
                assertThat(customer.displayName()).isEqualTo(object.get("displayName").asString());
            }
            if (customer.createdAt() != null && customer.updatedAt() != null) {
                assertThat(customer.updatedAt()).isAfterOrEqualTo(customer.createdAt());
            }
            count("Customer", true);
        }
    }

    private void checkOrders(JsonNode capture) {
        List<JsonNode> found = new ArrayList<>();
        collectObjects(capture, "Order", found);
        for (JsonNode object : found) {
            checkOrderParts(object);
            if (!object.hasNonNull("createdAt")) {
                assertRefused(() -> orders.toOrder(object), object, "lacks createdAt");
                count("Order", false);
            } else if (!object.hasNonNull("totalPriceSet")) {
                assertRefused(() -> orders.toOrder(object), object, "lacks totalPriceSet");
                count("Order", false);
            } else {
                Order order = orders.toOrder(object);
                assertThat(order.total().amount().signum()).isGreaterThanOrEqualTo(0);
                assertThat(order.rawStatus()).contains("/");
                assertThat(order.source().nativeId()).matches("[1-9][0-9]*");
                count("Order", true);
            }
        }
    }

    /**
     * The parts of a captured order that the capture did select go through the same mapping code as a
     * full order, even when the whole order cannot map: money bags, line items, statuses, delivery methods.
     */
    private void checkOrderParts(JsonNode order) {
        String what = "captured order";
        order.properties().forEach(field -> {
            if (field.getKey().endsWith("PriceSet") || field.getKey().endsWith("Set") && field.getValue().has("shopMoney")) {
                if (field.getValue().isObject()) {
                    Money shop = ShopifyJson.shopMoney(field.getValue(), what);
                    assertThat(shop).as(field.getKey()).isNotNull();
                    assertThat(shop.currencyCode()).isEqualTo(field.getValue().at("/shopMoney/currencyCode").asString());
                    assertThat(shop.amount()).isEqualByComparingTo(field.getValue().at("/shopMoney/amount").asString());
                    count("Order.moneyBag", true);
                }
            }
        });
        for (JsonNode line : ShopifyJson.nodes(order.get("lineItems"))) {
            if (line.hasNonNull("title") || line.hasNonNull("name")) {
                if (line.has("quantity")) {
                    OrderLine mapped = orders.toLine(line, what);
                    assertThat(mapped.quantity()).isEqualTo(line.get("quantity").asInt());
                    count("Order.line", true);
                }
            }
        }
        if (order.has("displayFulfillmentStatus") || order.has("displayFinancialStatus")) {
            OrderStatus status = ShopifyOrderMapper.status(order.hasNonNull("cancelledAt"),
                    ShopifyJson.string(order, "displayFinancialStatus"), ShopifyJson.string(order, "displayFulfillmentStatus"));
            assertThat(status).isNotEqualTo(OrderStatus.UNKNOWN);
            count("Order.status", true);
        }
    }

    private void checkVariants(JsonNode capture) {
        List<JsonNode> found = new ArrayList<>();
        collectObjects(capture, "ProductVariant", found);
        for (JsonNode object : found) {
            if (!object.hasNonNull("sku")) {
                assertRefused(() -> prices.toPrice(object, FakeShopify.SHOP_CURRENCY), object, "has no SKU");
                count("ProductVariant", false);
            } else if (!object.hasNonNull("price")) {
                assertRefused(() -> prices.toPrice(object, FakeShopify.SHOP_CURRENCY), object, "lacks price");
                count("ProductVariant", false);
            } else {
                Price price = prices.toPrice(object, FakeShopify.SHOP_CURRENCY);
                assertThat(price.sku()).isEqualTo(object.get("sku").asString());
                assertThat(price.price().currencyCode()).isEqualTo("CAD");
                assertThat(price.price().amount()).isEqualByComparingTo(object.get("price").asString());
                assertThat(price.title()).isNotBlank();
                count("ProductVariant", true);
            }
        }
    }

    private void checkLevels(JsonNode capture) {
        List<JsonNode> found = new ArrayList<>();
        collectObjects(capture, "InventoryLevel", found);
        for (JsonNode object : found) {
            InventoryLevel level = levels.toLevel(object, "CAPTURE-SKU");
            assertThat(level.source().nativeId()).matches("[1-9][0-9]*\\?inventory_item_id=[1-9][0-9]*");
            assertThat(level.locationId()).isEqualTo(ShopifyIds.legacyId(object.get("location")).orElseThrow()).matches("[1-9][0-9]*");
            assertThat(level.available()).isEqualTo(ShopifyInventoryMapper.quantity(object, "available"));
            assertThat(level.onHand()).isEqualTo(ShopifyInventoryMapper.quantity(object, "on_hand"));
            count("InventoryLevel", true);
        }
    }

    private void checkLocations(JsonNode capture) {
        List<JsonNode> found = new ArrayList<>();
        collectObjects(capture, "Location", found);
        for (JsonNode object : found) {
            if (!object.hasNonNull("name") || object.get("name").asString().isBlank()) {
                assertRefused(() -> locations.toLocation(object), object, "lacks name");
                count("Location", false);
            } else {
                Location location = locations.toLocation(object);
                assertThat(location.name()).isEqualTo(object.get("name").asString());
                assertThat(location.kind()).isEqualTo(object.has("localPickupSettingsV2") && object.get("localPickupSettingsV2").isObject()
                        ? LocationKind.STORE : LocationKind.WAREHOUSE);
                assertThat(location.active()).isEqualTo(!object.has("isActive") || object.get("isActive").asBoolean());
                count("Location", true);
            }
        }
    }

    @AfterAll
    void theCapturesExercisedEveryMapper() {
        // guards against a walk that silently finds nothing
        assertThat(mapped("Customer")).as("customers mapped").isGreaterThanOrEqualTo(5);
        assertThat(mapped("ProductVariant")).as("variants priced").isGreaterThanOrEqualTo(1);
        assertThat(mapped("InventoryLevel")).as("inventory levels mapped").isGreaterThanOrEqualTo(10);
        assertThat(mapped("Location")).as("locations mapped").isGreaterThanOrEqualTo(10);
        assertThat(mapped("Order") + refused("Order")).as("orders seen").isGreaterThanOrEqualTo(10);
        // no capture selects a whole order, so its parts must map: money bags and statuses (the captures
        // hold line items only in mutation inputs, not in answers, so lines are mapped when they appear)
        assertThat(mapped("Order.moneyBag")).as("order money bags mapped").isGreaterThanOrEqualTo(5);
        assertThat(mapped("Order.status")).as("order statuses mapped").isGreaterThanOrEqualTo(5);
    }

    private int mapped(String type) {
        AtomicInteger[] counts = tally.get(type);
        return counts == null ? 0 : counts[0].get();
    }

    private int refused(String type) {
        AtomicInteger[] counts = tally.get(type);
        return counts == null ? 0 : counts[1].get();
    }
}

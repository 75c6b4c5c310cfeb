package dev.omnigate.simulator.shopify;

import static dev.omnigate.simulator.shopify.GraphQLCalls.JSON;
import static dev.omnigate.simulator.shopify.GraphQLCalls.post;
import static dev.omnigate.simulator.shopify.GraphQLCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.VendorSpecs;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Location;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.StockLevel;
import dev.omnigate.simulator.world.WorldGenerator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Shopify simulator over real HTTP on 127.0.0.1, driven with a plain {@link java.net.http.HttpClient}. */
final class ShopifySimulatorHttpTest {

    private static Sandbox sandbox;
    private static URI baseUrl;
    private static String token;
    private static ShopifyStore store;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        baseUrl = sandbox.shopify().baseUrl();
        token = sandbox.account("shopify").connectorConfig().get("access-token");
        store = sandbox.shopify().store();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void resetSimulator() {
        sandbox.shopify().throttle().reset();
        sandbox.shopify().counters().reset();
        sandbox.shopify().faults().clear();
    }

    private static GraphQLCalls.Reply query(String query) {
        return post(baseUrl, token, query);
    }

    private static GraphQLCalls.Reply query(String query, Map<String, Object> variables) {
        return post(baseUrl, token, query, variables);
    }

    private static ShopifyModel.Customer ava() {
        return store.customerOfPerson(DemoWorld.AVA_KEY).orElseThrow();
    }

    // ---------------------------------------------------------------- transport

    @Test
    void rejectsMissingOrWrongTokenWithShopifys401() {
        for (String wrong : new String[] {null, "shpat_wrong"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/admin/api/2026-04/graphql.json"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}"));
            if (wrong != null) {
                request.header("X-Shopify-Access-Token", wrong);
            }
            GraphQLCalls.Reply reply = send(request);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body().path("errors").asString())
                    .isEqualTo("[API] Invalid API key or access token (unrecognized login or wrong password)");
        }
    }

    @Test
    void answersUnknownApiVersionsAndPathsWith404() {
        for (String path : new String[] {"/admin/api/2019-01/graphql.json", "/admin/api/latest/graphql.json", "/admin/graphql.json"}) {
            GraphQLCalls.Reply reply = send(HttpRequest.newBuilder(baseUrl.resolve(path))
                    .header("Content-Type", "application/json").header("X-Shopify-Access-Token", token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}")));
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body().path("errors").asString()).isEqualTo("Not Found");
        }
        GraphQLCalls.Reply supported = send(HttpRequest.newBuilder(baseUrl.resolve("/admin/api/2025-01/graphql.json"))
                .header("Content-Type", "application/json").header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}")));
        assertThat(supported.status()).isEqualTo(200);
        assertThat(supported.raw().headers().firstValue("X-Shopify-API-Version")).contains("2025-01");
    }

    @Test
    void checksContentTypeBodyShapeAndSize() {
        URI endpoint = baseUrl.resolve("/admin/api/2026-04/graphql.json");
        GraphQLCalls.Reply text = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "text/plain")
                .header("X-Shopify-Access-Token", token).POST(HttpRequest.BodyPublishers.ofString("{ shop { name } }")));
        assertThat(text.status()).isEqualTo(415);

        GraphQLCalls.Reply graphql = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/graphql")
                .header("X-Shopify-Access-Token", token).POST(HttpRequest.BodyPublishers.ofString("{ shop { name } }")));
        assertThat(graphql.status()).isEqualTo(200);
        assertThat(graphql.data().path("shop").path("name").asString()).isEqualTo("Omnigate Outfitters");

        GraphQLCalls.Reply notJson = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", token).POST(HttpRequest.BodyPublishers.ofString("{\"query\": 42")));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().path("errors").path("query").asString()).isEqualTo("Required parameter missing or invalid");

        String huge = "{\"query\":\"{ shop { name } }\",\"variables\":{\"pad\":\"" + "x".repeat((1 << 20) + 10) + "\"}}";
        GraphQLCalls.Reply tooLarge = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", token).POST(HttpRequest.BodyPublishers.ofString(huge)));
        assertThat(tooLarge.status()).isEqualTo(413);
        // the refused body was never read: the connection must not be reused, or the next request sees no bytes
        for (int i = 0; i < 3; i++) {
            assertThat(query("{ shop { name } }").status()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- data

    @Test
    void findsAvaByEmailCaseInsensitivelyAndByPhone() {
        for (String search : List.of("email:AVA.Chen@Example.COM", "email:\"ava.chen@example.com\"", "phone:+14155550142",
                "phone:4155550142", "Ava Chen")) {
            JsonNode nodes = query("query($q: String) { customers(first: 5, query: $q) { nodes { id legacyResourceId "
                    + "displayName email phone numberOfOrders } } }", Map.of("q", search)).data().path("customers").path("nodes");
            assertThat(nodes.size()).as(search).isEqualTo(1);
            JsonNode customer = nodes.path(0);
            assertThat(customer.path("displayName").asString()).isEqualTo("Ava Chen");
            assertThat(customer.path("email").asString()).isEqualTo("ava.chen@example.com");
            assertThat(customer.path("phone").asString()).isEqualTo("+14155550142");
            assertThat(customer.path("id").asString()).isEqualTo("gid://shopify/Customer/" + ava().legacyId());
            assertThat(customer.path("legacyResourceId").asString()).isEqualTo(Long.toString(ava().legacyId()));
            assertThat(customer.path("numberOfOrders").asString()).isEqualTo("3");
        }
        JsonNode none = query("{ customers(first: 5, query: \"email:nobody@example.com\") { nodes { id } } }").data();
        assertThat(none.path("customers").path("nodes").size()).isZero();
    }

    @Test
    void nodesResolvesGlobalIdsAndAnswersNullForMissingOnes() {
        ShopifyModel.Order avaOrder = store.ordersOfCustomer(ava().legacyId()).getFirst();
        List<String> ids = List.of(ava().id(), "gid://shopify/Customer/1", avaOrder.id(), "gid://shopify/Widget/5");
        JsonNode nodes = query("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { email } "
                + "... on Order { name } } }", Map.of("ids", ids)).data().path("nodes");
        assertThat(nodes.size()).isEqualTo(4);
        assertThat(nodes.path(0).path("email").asString()).isEqualTo("ava.chen@example.com");
        assertThat(nodes.path(1).isNull()).isTrue();
        assertThat(nodes.path(2).path("name").asString()).isEqualTo(avaOrder.name());
        assertThat(nodes.path(3).isNull()).isTrue();

        GraphQLCalls.Reply malformed = query("{ nodes(ids: [\"9522206933298\"]) { id } }");
        assertThat(malformed.errorCode()).isEqualTo("argumentLiteralsIncompatible");
        assertThat(malformed.body().path("errors").path(0).path("message").asString()).isEqualTo("Invalid global id '9522206933298'");
    }

    @Test
    void pagesOrdersOfTwoCustomersJoinedWithOr() {
        ShopifyModel.Customer other = store.customers().stream()
                .filter(c -> c.legacyId() != ava().legacyId() && store.ordersOfCustomer(c.legacyId()).size() >= 3)
                .findFirst().orElseThrow();
        List<String> expected = new ArrayList<>();
        store.orders().stream().filter(o -> o.customerLegacyId() != null
                        && (o.customerLegacyId() == ava().legacyId() || o.customerLegacyId() == other.legacyId()))
                .sorted(java.util.Comparator.comparing(ShopifyModel.Order::createdAt).reversed())
                .forEach(o -> expected.add(o.id()));
        String search = "customer_id:" + ava().legacyId() + " OR customer_id:" + other.legacyId();
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("q", search);
            variables.put("after", after);
            JsonNode connection = query("query($q: String, $after: String) { orders(first: 2, after: $after, query: $q, "
                    + "sortKey: CREATED_AT, reverse: true) { edges { cursor node { id customer { id } } } "
                    + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }", variables).data().path("orders");
            JsonNode pageInfo = connection.path("pageInfo");
            assertThat(pageInfo.path("hasPreviousPage").asBoolean()).isEqualTo(pages > 0);
            connection.path("edges").forEach(edge -> {
                seen.add(edge.path("node").path("id").asString());
                assertThat(edge.path("node").path("customer").path("id").asString()).isIn(ava().id(), other.id());
            });
            assertThat(pageInfo.path("endCursor").asString()).isEqualTo(connection.path("edges").path(connection.path("edges").size() - 1).path("cursor").asString());
            hasNext = pageInfo.path("hasNextPage").asBoolean();
            after = pageInfo.path("endCursor").asString();
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).containsExactlyElementsOf(expected);

        GraphQLCalls.Reply bad = query("{ orders(first: 2, after: \"bm90LWEtY3Vyc29y\") { nodes { id } } }");
        assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
        GraphQLCalls.Reply unsized = query("{ orders(query: \"status:open\") { nodes { id } } }");
        assertThat(unsized.body().path("errors").path(0).path("message").asString()).isEqualTo("you must provide one of first or last");
    }

    @Test
    void backwardPagingWithLastAndBefore() {
        JsonNode all = query("{ locations(first: 10, sortKey: ID) { nodes { id } } }").data().path("locations").path("nodes");
        JsonNode tail = query("{ locations(last: 2, sortKey: ID) { nodes { id } pageInfo { hasPreviousPage hasNextPage startCursor } } }")
                .data().path("locations");
        assertThat(tail.path("nodes").path(1).path("id").asString()).isEqualTo(all.path(all.size() - 1).path("id").asString());
        assertThat(tail.path("pageInfo").path("hasPreviousPage").asBoolean()).isTrue();
        assertThat(tail.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        JsonNode before = query("query($b: String) { locations(last: 1, before: $b, sortKey: ID) { nodes { id } } }",
                Map.of("b", tail.path("pageInfo").path("startCursor").asString())).data().path("locations").path("nodes");
        assertThat(before.path(0).path("id").asString()).isEqualTo(all.path(all.size() - 3).path("id").asString());
    }

    @Test
    void productVariantsBySkuCarryInventoryLevelsWithNamedQuantities() {
        String sku = "OO-TFP-HEA-M";
        JsonNode variant = query("{ productVariants(first: 5, query: \"sku:" + sku + "\") { nodes { sku price compareAtPrice "
                + "legacyResourceId product { title } inventoryItem { id sku tracked inventoryLevels(first: 10) { nodes { id "
                + "location { legacyResourceId name } quantities(names: [\"available\", \"committed\", \"on_hand\", "
                + "\"incoming\", \"reserved\"]) { name quantity } } } } } } }").data().path("productVariants").path("nodes");
        assertThat(variant.size()).isEqualTo(1);
        JsonNode node = variant.path(0);
        assertThat(node.path("sku").asString()).isEqualTo(sku);
        assertThat(node.path("price").asString()).isEqualTo("79.50");
        assertThat(node.path("compareAtPrice").isNull()).isTrue();
        assertThat(node.path("product").path("title").asString()).isEqualTo("Trailhead Fleece Pullover");
        JsonNode levels = node.path("inventoryItem").path("inventoryLevels").path("nodes");
        assertThat(levels.size()).isEqualTo(sandbox.world().locationsOn(Channel.SHOPIFY).size());
        boolean sawCommitted = false;
        for (JsonNode level : levels) {
            ShopifyModel.Location location = store.location(Long.parseLong(level.path("location").path("legacyResourceId").asString())).orElseThrow();
            StockLevel stock = sandbox.world().stockOf(sku, location.worldKey()).orElseThrow();
            Map<String, Integer> quantities = new HashMap<>();
            level.path("quantities").forEach(q -> quantities.put(q.path("name").asString(), q.path("quantity").asInt()));
            assertThat(quantities).containsEntry("available", stock.available()).containsEntry("committed", stock.committed())
                    .containsEntry("on_hand", stock.onHand()).containsEntry("incoming", stock.incoming()).containsEntry("reserved", 0);
            assertThat(level.path("id").asString()).isEqualTo("gid://shopify/InventoryLevel/" + location.legacyId()
                    + "?inventory_item_id=" + node.path("inventoryItem").path("id").asString().replaceAll("\\D", ""));
            sawCommitted |= stock.committed() > 0;
        }
        assertThat(sawCommitted).as("Ava's open order commits a unit of " + sku).isTrue();
        GraphQLCalls.Reply badName = query("{ productVariants(first: 1) { nodes { inventoryItem { inventoryLevels(first: 1) { "
                + "nodes { quantities(names: [\"sellable\"]) { quantity } } } } } } }");
        assertThat(badName.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void locationsHaveAddressesCoordinatesAndStorePickup() {
        JsonNode nodes = query("{ locations(first: 20) { nodes { legacyResourceId name isActive fulfillsOnlineOrders "
                + "localPickupSettingsV2 { pickupTime instructions } address { address1 city provinceCode zip countryCode "
                + "latitude longitude } } } }").data().path("locations").path("nodes");
        List<Location> shopifyLocations = sandbox.world().locationsOn(Channel.SHOPIFY);
        assertThat(nodes.size()).isEqualTo(shopifyLocations.size());
        List<String> names = StreamSupport.stream(nodes.spliterator(), false).map(n -> n.path("name").asString()).toList();
        assertThat(names).isSorted();
        for (JsonNode node : nodes) {
            Location world = sandbox.world().location(store.location(node.path("legacyResourceId").asLong()).orElseThrow().worldKey());
            assertThat(node.path("address").path("latitude").asDouble()).isEqualTo(world.geo().latitude());
            assertThat(node.path("address").path("longitude").asDouble()).isEqualTo(world.geo().longitude());
            assertThat(node.path("address").path("countryCode").asString()).isEqualTo("US");
            assertThat(node.path("localPickupSettingsV2").isNull()).isEqualTo(!world.offersPickup());
        }
        JsonNode pickup = query("{ locations(first: 20, query: \"pickup_in_store:enabled\") { nodes { localPickupSettingsV2 { pickupTime } } } }")
                .data().path("locations").path("nodes");
        assertThat(pickup.size()).isGreaterThanOrEqualTo(4);
        pickup.forEach(n -> assertThat(n.path("localPickupSettingsV2").path("pickupTime").asString()).isNotEmpty());
    }

    @Test
    void servesMoneyIdsAndStatusesInShopifysFormats() {
        Order shipped = sandbox.world().ordersOf(DemoWorld.AVA_KEY).getFirst();
        ShopifyModel.Order order = store.orderOfWorld(shipped.key());
        JsonNode node = query("query($id: ID!) { order(id: $id) { id legacyResourceId name email createdAt displayFinancialStatus "
                + "displayFulfillmentStatus totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount } } "
                + "subtotalPriceSet { shopMoney { amount } } totalTaxSet { shopMoney { amount } } "
                + "lineItems(first: 5) { nodes { sku quantity originalUnitPriceSet { shopMoney { amount } } } } "
                + "fulfillmentOrders(first: 5) { nodes { status deliveryMethod { methodType } assignedLocation { location { name } } } } } }",
                Map.of("id", order.id())).data().path("order");
        assertThat(node.path("id").asString()).isEqualTo("gid://shopify/Order/" + shipped.nativeId());
        assertThat(node.path("legacyResourceId").asString()).isEqualTo(shipped.nativeId());
        assertThat(node.path("createdAt").asString()).isEqualTo("2025-02-14T19:05:12Z");
        assertThat(node.path("totalPriceSet").path("shopMoney").path("amount").asString()).isEqualTo("272.4");
        assertThat(node.path("totalPriceSet").path("shopMoney").path("currencyCode").asString()).isEqualTo("USD");
        assertThat(node.path("subtotalPriceSet").path("shopMoney").path("amount").asString()).isEqualTo("253.99");
        assertThat(node.path("lineItems").path("nodes").path(0).path("originalUnitPriceSet").path("shopMoney").path("amount").asString())
                .isEqualTo("229.0");
        assertThat(node.path("displayFinancialStatus").asString()).isEqualTo("PAID");
        assertThat(node.path("displayFulfillmentStatus").asString()).isEqualTo("FULFILLED");
        assertThat(node.path("fulfillmentOrders").path("nodes").path(0).path("deliveryMethod").path("methodType").asString())
                .isEqualTo("SHIPPING");
        JsonNode pickup = query("{ orders(first: 10, query: \"customer_id:" + ava().legacyId() + " AND tag:local-pickup\") { nodes { "
                + "fulfillmentOrders(first: 1) { nodes { deliveryMethod { methodType } assignedLocation { location { name } } } } } } }")
                .data().path("orders").path("nodes");
        assertThat(pickup.size()).isEqualTo(1);
        JsonNode fulfillment = pickup.path(0).path("fulfillmentOrders").path("nodes").path(0);
        assertThat(fulfillment.path("deliveryMethod").path("methodType").asString()).isEqualTo("PICK_UP");
        assertThat(fulfillment.path("assignedLocation").path("location").path("name").asString()).isEqualTo("Omnigate Outfitters San Francisco");
    }

    @Test
    void searchesByDateRangesAndWarnsAboutUnknownFields() {
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        long expected = store.orders().stream().filter(o -> !o.createdAt().isBefore(from)).count();
        GraphQLCalls.Reply reply = query("{ orders(first: 250, query: \"created_at:>=2026-10-01T00:00:00Z AND created_at:<2026-11-01 "
                + "NOT bogus_field:x\") { nodes { createdAt } } }");
        JsonNode nodes = reply.data().path("orders").path("nodes");
        assertThat(nodes.size()).isEqualTo((int) expected).isPositive();
        nodes.forEach(n -> assertThat(Instant.parse(n.path("createdAt").asString())).isAfterOrEqualTo(from));
        JsonNode warning = reply.body().path("extensions").path("search").path(0);
        assertThat(warning.path("warnings").path(0).path("field").asString()).isEqualTo("bogus_field");
        assertThat(warning.path("warnings").path(0).path("message").asString()).isEqualTo("Invalid search field for this query.");
    }

    // ---------------------------------------------------------------- cost and errors

    @Test
    void maxCostExceededForAHugeFirst() {
        GraphQLCalls.Reply reply = query("{ orders(first: 5000) { nodes { id } } }");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isEqualTo("MAX_COST_EXCEEDED");
        assertThat(reply.body().path("errors").path(0).path("message").asString())
                .startsWith("Query cost is 5002, which exceeds the single query max cost limit (1000).");
        assertThat(reply.body().has("data")).isFalse();
        assertThat(reply.cost().path("requestedQueryCost").asInt()).isEqualTo(5002);
        assertThat(reply.cost().path("actualQueryCost").isNull()).isTrue();
    }

    @Test
    void parseAndValidationErrorsMatchShopifysCapturedResponses() throws Exception {
        JsonNode capture = JSON.readTree(VendorSpecs.file(
                "shopify/captures/2025-01__admin-platform__graphql-base-validation-unhappy-paths.json").toFile());
        for (String name : List.of("invalidSyntax", "missingSubselection", "unknownQueryRoot", "unknownOrderField")) {
            JsonNode testCase = capture.path("cases").path(name);
            GraphQLCalls.Reply reply = query(testCase.path("request").path("query").asString());
            assertThat(reply.status()).as(name).isEqualTo(testCase.path("response").path("status").asInt());
            assertThat(reply.body()).as(name).isEqualTo(testCase.path("response").path("payload"));
        }
    }

    @Test
    void reportsInvalidVariablesAndArgumentsTheWayShopifyDoes() {
        GraphQLCalls.Reply missing = query("query CustomerById($id: ID!) { customer(id: $id) { id } }");
        JsonNode error = missing.body().path("errors").path(0);
        assertThat(error.path("message").asString()).isEqualTo("Variable $id of type ID! was provided invalid value");
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("INVALID_VARIABLE");
        assertThat(error.path("extensions").path("problems").path(0).path("explanation").asString())
                .isEqualTo("Expected value to not be null");
        GraphQLCalls.Reply unknownArgument = query("{ customers(first: 1, colour: \"red\") { nodes { id } } }");
        assertThat(unknownArgument.errorCode()).isEqualTo("argumentNotAccepted");
        GraphQLCalls.Reply mutation = query("mutation { customerCreate(input: {}) { customer { id } } }");
        assertThat(mutation.errorCode()).isEqualTo("undefinedField");
    }

    @Test
    void costExtensionAccompaniesEveryAnswer() {
        GraphQLCalls.Reply reply = query("{ customers(first: 3) { nodes { id amountSpent { amount } } } }");
        assertThat(reply.cost().path("requestedQueryCost").asInt()).isEqualTo(2 + 3 * 2);
        assertThat(reply.cost().path("actualQueryCost").asInt()).isEqualTo(2 + 3 * 2);
        assertThat(reply.cost().path("throttleStatus").path("maximumAvailable").asInt()).isEqualTo(2000);
        assertThat(reply.cost().path("throttleStatus").path("restoreRate").asInt()).isEqualTo(100);
        assertThat(reply.cost().path("throttleStatus").path("currentlyAvailable").asInt()).isBetween(1992, 2000);
        GraphQLCalls.Reply partial = query("query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                Map.of("ids", List.of(ava().id(), "gid://shopify/Customer/1", "gid://shopify/Customer/2")));
        assertThat(partial.cost().path("requestedQueryCost").asInt()).isEqualTo(3);
        assertThat(partial.cost().path("actualQueryCost").asInt()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- test hooks

    @Test
    void injectedServiceUnavailableAnswers503ThenServesAgain() {
        sandbox.shopify().faults().next(2, Fault.serviceUnavailable());
        assertThat(query("{ shop { name } }").status()).isEqualTo(503);
        assertThat(query("{ shop { name } }").status()).isEqualTo(503);
        GraphQLCalls.Reply ok = query("{ shop { name } }");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.data().path("shop").path("name").asString()).isEqualTo("Omnigate Outfitters");
        assertThat(sandbox.shopify().faults().pending()).isZero();
        assertThat(sandbox.shopify().counters().total()).isEqualTo(3);
    }

    @Test
    void injectedDelayHoldsTheAnswerBack() {
        sandbox.shopify().faults().next(1, Fault.delay(Duration.ofSeconds(5)));
        HttpRequest slow = HttpRequest.newBuilder(baseUrl.resolve("/admin/api/2026-04/graphql.json"))
                .header("Content-Type", "application/json").header("X-Shopify-Access-Token", token)
                .timeout(Duration.ofMillis(500))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}")).build();
        assertThatThrownBy(() -> GraphQLCalls.CLIENT.send(slow, java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(query("{ shop { name } }").status()).isEqualTo(200);
    }

    @Test
    void injectedThrottleAnswersThrottledWithoutChargingTheBucket() {
        sandbox.shopify().faults().next(1, Fault.throttled());
        GraphQLCalls.Reply throttled = query("{ customers(first: 10) { nodes { id } } }");
        assertThat(throttled.status()).isEqualTo(200);
        assertThat(throttled.errorCode()).isEqualTo("THROTTLED");
        assertThat(throttled.cost().path("requestedQueryCost").asInt()).isEqualTo(12);
        assertThat(throttled.cost().path("actualQueryCost").isNull()).isTrue();
        assertThat(throttled.cost().path("throttleStatus").path("currentlyAvailable").asInt()).isZero();
        assertThat(sandbox.shopify().throttle().currentlyAvailable()).isEqualTo(2000);
    }

    @Test
    void countsRequestsAndRootFields() {
        query("{ shop { name } customers(first: 1) { nodes { id } } }");
        query("{ a: customers(first: 1) { nodes { id } } nodes(ids: []) { id } }");
        send(HttpRequest.newBuilder(baseUrl.resolve("/admin/api/2026-04/graphql.json")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ shop { name } }\"}")));
        RequestCounters counters = sandbox.shopify().counters();
        assertThat(counters.total()).isEqualTo(3);
        assertThat(counters.rootField("customers")).isEqualTo(2);
        assertThat(counters.rootField("shop")).isEqualTo(1);
        assertThat(counters.rootField("nodes")).isEqualTo(1);
        assertThat(counters.rootFields()).containsOnlyKeys("customers", "shop", "nodes");
    }

    /** A simulator of its own with a tiny bucket and a hand-moved clock, so budgets are exact. */
    @Nested
    final class Throttling {

        private final GraphQLCalls.ManualClock clock = new GraphQLCalls.ManualClock();

        @Test
        void budgetDecreasesThenThrottlesThenRestores() {
            ShopifyStore tinyStore = new ShopifyStore(WorldGenerator.generate(SandboxOptions.DEFAULT_SEED), "tiny.myshopify.com");
            try (ShopifySimulator tiny = ShopifySimulator.start(tinyStore, "127.0.0.1", 0, "token", "secret",
                    ShopifySimulatorOptions.defaults().withBucket(50, 10).withClock(clock))) {
                String twentyCustomers = "{ customers(first: 20) { nodes { id } } }";
                GraphQLCalls.Reply first = post(tiny.baseUrl(), "token", twentyCustomers);
                GraphQLCalls.Reply second = post(tiny.baseUrl(), "token", twentyCustomers);
                assertThat(first.cost().path("throttleStatus").path("currentlyAvailable").asInt()).isEqualTo(50 - 22);
                assertThat(second.cost().path("throttleStatus").path("currentlyAvailable").asInt()).isEqualTo(50 - 44);

                GraphQLCalls.Reply throttled = post(tiny.baseUrl(), "token", twentyCustomers);
                assertThat(throttled.status()).isEqualTo(200);
                assertThat(throttled.body().path("errors").path(0).path("message").asString()).isEqualTo("Throttled");
                assertThat(throttled.errorCode()).isEqualTo("THROTTLED");
                assertThat(throttled.body().path("errors").path(0).path("extensions").path("documentation").asString())
                        .isEqualTo("https://shopify.dev/api/usage/rate-limits");
                assertThat(throttled.body().has("data")).isFalse();
                assertThat(throttled.cost().path("requestedQueryCost").asInt()).isEqualTo(22);
                assertThat(throttled.cost().path("actualQueryCost").isNull()).isTrue();
                assertThat(throttled.cost().path("throttleStatus").path("currentlyAvailable").asInt()).isEqualTo(6);
                assertThat(throttled.cost().path("throttleStatus").path("restoreRate").asInt()).isEqualTo(10);

                clock.advance(Duration.ofSeconds(2));
                GraphQLCalls.Reply restored = post(tiny.baseUrl(), "token", twentyCustomers);
                assertThat(restored.data().path("customers").path("nodes").size()).isEqualTo(20);
                assertThat(restored.cost().path("throttleStatus").path("currentlyAvailable").asInt()).isEqualTo(6 + 20 - 22);
            }
        }
    }
}

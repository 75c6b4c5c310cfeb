package dev.omnigate.connector.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.omnigate.connector.testkit.ContractOperation;
import dev.omnigate.connector.testkit.StubServer;
import dev.omnigate.connector.testkit.VendorFailure;
import dev.omnigate.connector.testkit.VendorStubs;
import dev.omnigate.connector.toolkit.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SP-API on WireMock for the contract test. Answers come from the models' own examples, read in place:
 * <ul>
 *   <li>getOrder ({@code orders_2026-01-01.json}, getOrder and searchOrders 200 examples): any example order by id,
 *       else 404 with an {@code ErrorList};</li>
 *   <li>searchOrders (same file, searchOrders 200 examples, concatenated): paged by {@code maxResultsPerPage} with our
 *       own {@code paginationToken}s;</li>
 *   <li>searchListingsItems ({@code listingsItems_2021-08-01.json}, getListingsItem and searchListingsItems 200
 *       examples): the example items whose SKU is among {@code identifiers};</li>
 *   <li>getMarketplaceParticipations ({@code sellers.json}, static sandbox response);</li>
 *   <li>getInventorySummaries: the model has no static sandbox block for it, so the summaries below are written by hand
 *       following {@code fbaInventory.json} {@code GetInventorySummariesResponse}/{@code InventorySummary}.</li>
 * </ul>
 * Failures follow the models' {@code ErrorList} ({@code {"errors":[{code,message,details}]}}) with
 * {@code x-amzn-RequestId}; the 429 carries {@code QuotaExceeded} and {@code x-amzn-RateLimit-Limit} as SP-API documents
 * (usage-plans-and-rate-limits) and no {@code Retry-After}.
 */
final class AmazonStubs implements VendorStubs {

    static final String ACCESS_TOKEN = "Atza|contract-access-token-3c1f9e";
    static final String SELLER_ID = "A3TH9S8BH6GOGM";
    static final String MARKETPLACE = "ATVPDKIKX0DER";
    static final String ORDERS_PATH = "/orders/2026-01-01/orders";
    static final String SUMMARIES_PATH = "/fba/inventory/v1/summaries";
    static final String LISTINGS_PATH = "/listings/2021-08-01/items/" + SELLER_ID;
    static final String PARTICIPATIONS_PATH = "/sellers/v1/marketplaceParticipations";

    /** Hand-written after fbaInventory.json InventorySummary (no static sandbox example exists for getInventorySummaries). */
    static final String INVENTORY_SUMMARIES = """
            [
              {"asin": "B071VG5N9D", "fnSku": "X0033JPZ9F", "sellerSku": "GM-ZDPI-9B4E", "condition": "NewItem",
               "inventoryDetails": {"fulfillableQuantity": 50, "inboundWorkingQuantity": 0, "inboundShippedQuantity": 5,
                 "inboundReceivingQuantity": 10,
                 "reservedQuantity": {"totalReservedQuantity": 30, "pendingCustomerOrderQuantity": 10,
                   "pendingTransshipmentQuantity": 15, "fcProcessingQuantity": 5},
                 "researchingQuantity": {"totalResearchingQuantity": 1, "researchingQuantityBreakdown": []},
                 "unfulfillableQuantity": {"totalUnfulfillableQuantity": 2, "customerDamagedQuantity": 2}},
               "lastUpdatedTime": "2025-06-01T12:00:00Z", "productName": "Hardside Carry-On Spinner Suitcase Luggage",
               "totalQuantity": 98, "stores": []},
              {"asin": "B071VG5N9E", "fnSku": "X0033JPZ9G", "sellerSku": "HW-ZDPI-9B4E", "condition": "NewItem",
               "inventoryDetails": {"fulfillableQuantity": 0, "inboundWorkingQuantity": 12, "inboundShippedQuantity": 0,
                 "inboundReceivingQuantity": 0,
                 "reservedQuantity": {"totalReservedQuantity": 0, "pendingCustomerOrderQuantity": 0,
                   "pendingTransshipmentQuantity": 0, "fcProcessingQuantity": 0}},
               "lastUpdatedTime": "2025-06-02T08:30:00Z", "productName": "Hardside Checked Spinner Suitcase",
               "totalQuantity": 12, "stores": []}
            ]
            """;

    private final List<JsonNode> searchOrders = AmazonModels.searchExampleOrders();
    private final Map<String, JsonNode> orders = AmazonModels.exampleOrders();
    private final Map<String, JsonNode> listings = AmazonModels.exampleListingsItems();
    private final JsonNode participations = AmazonModels.successExamples(AmazonModels.SELLERS, "getMarketplaceParticipations")
            .getFirst().body();
    private final JsonNode summaries = read(INVENTORY_SUMMARIES);

    @Override
    public void registerHappyPath(StubServer server) {
        server.respond(get(urlPathMatching(ORDERS_PATH + "/[^/]+")), this::getOrder);
        server.respond(get(urlPathEqualTo(ORDERS_PATH)), this::searchOrders);
        server.respond(get(urlPathEqualTo(SUMMARIES_PATH)), this::inventorySummaries);
        server.respond(get(urlPathEqualTo(LISTINGS_PATH)), this::listingsItems);
        server.stubFor(get(urlPathEqualTo(PARTICIPATIONS_PATH)).willReturn(ok(participations)));
    }

    private ResponseDefinitionBuilder getOrder(Request request) {
        String path = request.getUrl().split("\\?")[0];
        String id = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        JsonNode order = orders.get(id);
        if (order == null) {
            return error(404, "NotFound", "The resource specified does not exist.");
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("order", order);
        return ok(body);
    }

    private ResponseDefinitionBuilder searchOrders(Request request) {
        boolean window = request.queryParameter("createdAfter").isPresent() != request.queryParameter("lastUpdatedAfter").isPresent();
        if (!window || !MARKETPLACE.equals(request.queryParameter("marketplaceIds").firstValue())) {
            return error(400, "InvalidInput", "Exactly one of createdAfter and lastUpdatedAfter must be given.");
        }
        int size = Integer.parseInt(request.queryParameter("maxResultsPerPage").firstValue());
        int from = request.queryParameter("paginationToken").isPresent()
                ? Integer.parseInt(request.queryParameter("paginationToken").firstValue().substring("page-".length())) : 0;
        ArrayNode page = Json.mapper().createArrayNode();
        searchOrders.subList(from, Math.min(searchOrders.size(), from + size)).forEach(page::add);
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("orders", page);
        if (from + size < searchOrders.size()) {
            body.putObject("pagination").put("nextToken", "page-" + (from + size));
        }
        return ok(body);
    }

    private ResponseDefinitionBuilder inventorySummaries(Request request) {
        if (!"Marketplace".equals(request.queryParameter("granularityType").firstValue())
                || !MARKETPLACE.equals(request.queryParameter("granularityId").firstValue())
                || !MARKETPLACE.equals(request.queryParameter("marketplaceIds").firstValue())) {
            return error(400, "InvalidInput", "granularityType, granularityId and marketplaceIds are required.");
        }
        Set<String> asked = request.queryParameter("sellerSkus").isPresent()
                ? Set.copyOf(Arrays.asList(request.queryParameter("sellerSkus").firstValue().split(","))) : null;
        ArrayNode found = Json.mapper().createArrayNode();
        for (JsonNode summary : summaries) {
            if (asked == null || asked.contains(Json.text(summary.path("sellerSku")))) {
                found.add(summary);
            }
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode payload = body.putObject("payload");
        payload.putObject("granularity").put("granularityType", "Marketplace").put("granularityId", MARKETPLACE);
        payload.set("inventorySummaries", found);
        return ok(body);
    }

    private ResponseDefinitionBuilder listingsItems(Request request) {
        if (!"SKU".equals(request.queryParameter("identifiersType").firstValue())) {
            return error(400, "BAD_REQUEST", "Invalid input");
        }
        List<String> asked = Arrays.asList(request.queryParameter("identifiers").firstValue().split(","));
        if (asked.size() > 20) {
            return error(400, "BAD_REQUEST", "identifiers takes at most 20 values");
        }
        ArrayNode items = Json.mapper().createArrayNode();
        for (String sku : asked) {
            if (listings.containsKey(sku)) {
                items.add(listings.get(sku));
            }
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("numberOfResults", items.size());
        body.set("items", items);
        return ok(body);
    }

    @Override
    public void registerFailure(StubServer server, ContractOperation operation, VendorFailure failure) {
        MappingBuilder mapping = switch (operation) {
            case ORDERS_BY_IDS -> get(urlPathMatching(ORDERS_PATH + "/[^/]+"));
            case ORDERS_SEARCH, CHANGES_POLL -> get(urlPathEqualTo(ORDERS_PATH));
            case INVENTORY_BY_SKUS -> get(urlPathEqualTo(SUMMARIES_PATH));
            case PRICES_BY_SKUS -> get(urlPathEqualTo(LISTINGS_PATH));
            case LOCATIONS_LIST, HEALTH -> get(urlPathEqualTo(PARTICIPATIONS_PATH));
            default -> throw new IllegalArgumentException("the amazon connector has no operation " + operation);
        };
        server.stubFor(mapping.willReturn(switch (failure) {
            // 401/403 bodies: the "Unauthorized" ErrorList SP-API answers to a refused access token
            case UNAUTHENTICATED -> error(401, "Unauthorized", "Access to requested resource is denied.");
            case PERMISSION_DENIED -> error(403, "Unauthorized", "Access to requested resource is denied.");
            case RATE_LIMITED -> error(429, "QuotaExceeded", "You exceeded your quota for the requested resource.")
                    .withHeader(AmazonClient.RATE_LIMIT_HEADER, "0.5");
            case UNAVAILABLE -> error(503, "ServiceUnavailable", "Service temporarily unavailable.");
            case MALFORMED_RESPONSE -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("<html><body>gateway page</body></html>");
            case SLOW -> ok(read("{\"orders\": [], \"payload\": []}")).withFixedDelay((int) VendorFailure.SLOW_DELAY.toMillis());
        }));
    }

    @Override
    public Duration expectedRetryAfter() {
        return Duration.ofSeconds(2); // one request interval of x-amzn-RateLimit-Limit: 0.5
    }

    @Override
    public Map<String, String> requiredRequestHeaders() {
        return Map.of(AmazonClient.ACCESS_TOKEN_HEADER, ACCESS_TOKEN);
    }

    static ResponseDefinitionBuilder ok(JsonNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader(AmazonClient.REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .withBody(Json.mapper().writeValueAsString(body));
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putArray("errors").addObject().put("code", code).put("message", message).put("details", "");
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader(AmazonClient.REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .withBody(Json.mapper().writeValueAsString(body));
    }

    static JsonNode read(String json) {
        return Json.mapper().readTree(json);
    }

    static List<String> ids(List<JsonNode> orders) {
        List<String> ids = new ArrayList<>();
        orders.forEach(order -> ids.add(Json.text(order.path("orderId"))));
        return ids;
    }
}

package dev.omnigate.connector.square;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.omnigate.connector.testkit.StubServer;
import dev.omnigate.connector.toolkit.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small Square seller served by WireMock in Square's wire shapes, for the contract test. Its records come from the
 * examples of {@code square/api.json} (read in place) where the spec has one, plus a few written here in the same
 * schemas (each names the schema it follows). Batch endpoints answer any mix of known and unknown ids; searches
 * filter, sort and page with an opaque {@code cursor} like Square does.
 */
final class FakeSquare {

    /** Source of every answer, for debugging a failing contract test. */
    static final String SOURCE_HEADER = "X-Fake-Square-Source";

    final List<ObjectNode> customers = new ArrayList<>();
    final List<ObjectNode> orders = new ArrayList<>();
    /** ITEM_VARIATION catalog objects. */
    final List<ObjectNode> variations = new ArrayList<>();
    /** ITEM catalog objects (served as related objects). */
    final List<ObjectNode> items = new ArrayList<>();
    final List<ObjectNode> counts = new ArrayList<>();
    final List<ObjectNode> locations = new ArrayList<>();

    static FakeSquare build() {
        FakeSquare fake = new FakeSquare();
        // Customers: SearchCustomersResponse.example (2) and BulkRetrieveCustomersResponse.example (2 found) ...
        VendorSpecs.example("SearchCustomersResponse").path("customers").forEach(c -> fake.customers.add((ObjectNode) c));
        VendorSpecs.example("BulkRetrieveCustomersResponse").path("responses").forEach(entry -> {
            if (entry.has("customer")) {
                fake.customers.add((ObjectNode) entry.get("customer"));
            }
        });
        // ... and two POS profiles of one person as clerks typed them (Customer schema)
        fake.customers.add(customer("CE6NJ2V4QK8XG1AVA0S7T3M5PR", "Ava", "Chen", " Ava.Chen@Example.com ", "(415) 555-0142",
                "2025-08-23T20:14:02Z"));
        fake.customers.add(customer("AVADUPLICATEPROFILE0000001", "Ava", "Chen", "ava.chen@example.com", "+14155550142",
                "2025-09-30T16:00:00Z"));

        // Orders: BatchRetrieveOrdersResponse.example's order with the fields the example leaves out (Order schema) ...
        ObjectNode example = (ObjectNode) VendorSpecs.example("BatchRetrieveOrdersResponse").path("orders").get(0);
        example.put("created_at", "2025-08-20T18:00:00Z").put("updated_at", "2025-08-20T18:00:00Z").put("state", "COMPLETED")
                .put("customer_id", "JDKYHBWT1D4F8MFH63DBMEN8Y4");
        fake.orders.add(example);
        // ... a pickup order, a shipment, a cancelled sale and a JPY sale (Order, Fulfillment, FulfillmentPickupDetails)
        ObjectNode pickup = order("CAISENgvlJ6jLWAzERDzjyHVybY", "18YC4JDH91E1H", "CE6NJ2V4QK8XG1AVA0S7T3M5PR",
                "2025-08-23T20:15:37Z", "COMPLETED", 322, "USD");
        pickup.put("ticket_name", "CAISEN").put("updated_at", "2025-08-23T21:05:37Z");
        pickup.withArray("line_items").add(line("a1", "Tea - Black", "Regular", "2", 150, "USD", "W62UWFY35CWMYGVWK6TWJDNI"));
        ObjectNode pickupFulfillment = pickup.withArray("fulfillments").addObject().put("uid", "f1").put("type", "PICKUP")
                .put("state", "COMPLETED");
        pickupFulfillment.putObject("pickup_details").put("picked_up_at", "2025-08-23T21:05:37Z").putObject("recipient")
                .put("display_name", "Ava Chen").put("email_address", " Ava.Chen@Example.com ").put("phone_number", "(415) 555-0142");
        fake.orders.add(pickup);
        ObjectNode shipment = order("CAISEM52YcpmcWAzERDOyiWS3ty", "057P5VYJ4A5X1", "A9641GZW2H7Z56YYSD41Q12HDW",
                "2025-10-02T09:30:00Z", "OPEN", 300, "USD");
        shipment.withArray("line_items").add(line("b1", "Tea - Green", null, "1.5", 150, "USD", "FHYBVIA6NVBCSOVETA62WEA4"));
        shipment.withArray("fulfillments").addObject().put("uid", "f2").put("type", "SHIPMENT").put("state", "PROPOSED")
                .putObject("shipment_details").putObject("recipient").put("email_address", "q4k8m2x7v1c9d3nb@marketplace.amazon.com");
        fake.orders.add(shipment);
        ObjectNode cancelled = order("CAISEKbeC1mQDA3VKiE4ZBNqWhU", "057P5VYJ4A5X1", "A9641GZW2H7Z56YYSD41Q12HDW",
                "2025-11-11T11:11:11Z", "CANCELED", 450, "USD");
        cancelled.withArray("line_items").add(line("c1", "Tea - Black", "Large", "2", 225, "USD", "XVLBN7DU6JTWHJTG5F265B43"));
        fake.orders.add(cancelled);
        ObjectNode yen = order("CAISEJPYexampleOrder000001", "18YC4JDH91E1H", "8DDA5NZVBZFGAX0V3HPF81HHE0",
                "2025-12-01T03:00:00Z", "COMPLETED", 1099, "JPY");
        yen.withArray("line_items").add(line("d1", "Matcha", null, "1", 1099, "JPY", null));
        fake.orders.add(yen);

        // Catalog: the items of SearchCatalogObjectsResponse.example, their variations with SKUs (CatalogItemVariation)
        for (JsonNode item : VendorSpecs.example("SearchCatalogObjectsResponse").path("objects")) {
            ObjectNode copy = ((ObjectNode) item).deepCopy();
            for (JsonNode variation : copy.path("item_data").path("variations")) {
                ObjectNode v = (ObjectNode) variation;
                String id = v.path("id").asString();
                ObjectNode data = (ObjectNode) v.path("item_variation_data");
                switch (id) {
                    case "5GSZPX6EU7MM75S57OONG3V5" -> {
                        // the inventory example's variation id stands in for "Regular" (BatchRetrieveInventoryCountsResponse)
                        v.put("id", "W62UWFY35CWMYGVWK6TWJDNI");
                        data.put("sku", "TEA-BLK-REG");
                    }
                    case "XVLBN7DU6JTWHJTG5F265B43" -> data.put("sku", "TEA-BLK-LRG");
                    case "FHYBVIA6NVBCSOVETA62WEA4" -> {
                        data.put("sku", "TEA-GRN-REG").put("pricing_type", "VARIABLE_PRICING");
                        data.remove("price_money");
                    }
                    default -> throw new IllegalStateException("unexpected variation " + id + " in the catalog example");
                }
                fake.variations.add(v);
            }
            ((ObjectNode) copy.path("item_data")).remove("variations");
            fake.items.add(copy);
        }
        // Inventory: BatchRetrieveInventoryCountsResponse.example's count plus more states and locations (InventoryCount)
        VendorSpecs.example("BatchRetrieveInventoryCountsResponse").path("counts").forEach(c -> fake.counts.add((ObjectNode) c));
        fake.counts.add(count("W62UWFY35CWMYGVWK6TWJDNI", "59TNP9SA8VGDA", "RESERVED_FOR_SALE", "3", "2024-05-01T10:00:00Z"));
        fake.counts.add(count("W62UWFY35CWMYGVWK6TWJDNI", "18YC4JDH91E1H", "IN_STOCK", "12.5", "2025-01-02T03:04:05Z"));
        fake.counts.add(count("W62UWFY35CWMYGVWK6TWJDNI", "18YC4JDH91E1H", "IN_TRANSIT_TO", "4", "2025-01-02T03:04:05Z"));
        fake.counts.add(count("W62UWFY35CWMYGVWK6TWJDNI", "18YC4JDH91E1H", "WASTE", "2", "2025-01-01T00:00:00Z"));
        fake.counts.add(count("FHYBVIA6NVBCSOVETA62WEA4", "18YC4JDH91E1H", "IN_STOCK", "7", "2025-03-03T03:03:03Z"));

        // Locations: ListLocationsResponse.example (2) and an inactive one (Location schema)
        VendorSpecs.example("ListLocationsResponse").path("locations").forEach(l -> fake.locations.add((ObjectNode) l));
        ObjectNode closed = Json.mapper().createObjectNode().put("id", "057P5VYJ4A5X1").put("name", "Pop-up Market")
                .put("status", "INACTIVE").put("type", "MOBILE").put("currency", "USD");
        closed.putObject("coordinates").put("latitude", 37.7643).put("longitude", -122.433);
        fake.locations.add(closed);
        return fake;
    }

    private static ObjectNode customer(String id, String given, String family, String email, String phone, String createdAt) {
        ObjectNode customer = Json.mapper().createObjectNode().put("id", id).put("created_at", createdAt)
                .put("updated_at", createdAt).put("given_name", given).put("family_name", family)
                .put("email_address", email).put("phone_number", phone).put("creation_source", "DIRECTORY").put("version", 1);
        customer.putObject("preferences").put("email_unsubscribed", false);
        return customer;
    }

    private static ObjectNode order(String id, String location, String customer, String createdAt, String state, long total,
            String currency) {
        ObjectNode order = Json.mapper().createObjectNode().put("id", id).put("location_id", location)
                .put("customer_id", customer).put("created_at", createdAt).put("updated_at", createdAt).put("state", state)
                .put("version", 3);
        order.putObject("total_money").put("amount", total).put("currency", currency);
        order.putObject("source").put("name", "Square Point of Sale");
        return order;
    }

    private static ObjectNode line(String uid, String name, String variation, String quantity, long price, String currency,
            String catalogObjectId) {
        ObjectNode line = Json.mapper().createObjectNode().put("uid", uid).put("name", name).put("quantity", quantity);
        if (variation != null) {
            line.put("variation_name", variation);
        }
        if (catalogObjectId != null) {
            line.put("catalog_object_id", catalogObjectId);
        }
        line.putObject("base_price_money").put("amount", price).put("currency", currency);
        return line;
    }

    private static ObjectNode count(String variation, String location, String state, String quantity, String calculatedAt) {
        return Json.mapper().createObjectNode().put("catalog_object_id", variation).put("catalog_object_type", "ITEM_VARIATION")
                .put("state", state).put("location_id", location).put("quantity", quantity).put("calculated_at", calculatedAt);
    }

    // ------------------------------------------------------------------------------------------- stubs

    void register(StubServer server) {
        server.respond(post(urlPathEqualTo("/v2/customers/bulk-retrieve")), this::bulkRetrieveCustomers);
        server.respond(post(urlPathEqualTo("/v2/customers/search")), this::searchCustomers);
        server.respond(post(urlPathEqualTo("/v2/orders/batch-retrieve")), this::batchRetrieveOrders);
        server.respond(post(urlPathEqualTo("/v2/orders/search")), this::searchOrders);
        server.respond(post(urlPathEqualTo("/v2/catalog/search")), this::searchCatalog);
        server.respond(post(urlPathEqualTo("/v2/inventory/counts/batch-retrieve")), this::batchRetrieveCounts);
        server.respond(get(urlPathEqualTo("/v2/locations")), request -> {
            ObjectNode body = Json.mapper().createObjectNode();
            locations.forEach(body.withArray("locations")::add);
            return ok(body, "ListLocationsResponse");
        });
    }

    private ResponseDefinitionBuilder bulkRetrieveCustomers(Request request) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode responses = body.putObject("responses");
        for (JsonNode id : read(request).path("customer_ids")) {
            String wanted = id.asString();
            customers.stream().filter(c -> c.path("id").asString().equals(wanted)).findFirst().ifPresentOrElse(
                    c -> responses.putObject(wanted).set("customer", c),
                    () -> responses.putObject(wanted).withArray("errors").addObject().put("category", "INVALID_REQUEST_ERROR")
                            .put("code", "NOT_FOUND").put("detail", "Customer with ID `" + wanted + "` not found."));
        }
        return ok(body, "BulkRetrieveCustomersResponse");
    }

    private ResponseDefinitionBuilder searchCustomers(Request request) {
        JsonNode query = read(request);
        JsonNode filter = query.path("query").path("filter");
        List<ObjectNode> matching = customers.stream().filter(c -> matches(c, filter))
                .sorted(Comparator.comparing((ObjectNode c) -> c.path("given_name").asString(""))
                        .thenComparing(c -> c.path("family_name").asString(""))
                        .thenComparing(c -> c.path("id").asString()))
                .toList();
        return page(matching, query, 100, "customers", "SearchCustomersResponse");
    }

    private static boolean matches(ObjectNode customer, JsonNode filter) {
        JsonNode email = filter.path("email_address");
        String stored = customer.path("email_address").asString("").strip().toLowerCase(Locale.ROOT);
        if (email.has("exact") && !stored.equals(email.get("exact").asString().strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (email.has("fuzzy")) {
            for (String token : email.get("fuzzy").asString().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (!token.isEmpty() && !stored.contains(token)) {
                    return false;
                }
            }
        }
        JsonNode phone = filter.path("phone_number");
        return !phone.has("exact") || e164(customer.path("phone_number").asString("")).equals(e164(phone.get("exact").asString()));
    }

    /** Square converts stored numbers to E.164 before an exact phone match (CustomerFilter.phone_number). */
    static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() == 10 ? "+1" + digits : "+" + digits;
    }

    private ResponseDefinitionBuilder batchRetrieveOrders(Request request) {
        Set<String> wanted = new HashSet<>();
        read(request).path("order_ids").forEach(id -> wanted.add(id.asString()));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode found = body.putArray("orders");
        orders.stream().filter(o -> wanted.contains(o.path("id").asString())).forEach(found::add);
        return ok(body, "BatchRetrieveOrdersResponse");
    }

    private ResponseDefinitionBuilder searchOrders(Request request) {
        JsonNode query = read(request);
        Set<String> locationIds = new HashSet<>();
        query.path("location_ids").forEach(id -> locationIds.add(id.asString()));
        if (locationIds.isEmpty() || locationIds.size() > 10) {
            return error(400, "INVALID_REQUEST_ERROR", "INVALID_VALUE", "location_ids");
        }
        JsonNode filter = query.path("query").path("filter");
        Set<String> customerIds = new HashSet<>();
        filter.path("customer_filter").path("customer_ids").forEach(id -> customerIds.add(id.asString()));
        String sortField = query.path("query").path("sort").path("sort_field").asString("CREATED_AT");
        String field = sortField.equals("UPDATED_AT") ? "updated_at" : "created_at";
        JsonNode range = filter.path("date_time_filter").path(field);
        List<ObjectNode> matching = orders.stream()
                .filter(o -> locationIds.contains(o.path("location_id").asString()))
                .filter(o -> customerIds.isEmpty() || customerIds.contains(o.path("customer_id").asString()))
                .filter(o -> within(Instant.parse(o.path(field).asString()), range))
                .sorted(Comparator.comparing((ObjectNode o) -> Instant.parse(o.path(field).asString())).reversed())
                .toList();
        return page(matching, query, 1000, "orders", "SearchOrdersResponse");
    }

    private static boolean within(Instant at, JsonNode range) {
        if (range.has("start_at") && at.isBefore(Instant.parse(range.get("start_at").asString()))) {
            return false;
        }
        return !range.has("end_at") || !at.isAfter(Instant.parse(range.get("end_at").asString()));
    }

    private ResponseDefinitionBuilder searchCatalog(Request request) {
        JsonNode query = read(request);
        JsonNode set = query.path("query").path("set_query");
        Set<String> skus = new HashSet<>();
        set.path("attribute_values").forEach(v -> skus.add(v.asString().toLowerCase(Locale.ROOT)));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode objects = body.putArray("objects");
        Set<String> itemIds = new HashSet<>();
        for (ObjectNode variation : variations) {
            // CatalogQuerySet: exact, case-insensitive match on the attribute
            if ("sku".equals(set.path("attribute_name").asString())
                    && skus.contains(variation.path("item_variation_data").path("sku").asString("").toLowerCase(Locale.ROOT))) {
                objects.add(variation);
                itemIds.add(variation.path("item_variation_data").path("item_id").asString());
            }
        }
        if (query.path("include_related_objects").asBoolean(false)) {
            ArrayNode related = body.putArray("related_objects");
            items.stream().filter(i -> itemIds.contains(i.path("id").asString())).forEach(related::add);
        }
        body.put("latest_time", "2025-12-01T00:00:00Z");
        return ok(body, "SearchCatalogObjectsResponse");
    }

    private ResponseDefinitionBuilder batchRetrieveCounts(Request request) {
        JsonNode query = read(request);
        Set<String> ids = new HashSet<>();
        query.path("catalog_object_ids").forEach(id -> ids.add(id.asString()));
        List<ObjectNode> matching = counts.stream().filter(c -> ids.contains(c.path("catalog_object_id").asString()))
                .sorted(Comparator.comparing((ObjectNode c) -> Instant.parse(c.path("calculated_at").asString())).reversed())
                .toList();
        return page(matching, query, 1000, "counts", "BatchRetrieveInventoryCountsResponse");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static ResponseDefinitionBuilder page(List<ObjectNode> all, JsonNode query, int maxLimit, String field, String source) {
        int limit = Math.min(query.path("limit").asInt(maxLimit), maxLimit);
        int offset = query.has("cursor") ? decode(query.get("cursor").asString()) : 0;
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray(field);
        all.stream().skip(offset).limit(limit).forEach(items::add);
        if (offset + limit < all.size()) {
            body.put("cursor", encode(offset + limit));
        }
        return ok(body, source);
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        return Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).substring(7));
    }

    private static JsonNode read(Request request) {
        return Json.mapper().readTree(request.getBodyAsString());
    }

    static ResponseDefinitionBuilder ok(JsonNode body, String source) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader(SOURCE_HEADER, source)
                .withBody(Json.mapper().writeValueAsString(body));
    }

    /** Square's error envelope ({@code Error} schema). */
    static ResponseDefinitionBuilder error(int status, String category, String code, String field) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode error = body.putArray("errors").addObject().put("category", category).put("code", code)
                .put("detail", "synthetic " + code);
        if (field != null) {
            error.put("field", field);
        }
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Json.mapper().writeValueAsString(body));
    }
}

package dev.omnigate.connector.amazon;

import dev.omnigate.connector.toolkit.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the example responses of the SP-API models in place (never copied into the repository): every
 * {@code x-amzn-api-sandbox.static[].response} and {@code examples.application/json} of an operation's responses,
 * and the notification schemas' examples.
 */
final class AmazonModels {

    static final String ORDERS = "orders_2026-01-01.json";
    static final String LISTINGS = "listingsItems_2021-08-01.json";
    static final String SELLERS = "sellers.json";
    static final String FBA_INVENTORY = "fbaInventory.json";

    /**
     * One example answer.
     *
     * @param file the model file
     * @param operationId the operation
     * @param status the HTTP status it is the answer of
     * @param source {@code static[i]} or {@code examples}
     * @param body the response body
     */
    record Example(String file, String operationId, int status, String source, JsonNode body) {
        @Override
        public String toString() {
            return file + " " + operationId + " " + status + " " + source;
        }
    }

    private AmazonModels() {
    }

    /** Every example response of an operation, static sandbox blocks first, then response examples. */
    static List<Example> examples(String file, String operationId) {
        JsonNode model = VendorSpecs.model(file);
        List<Example> found = new ArrayList<>();
        for (var path : model.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (!operationId.equals(Json.text(method.getValue().path("operationId")))) {
                    continue;
                }
                for (var response : method.getValue().path("responses").properties()) {
                    int status = Integer.parseInt(response.getKey());
                    JsonNode statics = response.getValue().path("x-amzn-api-sandbox").path("static");
                    for (int i = 0; i < statics.size(); i++) {
                        found.add(new Example(file, operationId, status, "x-amzn-api-sandbox.static[" + i + "]",
                                statics.get(i).path("response")));
                    }
                    JsonNode example = response.getValue().path("examples").path("application/json");
                    if (!example.isMissingNode()) {
                        found.add(new Example(file, operationId, status, "examples", example));
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no examples for " + operationId + " in " + file);
        }
        return found;
    }

    /** The 200 examples of an operation. */
    static List<Example> successExamples(String file, String operationId) {
        return examples(file, operationId).stream().filter(example -> example.status() == 200).toList();
    }

    /** Every order of the searchOrders and getOrder 200 examples, by order id, in file order. */
    static Map<String, JsonNode> exampleOrders() {
        Map<String, JsonNode> orders = new LinkedHashMap<>();
        for (Example example : successExamples(ORDERS, "getOrder")) {
            JsonNode order = example.body().path("order");
            orders.putIfAbsent(Json.text(order.path("orderId")), order);
        }
        for (JsonNode order : searchExampleOrders()) {
            orders.putIfAbsent(Json.text(order.path("orderId")), order);
        }
        return orders;
    }

    /** The orders of the searchOrders 200 examples, in file order. */
    static List<JsonNode> searchExampleOrders() {
        List<JsonNode> orders = new ArrayList<>();
        for (Example example : successExamples(ORDERS, "searchOrders")) {
            example.body().path("orders").forEach(orders::add);
        }
        return orders;
    }

    /** Every listings item of the getListingsItem and searchListingsItems 200 examples, by SKU. */
    static Map<String, JsonNode> exampleListingsItems() {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        for (Example example : successExamples(LISTINGS, "getListingsItem")) {
            items.putIfAbsent(Json.text(example.body().path("sku")), example.body());
        }
        for (Example example : successExamples(LISTINGS, "searchListingsItems")) {
            for (JsonNode item : example.body().path("items")) {
                items.putIfAbsent(Json.text(item.path("sku")), item);
            }
        }
        return items;
    }

    /** The notification schema's {@code examples}, or, when it has none, one envelope built from its properties' examples. */
    static List<JsonNode> notificationExamples(String file) {
        JsonNode schema = VendorSpecs.notification(file);
        List<JsonNode> examples = new ArrayList<>();
        schema.path("examples").forEach(examples::add);
        if (!examples.isEmpty()) {
            return examples;
        }
        // FBAInventoryAvailabilityChangeNotification.json has no top-level example: compose one from its properties
        ObjectNode envelope = Json.mapper().createObjectNode();
        JsonNode properties = schema.path("properties");
        for (var property : properties.properties()) {
            JsonNode value = property.getValue().path("examples").path(0);
            if (value.isMissingNode()) {
                value = property.getValue().path("enum").path(0);
            }
            if (!value.isMissingNode()) {
                envelope.set(property.getKey(), value);
            }
        }
        examples.add(envelope);
        return examples;
    }
}

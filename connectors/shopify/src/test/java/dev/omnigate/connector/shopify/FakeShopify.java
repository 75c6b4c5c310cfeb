package dev.omnigate.connector.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.omnigate.connector.shopify.mapping.ShopifyIds;
import dev.omnigate.connector.toolkit.json.Json;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for Shopify's Admin GraphQL endpoint whose data are the objects recorded in
 * {@code shared/vendor-specs/shopify/captures}, read in place. WireMock answers the connector's requests
 * with it ({@link #answer}): it parses the GraphQL document with graphql-java, resolves the root fields
 * the connector uses ({@code nodes}, {@code customers}, {@code orders}, {@code productVariants},
 * {@code locations}, {@code shop}) with Shopify's search syntax, sort keys and cursors, and projects the
 * recorded objects onto the selection (aliases, fragments, type conditions, nested connection slicing,
 * {@code quantities(names:)}). Fields a capture did not record stay absent, exactly as recorded: nothing
 * is invented except where a comment below says what was added and from which capture.
 *
 * <p>Every answer carries the {@code extensions.cost} block of the capture its data came from, and a
 * response header {@value #SOURCE_HEADER} naming the capture files (with JSON paths) used.
 */
final class FakeShopify {

    static final String SOURCE_HEADER = "X-Stub-Source";
    static final String SHOP_CURRENCY = "CAD";

    static final String CUSTOMER_DETAIL = "2025-01__customers__customer-detail.json";
    static final String CUSTOMERS_CATALOG = "2025-01__customers__customers-catalog.json";
    static final String CUSTOMERS_SEARCH = "2025-01__customers__customers-search.json";
    static final String ORDER_CATALOG = "2026-04__orders__order-catalog-count-read.json";
    static final String MONEY_BAG = "2025-01__orders__money-bag-presentment-parity.json";
    static final String LEVELS_WINDOWING = "2026-04__products__inventory-item-levels-connection-windowing-2026-04.json";
    static final String VARIANTS_BULK = "2025-01__products__product-variants-bulk-create-inventory-read-parity.json";
    static final String QUANTITY_ROOTS = "2025-01__products__inventory-quantity-roots-parity.json";
    static final String LOCATION_FILTERS = "2026-04__store-properties__location-connection-filters.json";

    /** The roots capture never selected the variant's SKU; the fake gives it this one so it can be looked up. */
    static final String ROOTS_SYNTHETIC_SKU = "ROOTS-PARITY-53204673823026";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A recorded object and where it came from. */
    record Entry(ObjectNode node, String source) {
        String gid() {
            return Json.text(node.get("id"));
        }

        String legacyId() {
            return ShopifyIds.legacyId(node).orElseThrow();
        }
    }

    private final List<Entry> customers = new ArrayList<>();
    private final List<Entry> orders = new ArrayList<>();
    private final List<Entry> variants = new ArrayList<>();
    private final List<Entry> locations = new ArrayList<>();
    private final Map<String, Entry> byGid = new HashMap<>();
    private final Map<String, JsonNode> costs = new HashMap<>();
    private Entry shop;

    private FakeShopify() {
    }

    /** The fake loaded from the captures. */
    static FakeShopify fromCaptures() {
        FakeShopify fake = new FakeShopify();
        fake.loadCustomers();
        fake.loadOrders();
        fake.loadVariants();
        fake.loadLocations();
        return fake;
    }

    /** An empty fake (tests add synthetic objects following the captured shapes). */
    static FakeShopify empty() {
        FakeShopify fake = new FakeShopify();
        fake.shop = new Entry(object("name", "harry-test-heelo", "currencyCode", SHOP_CURRENCY), "synthetic shop");
        JsonNode cost = at(VendorSpecs.capture(CUSTOMER_DETAIL), "extensions.cost");
        List.of("customers", "orders", "variants", "locations", "shop").forEach(group -> fake.costs.put(group, cost));
        return fake;
    }

    List<Entry> customers() {
        return List.copyOf(customers);
    }

    List<Entry> orders() {
        return List.copyOf(orders);
    }

    List<Entry> variants() {
        return List.copyOf(variants);
    }

    List<Entry> locations() {
        return List.copyOf(locations);
    }

    void addCustomer(ObjectNode customer, String source) {
        add(customers, new Entry(customer, source));
    }

    void addOrder(ObjectNode order, String source) {
        add(orders, new Entry(order, source));
    }

    void addVariant(ObjectNode variant, String source) {
        addVariant(new Entry(variant, source));
    }

    private void add(List<Entry> list, Entry entry) {
        list.add(entry);
        byGid.put(entry.gid(), entry);
    }

    // ---------------------------------------------------------------------------------------- data

    private void loadCustomers() {
        JsonNode detail = VendorSpecs.capture(CUSTOMER_DETAIL);
        add(customers, entry(detail, CUSTOMER_DETAIL, "data.customer"));
        JsonNode catalog = VendorSpecs.capture(CUSTOMERS_CATALOG);
        // edges[0] is Karine Ruby again, recorded with fewer fields than customer-detail
        add(customers, entry(catalog, CUSTOMERS_CATALOG, "data.customers.edges[1].node"));
        add(customers, entry(catalog, CUSTOMERS_CATALOG, "data.customers.edges[2].node"));
        JsonNode search = VendorSpecs.capture(CUSTOMERS_SEARCH);
        add(customers, entry(search, CUSTOMERS_SEARCH, "data.customers.edges[0].node"));
        add(customers, entry(search, CUSTOMERS_SEARCH, "data.customers.edges[1].node"));
        costs.put("customers", at(detail, "extensions.cost"));
        shop = new Entry(object("name", "harry-test-heelo", "currencyCode", SHOP_CURRENCY),
                "shop name from the captures' storeDomain harry-test-heelo.myshopify.com; currency CAD as in "
                        + CUSTOMER_DETAIL + "#data.customer.amountSpent.currencyCode");
        costs.put("shop", at(detail, "extensions.cost"));
    }

    private void loadOrders() {
        JsonNode catalog = VendorSpecs.capture(ORDER_CATALOG);
        for (int i = 0; i < 2; i++) {
            Entry order = entry(catalog, ORDER_CATALOG, "response.data.seedCatalog.nodes[" + i + "]");
            // the capture selected currentTotalPriceSet only: for these never-edited orders it equals totalPriceSet
            order.node().set("totalPriceSet", object("shopMoney", order.node().path("currentTotalPriceSet").get("shopMoney")));
            // captured orders carry no customer: the fake links both to Karine Ruby (customer-detail) for
            // the orders-by-customer checks
            order.node().set("customer", object("id", "gid://shopify/Customer/9522206933298"));
            order.node().set("lineItems", object("nodes", NODES.arrayNode()));
            order.node().set("fulfillmentOrders", object("nodes", NODES.arrayNode()));
            add(orders, new Entry(order.node(), order.source() + " + totalPriceSet from currentTotalPriceSet,"
                    + " customer link to 9522206933298"));
        }
        costs.put("orders", at(catalog, "response.extensions.cost"));

        JsonNode moneyBag = VendorSpecs.capture(MONEY_BAG);
        Entry created = entry(moneyBag, MONEY_BAG, "orderCreate.response.payload.data.orderCreate.order");
        ObjectNode order = created.node();
        JsonNode input = at(moneyBag, "orderCreate.variables.order");
        // orderCreate's payload selected money only; the rest comes from the same capture's request and
        // timestamps: created during the capture, not yet paid (totalOutstandingSet == totalPriceSet), unfulfilled
        order.put("email", input.get("email").asString());
        order.put("createdAt", at(moneyBag, "capturedAt").asString());
        order.put("updatedAt", at(moneyBag, "capturedAt").asString());
        order.put("displayFinancialStatus", "PENDING");
        order.put("displayFulfillmentStatus", "UNFULFILLED");
        order.set("customer", object("id", "gid://shopify/Customer/10885440995634"));
        ObjectNode line = (ObjectNode) order.path("lineItems").path("nodes").get(0);
        JsonNode lineInput = input.path("lineItems").get(0);
        line.put("title", lineInput.get("title").asString());
        line.put("name", lineInput.get("title").asString());
        line.put("sku", lineInput.get("sku").asString());
        line.put("quantity", lineInput.get("quantity").asInt());
        order.set("fulfillmentOrders", object("nodes", NODES.arrayNode()));
        add(orders, new Entry(order, created.source() + " + email, line title/sku/quantity from orderCreate.variables,"
                + " createdAt from capturedAt, PENDING/UNFULFILLED, customer link to 10885440995634"));
    }

    private void loadVariants() {
        JsonNode windowing = VendorSpecs.capture(LEVELS_WINDOWING);
        Entry product = entry(windowing, LEVELS_WINDOWING, "operations.productSet.response.data.productSet.product");
        Entry variant = entry(windowing, LEVELS_WINDOWING, "operations.productSet.response.data.productSet.product.variants.nodes[0]");
        variant.node().set("product", object("id", product.node().get("id"), "title", product.node().get("title")));
        // the response did not select price; the productSet input of the same capture set it
        variant.node().put("price", at(windowing, "operations.productSet.variables.input.variants[0].price").asString());
        ArrayNode levels = NODES.arrayNode();
        at(windowing, "operations.activeRead.response.data.inventoryItem.activeLevels.edges")
                .forEach(edge -> levels.add(edge.get("node").deepCopy()));
        ((ObjectNode) variant.node().get("inventoryItem")).set("inventoryLevels", object("nodes", levels));
        addVariant(new Entry(variant.node(), variant.source() + " + price from the productSet input, levels from "
                + "operations.activeRead.response.data.inventoryItem.activeLevels"));
        costs.put("variants", at(windowing, "operations.windowRead.response.extensions.cost"));

        JsonNode bulk = VendorSpecs.capture(VARIANTS_BULK);
        Entry blue = entry(bulk, VARIANTS_BULK, "downstreamRead.data.variant");
        // the capture read no inventory levels for this item
        ((ObjectNode) blue.node().get("inventoryItem")).set("inventoryLevels", object("nodes", NODES.arrayNode()));
        addVariant(new Entry(blue.node(), blue.source() + " + no inventory levels"));

        JsonNode roots = VendorSpecs.capture(QUANTITY_ROOTS);
        JsonNode hydrated = call(roots, "ProductsHydrateNodes").path("response").path("body").path("data").path("nodes").get(0);
        ObjectNode rootsVariant = ((ObjectNode) hydrated.get("variant")).deepCopy();
        rootsVariant.put("sku", ROOTS_SYNTHETIC_SKU);
        ObjectNode item = object("id", hydrated.get("id"), "tracked", hydrated.get("tracked"));
        item.set("inventoryLevels", object("nodes", call(roots, "InventoryQuantityDownstreamRead").path("response").path("body")
                .path("data").path("inventoryItem").path("inventoryLevels").path("nodes").deepCopy()));
        rootsVariant.set("inventoryItem", item);
        addVariant(new Entry(rootsVariant, QUANTITY_ROOTS + "#upstreamCalls[ProductsHydrateNodes].response.body.data.nodes[0].variant"
                + " + synthetic SKU " + ROOTS_SYNTHETIC_SKU + ", levels from upstreamCalls[InventoryQuantityDownstreamRead]"));
    }

    private void addVariant(Entry variant) {
        add(variants, variant);
        JsonNode item = variant.node().get("inventoryItem");
        if (item != null && item.isObject()) {
            byGid.put(Json.text(item.get("id")), new Entry((ObjectNode) item, variant.source()));
        }
    }

    private void loadLocations() {
        JsonNode filters = VendorSpecs.capture(LOCATION_FILTERS);
        JsonNode workflow = filters.get("workflow");
        Map<String, JsonNode> addInputs = new HashMap<>();
        workflow.forEach(step -> {
            JsonNode input = step.path("variables").path("input");
            if (input.has("name") && input.has("address")) {
                addInputs.put(input.get("name").asString(), input);
            }
        });
        JsonNode nodes = at(workflow, "connectionRead.response.payload.data.filteredIncludeInactive.nodes");
        for (int i = 0; i < nodes.size(); i++) {
            ObjectNode location = (ObjectNode) nodes.get(i).deepCopy();
            JsonNode input = addInputs.get(location.get("name").asString());
            // locationAdd's input (same capture) holds what the read did not select
            location.set("fulfillsOnlineOrders", input.get("fulfillsOnlineOrders"));
            location.set("address", input.get("address").deepCopy());
            add(locations, new Entry(location, LOCATION_FILTERS
                    + "#workflow.connectionRead.response.payload.data.filteredIncludeInactive.nodes[" + i + "]"
                    + " + fulfillsOnlineOrders and address from the locationAdd input"));
        }
        costs.put("locations", at(workflow, "connectionRead.response.payload.extensions.cost"));
    }

    private static JsonNode call(JsonNode capture, String operationName) {
        for (JsonNode call : capture.path("upstreamCalls")) {
            if (operationName.equals(Json.text(call.get("operationName")))) {
                return call;
            }
        }
        throw new IllegalStateException("no upstream call " + operationName);
    }

    private static Entry entry(JsonNode capture, String file, String path) {
        JsonNode node = at(capture, path);
        if (!node.isObject()) {
            throw new IllegalStateException(file + "#" + path + " is not an object");
        }
        return new Entry(((ObjectNode) node).deepCopy(), file + "#" + path);
    }

    /** A dotted path with [i] indices, e.g. {@code data.customers.edges[1].node}. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            node = node.path(name);
            if (bracket >= 0) {
                node = node.path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        if (node.isMissingNode()) {
            throw new IllegalStateException("capture has nothing at " + path);
        }
        return node;
    }

    static ObjectNode object(Object... keysAndValues) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            object.set((String) keysAndValues[i], value == null ? NODES.nullNode()
                    : value instanceof JsonNode node ? node : Json.mapper().valueToTree(value));
        }
        return object;
    }

    // ---------------------------------------------------------------------------------------- answering

    /** WireMock's answer to one GraphQL POST. Throws (failing the test) on anything the fake does not support. */
    ResponseDefinitionBuilder answer(Request request) {
        JsonNode body = Json.mapper().readTree(request.getBodyAsString());
        Execution execution = new Execution(body.path("query").asString(), body.path("variables"));
        ObjectNode data = NODES.objectNode();
        Set<String> sources = new TreeSet<>();
        String group = null;
        for (Selection<?> selection : execution.operation.getSelectionSet().getSelections()) {
            Field field = (Field) selection;
            Map<String, Object> arguments = execution.arguments(field);
            Resolved resolved = resolveRoot(field.getName(), arguments);
            group = group == null ? resolved.group() : group;
            resolved.sources().forEach(sources::add);
            data.set(field.getResultKey(), execution.project(resolved.value(), field, arguments));
        }
        ObjectNode envelope = object("data", data);
        envelope.set("extensions", object("cost", costs.getOrDefault(group, costs.get("shop"))));
        return okJson(envelope.toString()).withHeader(SOURCE_HEADER, String.join(" | ", sources));
    }

    private record Resolved(JsonNode value, String group, List<String> sources) {
    }

    private Resolved resolveRoot(String name, Map<String, Object> arguments) {
        return switch (name) {
            case "nodes" -> {
                ArrayNode result = NODES.arrayNode();
                List<String> sources = new ArrayList<>();
                String group = null;
                for (Object id : (List<?>) arguments.get("ids")) {
                    Entry entry = byGid.get(id.toString());
                    result.add(entry == null ? NODES.nullNode() : entry.node());
                    if (entry != null) {
                        sources.add(entry.source());
                        group = group != null ? group : groupOf(ShopifyIds.type(entry.gid()).orElse(""));
                    }
                }
                yield new Resolved(result, group == null ? "shop" : group, sources);
            }
            case "customers" -> connection(customers, arguments, "customers", Search::customerTerm,
                    sortKey(arguments, "ID"), FakeShopify::customerSortValue);
            case "orders" -> connection(orders, arguments, "orders", Search::orderTerm,
                    sortKey(arguments, "PROCESSED_AT"), FakeShopify::orderSortValue);
            case "productVariants" -> connection(variants, arguments, "variants", Search::variantTerm,
                    sortKey(arguments, "ID"), (entry, key) -> numericId(entry));
            case "locations" -> {
                boolean includeInactive = Boolean.TRUE.equals(arguments.get("includeInactive"));
                List<Entry> visible = locations.stream()
                        .filter(entry -> includeInactive || entry.node().path("isActive").asBoolean(true)).toList();
                yield connection(visible, arguments, "locations", (entry, term) -> {
                    throw new IllegalArgumentException("the fake does not search locations");
                }, sortKey(arguments, "NAME"), (entry, key) -> entry.node().path("name").asString());
            }
            case "shop" -> new Resolved(shop.node(), "shop", List.of(shop.source()));
            default -> throw new IllegalArgumentException("the fake Shopify does not serve QueryRoot." + name);
        };
    }

    private static String groupOf(String type) {
        return switch (type) {
            case "Customer" -> "customers";
            case "Order" -> "orders";
            case "InventoryItem", "ProductVariant" -> "variants";
            case "Location" -> "locations";
            default -> "shop";
        };
    }

    private static String sortKey(Map<String, Object> arguments, String fallback) {
        Object key = arguments.get("sortKey");
        return key == null ? fallback : key.toString();
    }

    private static Comparable<?> customerSortValue(Entry entry, String key) {
        return switch (key) {
            case "UPDATED_AT" -> entry.node().path("updatedAt").asString();
            case "ID" -> numericId(entry);
            default -> throw new IllegalArgumentException("the fake does not sort customers by " + key);
        };
    }

    private static Comparable<?> orderSortValue(Entry entry, String key) {
        return switch (key) {
            case "CREATED_AT", "PROCESSED_AT" -> entry.node().path("createdAt").asString();
            case "UPDATED_AT" -> entry.node().path("updatedAt").asString();
            case "ID" -> numericId(entry);
            default -> throw new IllegalArgumentException("the fake does not sort orders by " + key);
        };
    }

    private static Comparable<?> numericId(Entry entry) {
        return new java.math.BigInteger(entry.legacyId());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Resolved connection(List<Entry> entries, Map<String, Object> arguments, String group,
            BiPredicate<Entry, Search.Term> matcher, String sortKey, java.util.function.BiFunction<Entry, String, Comparable<?>> sortValue) {
        Object query = arguments.get("query");
        Search search = query == null ? Search.ALL : Search.parse(query.toString());
        Comparator<Entry> order = Comparator.comparing(entry -> (Comparable) sortValue.apply(entry, sortKey));
        order = order.thenComparing(entry -> (Comparable) numericId(entry));
        if (Boolean.TRUE.equals(arguments.get("reverse"))) {
            order = order.reversed();
        }
        List<Entry> matching = entries.stream().filter(entry -> search.matches(entry, matcher)).sorted(order).toList();
        ArrayNode nodes = NODES.arrayNode();
        matching.forEach(entry -> nodes.add(entry.node()));
        return new Resolved(object("nodes", nodes), group, matching.stream().map(Entry::source).toList());
    }

    /** One parsed GraphQL request and the projection of recorded objects onto its selections. */
    private static final class Execution {
        private final OperationDefinition operation;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final JsonNode variables;

        Execution(String query, JsonNode variables) {
            Document document = Parser.parse(query);
            this.variables = variables;
            OperationDefinition found = null;
            for (var definition : document.getDefinitions()) {
                if (definition instanceof OperationDefinition operationDefinition && found == null) {
                    found = operationDefinition;
                } else if (definition instanceof FragmentDefinition fragment) {
                    fragments.put(fragment.getName(), fragment);
                }
            }
            if (found == null || found.getOperation() != OperationDefinition.Operation.QUERY) {
                throw new IllegalArgumentException("the fake Shopify answers queries only");
            }
            this.operation = found;
        }

        Map<String, Object> arguments(Field field) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            for (Argument argument : field.getArguments()) {
                arguments.put(argument.getName(), value(argument.getValue()));
            }
            return arguments;
        }

        private Object value(Value<?> value) {
            if (value instanceof VariableReference reference) {
                JsonNode variable = variables.get(reference.getName());
                return variable == null || variable.isNull() ? null : Json.mapper().treeToValue(variable, Object.class);
            }
            if (value instanceof StringValue string) {
                return string.getValue();
            }
            if (value instanceof IntValue integer) {
                return integer.getValue().intValue();
            }
            if (value instanceof BooleanValue bool) {
                return bool.isValue();
            }
            if (value instanceof EnumValue enumValue) {
                return enumValue.getName();
            }
            if (value instanceof NullValue) {
                return null;
            }
            if (value instanceof ArrayValue array) {
                List<Object> list = new ArrayList<>();
                array.getValues().forEach(item -> list.add(value(item)));
                return list;
            }
            throw new IllegalArgumentException("the fake does not support argument " + value);
        }

        /** {@code raw} as the selection of {@code field} shows it. */
        JsonNode project(JsonNode raw, Field field, Map<String, Object> arguments) {
            JsonNode value = raw;
            if (value != null && value.isObject() && value.path("nodes").isArray() && arguments.containsKey("first")) {
                value = slice((ArrayNode) value.get("nodes"), (Integer) arguments.get("first"), (String) arguments.get("after"));
            }
            if (value != null && value.isArray() && "quantities".equals(field.getName())) {
                List<?> names = (List<?>) arguments.get("names");
                ArrayNode filtered = NODES.arrayNode();
                value.forEach(quantity -> {
                    if (names.contains(quantity.path("name").asString())) {
                        filtered.add(quantity);
                    }
                });
                value = filtered;
            }
            return select(value, field.getSelectionSet());
        }

        private JsonNode select(JsonNode value, SelectionSet selectionSet) {
            if (value == null || value.isNull() || value.isMissingNode()) {
                return NODES.nullNode();
            }
            if (selectionSet == null) {
                return value;
            }
            if (value.isArray()) {
                ArrayNode array = NODES.arrayNode();
                value.forEach(item -> array.add(select(item, selectionSet)));
                return array;
            }
            ObjectNode result = NODES.objectNode();
            for (Field field : fields(selectionSet, value)) {
                if ("__typename".equals(field.getName())) {
                    result.put(field.getResultKey(), ShopifyIds.type(Json.text(value.get("id"))).orElse("Unknown"));
                    continue;
                }
                JsonNode child = value.get(field.getName());
                if (child == null) {
                    continue; // not recorded by the capture: stays absent
                }
                result.set(field.getResultKey(), project(child, field, arguments(field)));
            }
            return result;
        }

        private List<Field> fields(SelectionSet selectionSet, JsonNode value) {
            List<Field> fields = new ArrayList<>();
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    fields.add(field);
                } else if (selection instanceof InlineFragment inline) {
                    if (inline.getTypeCondition() == null || applies(inline.getTypeCondition().getName(), value)) {
                        fields.addAll(fields(inline.getSelectionSet(), value));
                    }
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment == null) {
                        throw new IllegalArgumentException("unknown fragment " + spread.getName());
                    }
                    if (applies(fragment.getTypeCondition().getName(), value)) {
                        fields.addAll(fields(fragment.getSelectionSet(), value));
                    }
                }
            }
            return fields;
        }

        /** Node types are known from their global id; other objects only appear where their type is fixed. */
        private static boolean applies(String typeName, JsonNode value) {
            return ShopifyIds.type(Json.text(value.get("id"))).map(typeName::equals).orElse(true);
        }
    }

    /** A connection page with Shopify-style opaque cursors (base64 JSON of the position). */
    static ObjectNode slice(ArrayNode all, Integer first, String after) {
        int start = 0;
        if (after != null) {
            start = decodeCursor(after) + 1;
        }
        int end = first == null ? all.size() : Math.min(all.size(), start + first);
        ArrayNode nodes = NODES.arrayNode();
        ArrayNode edges = NODES.arrayNode();
        for (int i = start; i < end; i++) {
            nodes.add(all.get(i));
            edges.add(object("cursor", cursor(all.get(i), i), "node", all.get(i)));
        }
        ObjectNode pageInfo = object("hasNextPage", end < all.size(), "hasPreviousPage", start > 0,
                "startCursor", start < end ? cursor(all.get(start), start) : null,
                "endCursor", start < end ? cursor(all.get(end - 1), end - 1) : null);
        ObjectNode connection = object("nodes", nodes, "edges", edges);
        connection.set("pageInfo", pageInfo);
        return connection;
    }

    private static String cursor(JsonNode node, int index) {
        String id = ShopifyIds.tail(Json.text(node.get("id"))).orElse("");
        String json = "{\"last_id\":\"" + id + "\",\"last_value\":" + index + "}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        JsonNode decoded = Json.mapper().readTree(Base64.getDecoder().decode(cursor));
        if (!decoded.path("last_value").isInt()) {
            throw new IllegalArgumentException("not a cursor the fake handed out: " + cursor);
        }
        return decoded.get("last_value").asInt();
    }

    // ---------------------------------------------------------------------------------------- search syntax

    /**
     * Shopify search syntax as the connector writes it: terms joined by {@code OR} (or {@code AND}/space,
     * which bind tighter), each {@code field:value}, {@code field:>=value}, {@code field:<value} or bare
     * free text; values may be double-quoted with backslash escapes.
     */
    record Search(List<List<Term>> anyOf) {
        static final Search ALL = new Search(List.of(List.of()));

        record Term(String field, String operator, String value) {
        }

        boolean matches(Entry entry, BiPredicate<Entry, Term> matcher) {
            return anyOf.stream().anyMatch(all -> all.stream().allMatch(term -> matcher.test(entry, term)));
        }

        static Search parse(String query) {
            List<List<Term>> groups = new ArrayList<>();
            List<Term> current = new ArrayList<>();
            for (String token : tokens(query)) {
                if (token.equals("OR")) {
                    groups.add(current);
                    current = new ArrayList<>();
                } else if (!token.equals("AND")) {
                    current.add(term(token));
                }
            }
            groups.add(current);
            if (groups.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("empty term group in search '" + query + "'");
            }
            return new Search(groups);
        }

        private static List<String> tokens(String query) {
            List<String> tokens = new ArrayList<>();
            StringBuilder token = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < query.length(); i++) {
                char c = query.charAt(i);
                if (quoted && c == '\\' && i + 1 < query.length()) {
                    token.append(c).append(query.charAt(++i));
                } else if (c == '"') {
                    quoted = !quoted;
                    token.append(c);
                } else if (c == ' ' && !quoted) {
                    if (!token.isEmpty()) {
                        tokens.add(token.toString());
                        token.setLength(0);
                    }
                } else {
                    token.append(c);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("unbalanced quotes in search '" + query + "'");
            }
            if (!token.isEmpty()) {
                tokens.add(token.toString());
            }
            return tokens;
        }

        private static Term term(String token) {
            int colon = token.startsWith("\"") ? -1 : token.indexOf(':');
            if (colon < 0) {
                return new Term(null, "", unquote(token));
            }
            String field = token.substring(0, colon);
            String rest = token.substring(colon + 1);
            String operator = rest.startsWith(">=") || rest.startsWith("<=") ? rest.substring(0, 2)
                    : rest.startsWith(">") || rest.startsWith("<") ? rest.substring(0, 1) : "";
            return new Term(field, operator, unquote(rest.substring(operator.length())));
        }

        private static String unquote(String value) {
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                StringBuilder unquoted = new StringBuilder();
                for (int i = 1; i < value.length() - 1; i++) {
                    char c = value.charAt(i);
                    unquoted.append(c == '\\' ? value.charAt(++i) : c);
                }
                return unquoted.toString();
            }
            return value;
        }

        static boolean customerTerm(Entry entry, Term term) {
            JsonNode customer = entry.node();
            if (term.field() == null) {
                String needle = term.value().toLowerCase(Locale.ROOT);
                return List.of("displayName", "firstName", "lastName", "email").stream()
                        .map(name -> customer.path(name).asString("").toLowerCase(Locale.ROOT))
                        .anyMatch(text -> text.contains(needle));
            }
            return switch (term.field()) {
                case "email" -> term.value().equalsIgnoreCase(customer.path("email").asString(""));
                case "phone" -> term.value().equals(customer.path("phone").asString(""))
                        || term.value().equals(customer.path("defaultPhoneNumber").path("phoneNumber").asString(""));
                case "id" -> term.value().equals(entry.legacyId());
                default -> throw new IllegalArgumentException("the fake does not search customers by " + term.field());
            };
        }

        static boolean orderTerm(Entry entry, Term term) {
            JsonNode order = entry.node();
            if (term.field() == null) {
                throw new IllegalArgumentException("the fake does not search orders by free text");
            }
            return switch (term.field()) {
                case "customer_id" -> ShopifyIds.legacyId(order.get("customer")).map(term.value()::equals).orElse(false);
                case "email" -> term.value().equalsIgnoreCase(order.path("email").asString(""));
                case "id" -> term.value().equals(entry.legacyId());
                case "created_at", "updated_at" -> compare(order.path(term.field().equals("created_at") ? "createdAt" : "updatedAt")
                        .asString(), term);
                default -> throw new IllegalArgumentException("the fake does not search orders by " + term.field());
            };
        }

        static boolean variantTerm(Entry entry, Term term) {
            if (!"sku".equals(term.field()) || !term.operator().isEmpty()) {
                throw new IllegalArgumentException("the fake searches product variants by sku only, not " + term);
            }
            return term.value().equals(entry.node().path("sku").asString(""));
        }

        private static boolean compare(String timestamp, Term term) {
            Instant value = OffsetDateTime.parse(timestamp).toInstant();
            Instant bound = OffsetDateTime.parse(term.value()).toInstant();
            return switch (term.operator()) {
                case ">=" -> !value.isBefore(bound);
                case ">" -> value.isAfter(bound);
                case "<" -> value.isBefore(bound);
                case "<=" -> !value.isAfter(bound);
                default -> value.equals(bound);
            };
        }
    }

    /** For tests: a function applying {@link #answer} without HTTP. */
    Function<Request, ResponseDefinitionBuilder> responder() {
        return this::answer;
    }
}

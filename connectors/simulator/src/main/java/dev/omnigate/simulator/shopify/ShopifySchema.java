package dev.omnigate.simulator.shopify;

import static graphql.schema.idl.TypeRuntimeWiring.newTypeWiring;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The executable Shopify Admin GraphQL subset: the SDL in {@code simulator/shopify/admin-subset.graphqls} wired to
 * a {@link ShopifyStore}. Owns the resource-specific rules: which search fields each connection supports, the sort
 * keys and what global ids resolve to.
 */
final class ShopifySchema {

    static final String SDL_RESOURCE = "/simulator/shopify/admin-subset.graphqls";
    /** GraphQL context key holding the request's search warnings ({@code List<Map<String, Object>>}). */
    static final String SEARCH_WARNINGS = "omnigate.shopify.searchWarnings";
    private static final Set<String> QUANTITY_NAMES = Set.of("available", "committed", "damaged", "incoming",
            "on_hand", "quality_control", "reserved", "safety_stock");

    private final ShopifyStore store;
    private final int maxPageSize;

    private ShopifySchema(ShopifyStore store, int maxPageSize) {
        this.store = store;
        this.maxPageSize = maxPageSize;
    }

    /** Reads the subset SDL from the classpath. */
    static String sdl() {
        try (InputStream in = ShopifySchema.class.getResourceAsStream(SDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SDL_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SDL_RESOURCE, e);
        }
    }

    /** The parsed SDL, parsed once per JVM (the schema generator copies it, never changes it). */
    private static final class Parsed {
        static final TypeDefinitionRegistry REGISTRY = new SchemaParser().parse(sdl());
    }

    /** Parses the SDL now (it takes a noticeable part of a cold start), so a later {@link #build} is quicker. */
    static void preload() {
        // building a data-less schema and validating a query loads and warms the classes a real start uses
        GraphQLSchema warm = new SchemaGenerator().makeExecutableSchema(Parsed.REGISTRY, RuntimeWiring.newRuntimeWiring()
                .scalar(ShopifyScalars.DATE_TIME).scalar(ShopifyScalars.DECIMAL).scalar(ShopifyScalars.MONEY)
                .scalar(ShopifyScalars.UNSIGNED_INT_64)
                .type(newTypeWiring("Node").typeResolver(env -> null))
                .build());
        graphql.ParseAndValidate.validate(warm, graphql.parser.Parser.parse(
                "{ shop { name } customers(first: 1, query: \"email:a@b.c\") { nodes { id amountSpent { amount } } } }"));
    }

    static GraphQLSchema build(ShopifyStore store, int maxPageSize) {
        return new SchemaGenerator().makeExecutableSchema(Parsed.REGISTRY, new ShopifySchema(store, maxPageSize).wiring());
    }

    private RuntimeWiring wiring() {
        return RuntimeWiring.newRuntimeWiring()
                .scalar(ShopifyScalars.DATE_TIME)
                .scalar(ShopifyScalars.DECIMAL)
                .scalar(ShopifyScalars.MONEY)
                .scalar(ShopifyScalars.UNSIGNED_INT_64)
                .type(newTypeWiring("Node").typeResolver(env -> env.getSchema().getObjectType(typeName(env.getObject()))))
                .type(newTypeWiring("QueryRoot")
                        .dataFetcher("shop", env -> store.shop())
                        .dataFetcher("customer", env -> byId(env.getArgument("id"), "Customer"))
                        .dataFetcher("order", env -> byId(env.getArgument("id"), "Order"))
                        .dataFetcher("productVariant", env -> byId(env.getArgument("id"), "ProductVariant"))
                        .dataFetcher("inventoryItem", env -> byId(env.getArgument("id"), "InventoryItem"))
                        .dataFetcher("inventoryLevel", env -> byId(env.getArgument("id"), "InventoryLevel"))
                        .dataFetcher("location", env -> env.getArgument("id") == null
                                ? store.locations().getFirst() : byId(env.getArgument("id"), "Location"))
                        .dataFetcher("node", env -> byId(env.getArgument("id"), null))
                        .dataFetcher("nodes", env -> {
                            List<String> ids = env.getArgument("ids");
                            List<Object> nodes = new ArrayList<>(ids.size());
                            ids.forEach(id -> nodes.add(byId(id, null)));
                            return nodes;
                        })
                        .dataFetcher("customers", env -> customers(env, store.customers()))
                        .dataFetcher("orders", env -> orders(env, store.orders(), "PROCESSED_AT"))
                        .dataFetcher("productVariants", env -> variants(env, store.variants(), "ID"))
                        .dataFetcher("inventoryItems", env -> page(env, store.inventoryItems(), inventoryItemFields(),
                                ShopifyModel.InventoryItem::legacyId, Comparator.comparingLong(ShopifyModel.InventoryItem::legacyId),
                                i -> Long.toString(i.legacyId())))
                        .dataFetcher("locations", this::locations))
                .type(newTypeWiring("Customer")
                        .dataFetcher("orders", env -> {
                            ShopifyModel.Customer customer = env.getSource();
                            return orders(env, store.ordersOfCustomer(customer.legacyId()), "ID");
                        }))
                .type(newTypeWiring("Order")
                        .dataFetcher("customer", env -> {
                            ShopifyModel.Order order = env.getSource();
                            return order.customerLegacyId() == null ? null : store.customer(order.customerLegacyId()).orElse(null);
                        })
                        .dataFetcher("retailLocation", env -> null)
                        .dataFetcher("lineItems", env -> {
                            ShopifyModel.Order order = env.getSource();
                            return Paging.page(order.lineItems(), Paging.Args.of(env), ShopifyModel.LineItem::legacyId,
                                    l -> Long.toString(l.legacyId()), maxPageSize);
                        })
                        .dataFetcher("fulfillmentOrders", env -> {
                            ShopifyModel.Order order = env.getSource();
                            boolean displayable = Boolean.TRUE.equals(env.getArgument("displayable"));
                            List<ShopifyModel.FulfillmentOrder> list = order.fulfillmentOrders().stream()
                                    .filter(f -> !displayable || !"CANCELLED".equals(f.status())).toList();
                            return Paging.page(list, Paging.Args.of(env), ShopifyModel.FulfillmentOrder::legacyId,
                                    f -> Long.toString(f.legacyId()), maxPageSize);
                        }))
                .type(newTypeWiring("LineItem")
                        .dataFetcher("variant", env -> {
                            ShopifyModel.LineItem line = env.getSource();
                            return line.variantLegacyId() == null ? null : store.variant(line.variantLegacyId()).orElse(null);
                        })
                        .dataFetcher("product", env -> {
                            ShopifyModel.LineItem line = env.getSource();
                            return line.productLegacyId() == null ? null : store.product(line.productLegacyId()).orElse(null);
                        }))
                .type(newTypeWiring("FulfillmentOrder")
                        .dataFetcher("deliveryMethod", env -> {
                            ShopifyModel.FulfillmentOrder fo = env.getSource();
                            return Map.of("id", ShopifyIds.gid("DeliveryMethod", fo.legacyId()),
                                    "methodType", fo.methodType(), "presentedName", fo.presentedName());
                        })
                        .dataFetcher("assignedLocation", env -> {
                            ShopifyModel.FulfillmentOrder fo = env.getSource();
                            ShopifyModel.Location location = store.location(fo.locationLegacyId()).orElseThrow();
                            Map<String, Object> assigned = new LinkedHashMap<>();
                            assigned.put("location", location);
                            assigned.put("name", location.name());
                            assigned.put("address1", location.address().get("address1"));
                            assigned.put("city", location.address().get("city"));
                            assigned.put("province", location.address().get("province"));
                            assigned.put("zip", location.address().get("zip"));
                            assigned.put("countryCode", location.address().get("countryCode"));
                            return assigned;
                        }))
                .type(newTypeWiring("Product")
                        .dataFetcher("totalInventory", env -> {
                            ShopifyModel.Product product = env.getSource();
                            return product.variantLegacyIds().stream().mapToInt(id ->
                                    store.totalAvailable(store.variant(id).orElseThrow().sku())).sum();
                        })
                        .dataFetcher("variants", env -> {
                            ShopifyModel.Product product = env.getSource();
                            List<ShopifyModel.ProductVariant> list = product.variantLegacyIds().stream()
                                    .map(id -> store.variant(id).orElseThrow()).toList();
                            return variants(env, list, "POSITION");
                        }))
                .type(newTypeWiring("ProductVariant")
                        .dataFetcher("inventoryQuantity", env -> store.totalAvailable(((ShopifyModel.ProductVariant) env.getSource()).sku()))
                        .dataFetcher("availableForSale", env -> store.totalAvailable(((ShopifyModel.ProductVariant) env.getSource()).sku()) > 0)
                        .dataFetcher("inventoryItem", env -> store.inventoryItem(
                                ((ShopifyModel.ProductVariant) env.getSource()).inventoryItemLegacyId()).orElseThrow())
                        .dataFetcher("product", env -> store.product(
                                ((ShopifyModel.ProductVariant) env.getSource()).productLegacyId()).orElseThrow()))
                .type(newTypeWiring("InventoryItem")
                        .dataFetcher("variant", env -> store.variant(((ShopifyModel.InventoryItem) env.getSource()).variantLegacyId()).orElseThrow())
                        .dataFetcher("inventoryLevel", env -> {
                            ShopifyModel.InventoryItem item = env.getSource();
                            return ShopifyIds.parse(requireGid(env.getArgument("locationId")))
                                    .filter(g -> g.type().equals("Location"))
                                    .flatMap(g -> store.level(item.legacyId(), g.id())).orElse(null);
                        })
                        .dataFetcher("inventoryLevels", env -> {
                            ShopifyModel.InventoryItem item = env.getSource();
                            return Paging.page(store.levelsOfItem(item.legacyId()), Paging.Args.of(env),
                                    ShopifyModel.InventoryLevel::locationLegacyId, l -> Long.toString(l.locationLegacyId()), maxPageSize);
                        }))
                .type(newTypeWiring("InventoryLevel")
                        .dataFetcher("item", env -> store.inventoryItem(((ShopifyModel.InventoryLevel) env.getSource()).inventoryItemLegacyId()).orElseThrow())
                        .dataFetcher("location", env -> store.location(((ShopifyModel.InventoryLevel) env.getSource()).locationLegacyId()).orElseThrow())
                        .dataFetcher("quantities", this::quantities))
                .type(newTypeWiring("Location")
                        .dataFetcher("inventoryLevel", env -> {
                            ShopifyModel.Location location = env.getSource();
                            return ShopifyIds.parse(requireGid(env.getArgument("inventoryItemId")))
                                    .filter(g -> g.type().equals("InventoryItem"))
                                    .flatMap(g -> store.level(g.id(), location.legacyId())).orElse(null);
                        })
                        .dataFetcher("inventoryLevels", env -> {
                            ShopifyModel.Location location = env.getSource();
                            return Paging.page(store.levelsAtLocation(location.legacyId()), Paging.Args.of(env),
                                    ShopifyModel.InventoryLevel::inventoryItemLegacyId,
                                    l -> Long.toString(l.inventoryItemLegacyId()), maxPageSize);
                        }))
                .build();
    }

    // ---------------------------------------------------------------- ids

    private static String typeName(Object object) {
        return switch (object) {
            case ShopifyModel.Customer c -> "Customer";
            case ShopifyModel.Order o -> "Order";
            case ShopifyModel.LineItem l -> "LineItem";
            case ShopifyModel.FulfillmentOrder f -> "FulfillmentOrder";
            case ShopifyModel.Product p -> "Product";
            case ShopifyModel.ProductVariant v -> "ProductVariant";
            case ShopifyModel.InventoryItem i -> "InventoryItem";
            case ShopifyModel.InventoryLevel l -> "InventoryLevel";
            case ShopifyModel.Location l -> "Location";
            default -> throw new IllegalStateException("no GraphQL type for " + object.getClass().getName());
        };
    }

    private static String requireGid(String id) {
        if (ShopifyIds.parse(id).isEmpty()) {
            throw new ShopifyQueryException("Invalid global id '" + id + "'",
                    Map.of("code", "argumentLiteralsIncompatible", "typeName", "CoercionError"));
        }
        return id;
    }

    /** Resolves a global id; null when nothing has that id (or it is not of the expected type). */
    private Object byId(String id, String expectedType) {
        ShopifyIds.Gid gid = ShopifyIds.parse(requireGid(id)).orElseThrow();
        if (expectedType != null && !expectedType.equals(gid.type())) {
            return null;
        }
        Optional<?> found = switch (gid.type()) {
            case "Customer" -> store.customer(gid.id());
            case "Order" -> store.order(gid.id());
            case "LineItem" -> store.lineItem(gid.id());
            case "FulfillmentOrder" -> store.fulfillmentOrder(gid.id());
            case "Product" -> store.product(gid.id());
            case "ProductVariant" -> store.variant(gid.id());
            case "InventoryItem" -> store.inventoryItem(gid.id());
            case "InventoryLevel" -> gid.inventoryItemId() == null ? Optional.empty() : store.level(gid.inventoryItemId(), gid.id());
            case "Location" -> store.location(gid.id());
            default -> Optional.empty();
        };
        return found.orElse(null);
    }

    // ---------------------------------------------------------------- connections

    private <T> ShopifyModel.Connection<T> page(DataFetchingEnvironment env, List<T> all, SearchQuery.Fields<T> fields,
            ToLongFunction<T> id, Comparator<T> order, Function<T, Object> sortValue) {
        String query = env.getArgument("query");
        SearchQuery<T> search = SearchQuery.parse(query, fields);
        if (!search.invalidFields().isEmpty()) {
            List<Map<String, Object>> warnings = env.getGraphQlContext().get(SEARCH_WARNINGS);
            if (warnings != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", env.getExecutionStepInfo().getPath().toList());
                entry.put("query", query);
                entry.put("warnings", search.invalidFields().stream()
                        .map(f -> Map.of("field", f, "message", "Invalid search field for this query.")).toList());
                warnings.add(entry);
            }
        }
        List<T> matching = all.stream().filter(search::matches).sorted(order.thenComparingLong(id)).toList();
        return Paging.page(matching, Paging.Args.of(env), id, sortValue, maxPageSize);
    }

    private ShopifyModel.Connection<ShopifyModel.Customer> customers(DataFetchingEnvironment env, List<ShopifyModel.Customer> all) {
        String sortKey = env.getArgument("sortKey") == null ? "ID" : env.getArgument("sortKey").toString();
        Comparator<ShopifyModel.Customer> order;
        Function<ShopifyModel.Customer, Object> value;
        switch (sortKey) {
            case "CREATED_AT" -> {
                order = Comparator.comparing(ShopifyModel.Customer::createdAt);
                value = c -> c.createdAt().toEpochMilli();
            }
            case "UPDATED_AT" -> {
                order = Comparator.comparing(ShopifyModel.Customer::updatedAt);
                value = c -> c.updatedAt().toEpochMilli();
            }
            case "NAME" -> {
                order = Comparator.comparing(c -> c.displayName().toLowerCase(Locale.ROOT));
                value = ShopifyModel.Customer::displayName;
            }
            default -> {
                order = Comparator.comparingLong(ShopifyModel.Customer::legacyId);
                value = c -> Long.toString(c.legacyId());
            }
        }
        return page(env, all, customerFields(), ShopifyModel.Customer::legacyId, order, value);
    }

    private ShopifyModel.Connection<ShopifyModel.Order> orders(DataFetchingEnvironment env, List<ShopifyModel.Order> all,
            String defaultSortKey) {
        String sortKey = env.getArgument("sortKey") == null ? defaultSortKey : env.getArgument("sortKey").toString();
        Comparator<ShopifyModel.Order> order;
        Function<ShopifyModel.Order, Object> value;
        switch (sortKey) {
            case "CREATED_AT", "PROCESSED_AT" -> {
                order = Comparator.comparing(ShopifyModel.Order::createdAt);
                value = o -> o.createdAt().toEpochMilli();
            }
            case "UPDATED_AT" -> {
                order = Comparator.comparing(ShopifyModel.Order::updatedAt);
                value = o -> o.updatedAt().toEpochMilli();
            }
            case "ORDER_NUMBER" -> {
                order = Comparator.comparingInt(ShopifyModel.Order::number);
                value = ShopifyModel.Order::number;
            }
            case "TOTAL_PRICE" -> {
                order = Comparator.comparing(ShopifyModel.Order::totalPrice);
                value = o -> o.totalPrice().toPlainString();
            }
            case "CUSTOMER_NAME" -> {
                order = Comparator.comparing(o -> o.customerName().toLowerCase(Locale.ROOT));
                value = ShopifyModel.Order::customerName;
            }
            default -> {
                order = Comparator.comparingLong(ShopifyModel.Order::legacyId);
                value = o -> Long.toString(o.legacyId());
            }
        }
        return page(env, all, orderFields(), ShopifyModel.Order::legacyId, order, value);
    }

    private ShopifyModel.Connection<ShopifyModel.ProductVariant> variants(DataFetchingEnvironment env,
            List<ShopifyModel.ProductVariant> all, String defaultSortKey) {
        String sortKey = env.getArgument("sortKey") == null ? defaultSortKey : env.getArgument("sortKey").toString();
        Comparator<ShopifyModel.ProductVariant> order;
        Function<ShopifyModel.ProductVariant, Object> value;
        switch (sortKey) {
            case "SKU" -> {
                order = Comparator.comparing(ShopifyModel.ProductVariant::sku);
                value = ShopifyModel.ProductVariant::sku;
            }
            case "TITLE" -> {
                order = Comparator.comparing(ShopifyModel.ProductVariant::title);
                value = ShopifyModel.ProductVariant::title;
            }
            case "FULL_TITLE", "NAME" -> {
                order = Comparator.comparing(ShopifyModel.ProductVariant::fullTitle);
                value = ShopifyModel.ProductVariant::fullTitle;
            }
            case "POSITION" -> {
                order = Comparator.comparingLong(ShopifyModel.ProductVariant::productLegacyId)
                        .thenComparingInt(ShopifyModel.ProductVariant::position);
                value = ShopifyModel.ProductVariant::position;
            }
            case "INVENTORY_QUANTITY" -> {
                order = Comparator.comparingInt(v -> store.totalAvailable(v.sku()));
                value = v -> store.totalAvailable(v.sku());
            }
            default -> {
                order = Comparator.comparingLong(ShopifyModel.ProductVariant::legacyId);
                value = v -> Long.toString(v.legacyId());
            }
        }
        return page(env, all, variantFields(), ShopifyModel.ProductVariant::legacyId, order, value);
    }

    private ShopifyModel.Connection<ShopifyModel.Location> locations(DataFetchingEnvironment env) {
        String sortKey = env.getArgument("sortKey") == null ? "NAME" : env.getArgument("sortKey").toString();
        Comparator<ShopifyModel.Location> order = "NAME".equals(sortKey)
                ? Comparator.comparing(ShopifyModel.Location::name)
                : Comparator.comparingLong(ShopifyModel.Location::legacyId);
        Function<ShopifyModel.Location, Object> value = "NAME".equals(sortKey)
                ? ShopifyModel.Location::name : l -> Long.toString(l.legacyId());
        return page(env, store.locations(), locationFields(), ShopifyModel.Location::legacyId, order, value);
    }

    private List<Map<String, Object>> quantities(DataFetchingEnvironment env) {
        ShopifyModel.InventoryLevel level = env.getSource();
        List<String> names = env.getArgument("names");
        List<Map<String, Object>> result = new ArrayList<>(names.size());
        for (String name : names) {
            if (!QUANTITY_NAMES.contains(name)) {
                throw new ShopifyQueryException("The quantity name '" + name + "' is not valid. Valid names are: "
                        + String.join(", ", QUANTITY_NAMES.stream().sorted().toList()) + ".", "BAD_REQUEST");
            }
            int quantity = level.quantity(name);
            boolean inUse = Set.of("available", "committed", "on_hand").contains(name) || quantity != 0;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("quantity", quantity);
            entry.put("updatedAt", inUse ? level.updatedAt() : null);
            result.add(entry);
        }
        return result;
    }

    // ---------------------------------------------------------------- search fields

    private static <T> SearchQuery.Field<T> text(Function<T, Object> value) {
        return new SearchQuery.Field<>(SearchQuery.Kind.TEXT, t -> listOf(value.apply(t)));
    }

    private static <T> SearchQuery.Field<T> number(ToLongFunction<T> value) {
        return new SearchQuery.Field<>(SearchQuery.Kind.NUMBER, t -> List.of(value.applyAsLong(t)));
    }

    private static <T> SearchQuery.Field<T> date(Function<T, Instant> value) {
        return new SearchQuery.Field<>(SearchQuery.Kind.DATE, t -> listOf(value.apply(t)));
    }

    private static List<?> listOf(Object value) {
        return value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
    }

    private static SearchQuery.Fields<ShopifyModel.Customer> customerFields() {
        Map<String, SearchQuery.Field<ShopifyModel.Customer>> fields = new LinkedHashMap<>();
        fields.put("email", text(ShopifyModel.Customer::email));
        fields.put("phone", new SearchQuery.Field<>(SearchQuery.Kind.PHONE, c -> listOf(c.phone())));
        fields.put("id", number(ShopifyModel.Customer::legacyId));
        fields.put("first_name", text(ShopifyModel.Customer::firstName));
        fields.put("last_name", text(ShopifyModel.Customer::lastName));
        fields.put("created_at", date(ShopifyModel.Customer::createdAt));
        fields.put("updated_at", date(ShopifyModel.Customer::updatedAt));
        fields.put("orders_count", number(ShopifyModel.Customer::numberOfOrders));
        fields.put("state", text(c -> c.state().toLowerCase(Locale.ROOT)));
        fields.put("tag", text(ShopifyModel.Customer::tags));
        fields.put("country", text(c -> c.defaultAddress() == null ? null : c.defaultAddress().get("country")));
        return new SearchQuery.Fields<>(fields, c -> listOfStrings(c.displayName(), c.email(), c.phone()));
    }

    private static SearchQuery.Fields<ShopifyModel.Order> orderFields() {
        Map<String, SearchQuery.Field<ShopifyModel.Order>> fields = new LinkedHashMap<>();
        fields.put("id", number(ShopifyModel.Order::legacyId));
        fields.put("name", text(o -> List.of(o.name(), o.name().substring(1))));
        fields.put("email", text(ShopifyModel.Order::email));
        fields.put("phone", new SearchQuery.Field<>(SearchQuery.Kind.PHONE, o -> listOf(o.phone())));
        fields.put("customer_id", new SearchQuery.Field<>(SearchQuery.Kind.NUMBER, o -> listOf(o.customerLegacyId())));
        fields.put("created_at", date(ShopifyModel.Order::createdAt));
        fields.put("updated_at", date(ShopifyModel.Order::updatedAt));
        fields.put("processed_at", date(ShopifyModel.Order::processedAt));
        fields.put("financial_status", text(o -> o.displayFinancialStatus().toLowerCase(Locale.ROOT)));
        fields.put("fulfillment_status", text(o -> switch (o.displayFulfillmentStatus()) {
            case "FULFILLED" -> List.of("fulfilled", "shipped");
            case "PARTIALLY_FULFILLED" -> List.of("partial", "unfulfilled");
            default -> List.of("unfulfilled", "unshipped");
        }));
        fields.put("status", text(o -> o.cancelledAt() != null ? "cancelled" : o.closedAt() != null ? "closed" : "open"));
        fields.put("sku", text(o -> o.lineItems().stream().map(ShopifyModel.LineItem::sku).toList()));
        fields.put("tag", text(ShopifyModel.Order::tags));
        fields.put("source_name", text(ShopifyModel.Order::sourceName));
        fields.put("location_id", new SearchQuery.Field<>(SearchQuery.Kind.NUMBER,
                o -> o.fulfillmentOrders().stream().map(ShopifyModel.FulfillmentOrder::locationLegacyId).toList()));
        return new SearchQuery.Fields<>(fields, o -> listOfStrings(o.name(), o.email(), o.customerName()));
    }

    private static SearchQuery.Fields<ShopifyModel.ProductVariant> variantFields() {
        Map<String, SearchQuery.Field<ShopifyModel.ProductVariant>> fields = new LinkedHashMap<>();
        fields.put("id", number(ShopifyModel.ProductVariant::legacyId));
        fields.put("sku", text(ShopifyModel.ProductVariant::sku));
        fields.put("product_id", number(ShopifyModel.ProductVariant::productLegacyId));
        fields.put("title", text(ShopifyModel.ProductVariant::title));
        fields.put("barcode", text(ShopifyModel.ProductVariant::barcode));
        fields.put("created_at", date(ShopifyModel.ProductVariant::createdAt));
        fields.put("updated_at", date(ShopifyModel.ProductVariant::updatedAt));
        return new SearchQuery.Fields<>(fields, v -> listOfStrings(v.sku(), v.fullTitle(), v.barcode()));
    }

    private static SearchQuery.Fields<ShopifyModel.InventoryItem> inventoryItemFields() {
        Map<String, SearchQuery.Field<ShopifyModel.InventoryItem>> fields = new LinkedHashMap<>();
        fields.put("id", number(ShopifyModel.InventoryItem::legacyId));
        fields.put("sku", text(ShopifyModel.InventoryItem::sku));
        fields.put("created_at", date(ShopifyModel.InventoryItem::createdAt));
        fields.put("updated_at", date(ShopifyModel.InventoryItem::updatedAt));
        return new SearchQuery.Fields<>(fields, i -> listOfStrings(i.sku()));
    }

    private static SearchQuery.Fields<ShopifyModel.Location> locationFields() {
        Map<String, SearchQuery.Field<ShopifyModel.Location>> fields = new LinkedHashMap<>();
        fields.put("id", number(ShopifyModel.Location::legacyId));
        fields.put("name", text(ShopifyModel.Location::name));
        fields.put("city", text(l -> l.address().get("city")));
        fields.put("province", text(l -> l.address().get("provinceCode")));
        fields.put("zip", text(l -> l.address().get("zip")));
        fields.put("active", text(l -> "true"));
        fields.put("pickup_in_store", text(l -> l.localPickupSettingsV2() == null ? "disabled" : "enabled"));
        return new SearchQuery.Fields<>(fields, l -> listOfStrings(l.name(), (String) l.address().get("city")));
    }

    private static List<String> listOfStrings(String... values) {
        List<String> list = new ArrayList<>(values.length);
        for (String value : values) {
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }
}

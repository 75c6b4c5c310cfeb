package dev.omnigate.gateway.limits;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.read.BatchReader;
import dev.omnigate.gateway.connector.ConnectorAccount;
import dev.omnigate.gateway.connector.ConnectorAccounts;
import dev.omnigate.gateway.error.BadRequestException;
import dev.omnigate.gateway.graphql.paging.PageArgs;
import dev.omnigate.gateway.graphql.product.ProductDataFetcher;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Prices an operation before it runs, in the unit that hurts: the vendor calls each field will cause, per account,
 * with the connectors' batch sizes, times the list sizes above it ({@code first}, {@code skus}, or
 * {@code omnigate.limits.cost.assumed-list-size} for lists without one), each call weighted by
 * {@link OperationWeights}. The field table below is the whole model: a field not in it causes no vendor call. The
 * estimate is an upper bound: the entity cache usually answers part of it; the answer's {@code actualQueryCost} says
 * what was spent. Arguments that bound work are checked on the way, before any upstream call: every {@code first},
 * {@code skus}.
 */
public final class CostEstimator {

    private final ConnectorAccounts accounts;
    private final OperationWeights weights;
    private final int maxPageSize;
    private final int assumedListSize;
    private final int customerSearchRounds;

    /**
     * @param customerSearchRounds searches customer360 makes per account: the request's key, then each expansion round
     */
    public CostEstimator(ConnectorAccounts accounts, OperationWeights weights, int maxPageSize, int assumedListSize, int customerSearchRounds) {
        this.accounts = accounts;
        this.weights = weights;
        this.maxPageSize = maxPageSize;
        this.assumedListSize = assumedListSize;
        this.customerSearchRounds = customerSearchRounds;
    }

    /**
     * @param variables the operation's coerced variables
     * @throws BadRequestException when an argument that bounds work is out of range
     */
    public QueryCost estimate(GraphQLSchema schema, GraphQLObjectType root, SelectionSet selections, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables, java.util.function.Predicate<GraphQLFieldDefinition> forbidden) {
        Walk walk = new Walk(schema, fragments, variables, forbidden);
        walk.selections(selections, root, 1, 1);
        long points = 0;
        for (Map.Entry<String, Long> entry : walk.calls.entrySet()) {
            points = Math.min(Long.MAX_VALUE / 2, points + entry.getValue() * walk.weights.get(entry.getKey()));
        }
        return new QueryCost(Math.max(1, points), walk.calls); // every request needs a point in the bucket, as at Shopify
    }

    private final class Walk {
        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private final java.util.function.Predicate<GraphQLFieldDefinition> forbidden;
        private final Map<String, Long> calls = new LinkedHashMap<>();
        private final Map<String, Integer> weights = new LinkedHashMap<>();
        private int depth;

        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
                java.util.function.Predicate<GraphQLFieldDefinition> forbidden) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
            this.forbidden = forbidden;
        }

        /**
         * @param parents how many objects of {@code parent} the selections apply to
         * @param connectionSize the {@code first} of the connection {@code parent} is, for its edges and nodes
         */
        void selections(SelectionSet selections, GraphQLCompositeType parent, long parents, long connectionSize) {
            if (selections == null || parent == null || ++depth > 64) {
                depth--;
                return; // deeper documents were refused by the document limits already
            }
            for (Selection<?> selection : selections.getSelections()) {
                switch (selection) {
                    case Field field -> field(field, parent, parents, connectionSize);
                    case InlineFragment fragment -> selections(fragment.getSelectionSet(), fragment.getTypeCondition() == null ? parent
                            : composite(fragment.getTypeCondition().getName()), parents, connectionSize);
                    case FragmentSpread spread -> {
                        FragmentDefinition definition = fragments.get(spread.getName());
                        if (definition != null) {
                            selections(definition.getSelectionSet(), composite(definition.getTypeCondition().getName()), parents, connectionSize);
                        }
                    }
                    default -> {
                    }
                }
            }
            depth--;
        }

        private void field(Field field, GraphQLCompositeType parent, long parents, long connectionSize) {
            if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
                return;
            }
            GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
            if (definition == null || forbidden.test(definition)) {
                return; // a forbidden field answers null without any call
            }
            Map<String, Object> arguments = arguments(field, definition);
            Integer first = first(arguments);
            List<?> skus = skus(field.getName(), arguments);
            price(parent.getName() + "." + field.getName(), arguments, parents, first, skus);
            if (field.getSelectionSet() == null) {
                return;
            }
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            long items = parents;
            long childConnection = first == null ? assumedListSize : first;
            if (type instanceof GraphQLList) {
                long size = skus != null ? skus.size() : parent.getName().endsWith("Connection") ? connectionSize : assumedListSize;
                items = times(parents, Math.max(size, 0));
            }
            GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (unwrapped instanceof GraphQLCompositeType composite) {
                selections(field.getSelectionSet(), composite, items, childConnection);
            }
        }

        /** The vendor calls one field causes for {@code parents} objects of its type. */
        private void price(String coordinates, Map<String, Object> arguments, long parents, Integer first, List<?> skus) {
            switch (coordinates) {
                case "Query.product", "OrderLine.product" -> products(parents);
                case "Query.products" -> products(times(parents, skus == null ? 0 : skus.size()));
                case "Query.locations" -> each(Capability.LOCATIONS_READ, "locations.listAll", parents);
                case "LocationAvailability.location", "Order.location" -> batched(Capability.LOCATIONS_READ, "locations.getByIds", 1,
                        connector -> Integer.MAX_VALUE);
                case "Query.orders" -> each(channels(arguments), Capability.ORDERS_READ, "orders.search",
                        times(parents, pages(first)));
                case "Query.order" -> dearest(Capability.ORDERS_READ, "orders.getByIds", parents);
                case "Query.node" -> dearestOfAll(parents);
                case "Query.customers" -> each(Capability.CUSTOMERS_READ, "customers.search", times(parents, pages(first)));
                case "Query.customer360" -> each(Capability.CUSTOMERS_READ, "customers.search", times(parents, customerSearchRounds));
                case "Customer360.orders", "Customer360.metrics" -> ordersOfProfiles(parents);
                case "Customer360.tickets" -> each(Capability.TICKETS_READ, "tickets.getByRequesterIds", parents);
                case "Order.customer" -> batched(Capability.CUSTOMERS_READ, "customers.getByIds", parents,
                        account -> account.connector().customers().map(BatchReader::maxBatchSize).orElse(1));
                case "ChannelAccount.health" -> accounts.all().forEach(account -> add(account, "health", 1));
                default -> {
                }
            }
        }

        private void products(long skus) {
            if (skus <= 0) {
                return;
            }
            batched(Capability.PRICES_READ, "prices.getBySkus", skus, account -> account.connector().prices().map(BatchReader::maxBatchSize).orElse(1));
            batched(Capability.INVENTORY_READ, "inventory.getBySkus", skus,
                    account -> account.connector().inventory().map(BatchReader::maxBatchSize).orElse(1));
            // same-place detection reads the levels' locations (usually from the cache)
            each(Capability.INVENTORY_READ, "locations.getByIds", 1);
        }

        /** customer360's orders and metrics share one read per profile: orders of customers, marketplace orders of tickets. */
        private void ordersOfProfiles(long profiles) {
            each(Capability.ORDERS_BY_CUSTOMER, "orders.getByCustomerIds", profiles);
            each(Capability.TICKETS_READ, "tickets.getByRequesterIds", profiles);
            for (ConnectorAccount account : accounts.with(Capability.ORDERS_READ)) {
                if (!account.supports(Capability.ORDERS_BY_CUSTOMER)) {
                    int batch = account.connector().orders().map(BatchReader::maxBatchSize).orElse(1);
                    add(account, "orders.getByIds", times(profiles, ceilDiv(assumedListSize, batch)));
                }
            }
        }

        private void each(Capability capability, String operation, long calls) {
            each(null, capability, operation, calls);
        }

        private void each(Set<Channel> channels, Capability capability, String operation, long calls) {
            for (ConnectorAccount account : accounts.with(capability)) {
                if (channels == null || channels.contains(account.channel())) {
                    add(account, operation, calls);
                }
            }
        }

        private void batched(Capability capability, String operation, long keys, Function<ConnectorAccount, Integer> batchSize) {
            for (ConnectorAccount account : accounts.with(capability)) {
                add(account, operation, ceilDiv(keys, Math.max(1, batchSize.apply(account))));
            }
        }

        /** One id of one account the query does not name beforehand: priced at the dearest account. */
        private void dearest(Capability capability, String operation, long calls) {
            accounts.with(capability).stream().max(java.util.Comparator.comparingInt(account -> weightsOf(account, operation)))
                    .ifPresent(account -> add(account, operation, calls));
        }

        private void dearestOfAll(long calls) {
            dearest(Capability.ORDERS_READ, "orders.getByIds", calls);
        }

        private int weightsOf(ConnectorAccount account, String operation) {
            return CostEstimator.this.weights.of(account, operation);
        }

        private void add(ConnectorAccount account, String operation, long count) {
            if (count <= 0) {
                return;
            }
            String key = account.accountId() + "/" + operation;
            calls.merge(key, count, (a, b) -> saturated(a + b));
            weights.computeIfAbsent(key, ignored -> weightsOf(account, operation));
        }

        private long pages(Integer first) {
            // merged paging asks each account for up to first + 1 records, in vendor pages of up to 100
            return Math.max(1, ceilDiv((first == null ? PageArgs.DEFAULT_FIRST : first) + 1L, 100));
        }

        private Integer first(Map<String, Object> arguments) {
            if (!arguments.containsKey("first")) {
                return null;
            }
            Object value = arguments.get("first");
            if (value == null) {
                return null;
            }
            // the Int scalar has coerced it to 32 bits already
            return PageArgs.first(((Number) value).intValue(), maxPageSize);
        }

        private List<?> skus(String fieldName, Map<String, Object> arguments) {
            if (!fieldName.equals("products") || !(arguments.get("skus") instanceof List<?> skus)) {
                return null;
            }
            ProductDataFetcher.requireSkuCount(skus.size(), maxPageSize);
            return skus;
        }

        @SuppressWarnings("unchecked")
        private Set<Channel> channels(Map<String, Object> arguments) {
            if (!(arguments.get("filter") instanceof Map<?, ?> filter) || !(filter.get("channels") instanceof List<?> names)) {
                return null;
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (Object name : names) {
                try {
                    channels.add(Channel.valueOf(String.valueOf(name)));
                } catch (IllegalArgumentException e) {
                    return null; // validation reports it
                }
            }
            return channels;
        }

        /** The field's arguments as plain values (variables resolved, schema defaults applied). */
        private Map<String, Object> arguments(Field field, GraphQLFieldDefinition definition) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (GraphQLArgument argument : definition.getArguments()) {
                if (argument.hasSetDefaultValue() && argument.getArgumentDefaultValue().getValue() instanceof Value<?> literal) {
                    values.put(argument.getName(), value(literal));
                }
            }
            for (Argument argument : field.getArguments()) {
                values.put(argument.getName(), value(argument.getValue()));
            }
            return values;
        }

        private Object value(Value<?> value) {
            return switch (value) {
                case IntValue number -> clampToLong(number.getValue());
                case StringValue text -> text.getValue();
                case EnumValue name -> name.getName();
                case ArrayValue list -> {
                    List<Object> items = new ArrayList<>();
                    list.getValues().forEach(item -> items.add(value(item)));
                    yield items;
                }
                case ObjectValue object -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    object.getObjectFields().forEach(entry -> fields.put(entry.getName(), value(entry.getValue())));
                    yield fields;
                }
                case VariableReference reference -> variables.get(reference.getName());
                case NullValue ignored -> null;
                default -> null;
            };
        }

        private GraphQLCompositeType composite(String name) {
            return schema.getType(name) instanceof GraphQLCompositeType composite ? composite : null;
        }
    }

    private static long clampToLong(BigInteger value) {
        return value.bitLength() > 62 ? (value.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2) : value.longValue();
    }

    private static long ceilDiv(long value, long divisor) {
        return value <= 0 ? 0 : (value + divisor - 1) / divisor;
    }

    private static long saturated(long value) {
        return value < 0 || value > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : value;
    }

    private static long times(long a, long b) {
        try {
            return saturated(Math.multiplyExact(a, b));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}

package dev.omnigate.simulator.shopify;

import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shopify's calculated query cost (PROTOCOLS.md §1 "Rate limiting"; the Omnigate contract's formula): scalars and
 * enums cost 0, an object 1, a connection {@code 2 + first × (cost of one node)} where a node costs 1 plus its
 * selections; {@code nodes(ids:)} and {@code quantities(names:)} cost once per requested id or name. Where a
 * selection branches by type (fragments on {@code Node}), the most expensive branch counts.
 * <p>
 * The requested cost is computed from the document before execution; the actual cost counts what execution really
 * returned (a page shorter than {@code first}, missing ids) with the same weights, via {@link Actual}.
 */
final class QueryCost {

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;

    private QueryCost(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        this.schema = schema;
        this.variables = variables;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
    }

    /** The requested cost of an operation of a validated document. */
    static int requested(GraphQLSchema schema, Document document, OperationDefinition operation, Map<String, Object> variables) {
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        return root == null ? 0 : new QueryCost(schema, document, variables).selections(operation.getSelectionSet(), root, 0);
    }

    private int selections(SelectionSet set, GraphQLCompositeType parent, int depth) {
        if (set == null || depth > 64) {
            return 0;
        }
        int common = 0;
        Map<String, Integer> byType = new HashMap<>();
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> common += field(field, parent, depth);
                case InlineFragment inline -> {
                    GraphQLCompositeType type = inline.getTypeCondition() == null ? parent
                            : (GraphQLCompositeType) schema.getType(inline.getTypeCondition().getName());
                    int cost = selections(inline.getSelectionSet(), type, depth + 1);
                    if (appliesToAll(type, parent)) {
                        common += cost;
                    } else {
                        byType.merge(type.getName(), cost, Integer::sum);
                    }
                }
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        GraphQLCompositeType type = (GraphQLCompositeType) schema.getType(fragment.getTypeCondition().getName());
                        int cost = selections(fragment.getSelectionSet(), type, depth + 1);
                        if (appliesToAll(type, parent)) {
                            common += cost;
                        } else {
                            byType.merge(type.getName(), cost, Integer::sum);
                        }
                    }
                }
                default -> {
                    // no other selection kinds exist
                }
            }
        }
        return common + byType.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** A fragment on the parent's own type or on an interface applies whatever the runtime type is. */
    private static boolean appliesToAll(GraphQLCompositeType type, GraphQLCompositeType parent) {
        return type == null || !(type instanceof GraphQLObjectType) || type.getName().equals(parent.getName());
    }

    private int field(Field field, GraphQLCompositeType parent, int depth) {
        if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
            return 0;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
        if (definition == null) {
            return 0;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
        if (!(type instanceof GraphQLCompositeType composite)) {
            return 0;
        }
        if (isConnection(composite)) {
            Integer size = intArgument(field, "first");
            if (size == null) {
                size = intArgument(field, "last");
            }
            return 2 + (size == null ? 0 : size) * connectionNode(field.getSelectionSet(), composite, depth);
        }
        int times = switch (field.getName()) {
            case "nodes" -> listSize(field, "ids");
            case "quantities" -> listSize(field, "names");
            default -> 1;
        };
        return times * (1 + selections(field.getSelectionSet(), composite, depth + 1));
    }

    /** The cost of one node of a connection: {@code edges { node }} and {@code nodes} selections. */
    private int connectionNode(SelectionSet set, GraphQLCompositeType connection, int depth) {
        int cost = 0;
        for (Field field : fieldsOf(set)) {
            GraphQLFieldDefinition definition = ((GraphQLFieldsContainer) connection).getFieldDefinition(field.getName());
            if (definition == null) {
                continue;
            }
            GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(definition.getType());
            if (field.getName().equals("nodes")) {
                cost += 1 + selections(field.getSelectionSet(), (GraphQLCompositeType) type, depth + 1);
            } else if (field.getName().equals("edges")) {
                for (Field edgeField : fieldsOf(field.getSelectionSet())) {
                    if (edgeField.getName().equals("node")) {
                        GraphQLNamedType nodeType = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(
                                ((GraphQLFieldsContainer) type).getFieldDefinition("node").getType());
                        cost += 1 + selections(edgeField.getSelectionSet(), (GraphQLCompositeType) nodeType, depth + 1);
                    }
                }
            }
        }
        return cost;
    }

    private List<Field> fieldsOf(SelectionSet set) {
        List<Field> fields = new ArrayList<>();
        if (set == null) {
            return fields;
        }
        for (Selection<?> selection : set.getSelections()) {
            switch (selection) {
                case Field field -> fields.add(field);
                case InlineFragment inline -> fields.addAll(fieldsOf(inline.getSelectionSet()));
                case FragmentSpread spread -> {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        fields.addAll(fieldsOf(fragment.getSelectionSet()));
                    }
                }
                default -> {
                    // no other selection kinds exist
                }
            }
        }
        return fields;
    }

    static boolean isConnection(GraphQLType type) {
        return type instanceof GraphQLNamedType named && named.getName().endsWith("Connection");
    }

    private Integer intArgument(Field field, String name) {
        Object value = argument(field, name);
        return value instanceof Number number ? number.intValue() : null;
    }

    private int listSize(Field field, String name) {
        Object value = argument(field, name);
        return value instanceof List<?> list ? list.size() : value == null ? 0 : 1;
    }

    private Object argument(Field field, String name) {
        return field.getArguments().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(a -> literal(a.getValue())).orElse(null);
    }

    private Object literal(Value<?> value) {
        return switch (value) {
            case IntValue i -> i.getValue().intValue();
            case VariableReference v -> variables.get(v.getName());
            case ArrayValue array -> array.getValues().stream().map(this::literal).toList();
            default -> value;
        };
    }

    /**
     * Counts the actual cost while a query executes: 2 per connection, 1 per object returned (each element of a
     * list), 0 for scalars, enums, edges and page info. Keeps the running total in the execution's GraphQL context.
     */
    static final class Actual extends SimplePerformantInstrumentation {

        static final String KEY = "omnigate.shopify.actualCost";

        @Override
        public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            GraphQLType type = GraphQLTypeUtil.unwrapAll(parameters.getField().getType());
            if (!(type instanceof GraphQLCompositeType composite)) {
                return FieldFetchingInstrumentationContext.NOOP;
            }
            String name = composite.getName();
            if (name.endsWith("Edge") || name.equals("PageInfo")) {
                return FieldFetchingInstrumentationContext.NOOP;
            }
            AtomicInteger total = parameters.getExecutionContext().getGraphQLContext().get(KEY);
            if (total == null) {
                return FieldFetchingInstrumentationContext.NOOP;
            }
            boolean connection = isConnection(composite);
            return new FieldFetchingInstrumentationContext() {
                @Override
                public void onFetchedValue(Object value) {
                    if (connection) {
                        total.addAndGet(value == null ? 0 : 2);
                    } else if (value instanceof List<?> list) {
                        total.addAndGet((int) list.stream().filter(java.util.Objects::nonNull).count());
                    } else if (value != null) {
                        total.incrementAndGet();
                    }
                }

                @Override
                public void onDispatched() {
                }

                @Override
                public void onCompleted(Object result, Throwable t) {
                }
            };
        }
    }
}

package dev.omnigate.connector.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.toolkit.json.Json;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Argument;
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
import graphql.parser.Parser;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GraphQL document the connector sends validates against the official 2025-01 introspection, the
 * 2026-04 SDL and the sandbox simulator's SDL, and its requested cost (Shopify's rule as the contract
 * states it: scalars and enums 0, objects 1, connections 2 + first × node cost, lists × their length;
 * alternatives on an interface cost their maximum) stays under the 1000-point single-query limit for the
 * batch sizes the readers use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ShopifyQueriesSchemaTest {

    static final String SIMULATOR_SDL = "simulator/shopify/admin-subset.graphqls";
    private static final int SINGLE_QUERY_LIMIT = 1000;

    private GraphQLSchema official202501;
    private GraphQLSchema sdl202604;

    @BeforeAll
    void loadSchemas() {
        Map<String, Object> introspection = Json.mapper().readValue(
                VendorSpecs.shopify("admin-graphql-2025-01.official-introspection.min.json").toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) introspection.get("data");
        Document schemaDocument = new IntrospectionResultToSchema().createSchemaDefinition(data);
        official202501 = executable(new SchemaParser().buildRegistry(schemaDocument));
        sdl202604 = executable(new SchemaParser().parse(VendorSpecs.shopify("admin-graphql-2026-04.schema.graphql").toFile()));
    }

    /** Custom scalars (DateTime, Decimal, Money, UnsignedInt64 ...) and abstract types get graphql-java's mocked wiring. */
    static GraphQLSchema executable(TypeDefinitionRegistry registry) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new MockedWiringFactory()).build();
        return new SchemaGenerator().makeExecutableSchema(registry, wiring);
    }

    static Stream<ShopifyQueries.Document> documents() {
        return ShopifyQueries.ALL.stream();
    }

    private static List<String> validate(GraphQLSchema schema, ShopifyQueries.Document document) {
        List<ValidationError> errors = new Validator().validateDocument(schema, Parser.parse(document.text()), Locale.ENGLISH);
        return errors.stream().map(ValidationError::toString).toList();
    }

    @ParameterizedTest(name = "{0} validates against the official 2025-01 introspection")
    @MethodSource("documents")
    void validatesAgainstTheOfficial202501Introspection(ShopifyQueries.Document document) {
        assertThat(validate(official202501, document)).isEmpty();
    }

    @ParameterizedTest(name = "{0} validates against the 2026-04 SDL")
    @MethodSource("documents")
    void validatesAgainstThe202604Sdl(ShopifyQueries.Document document) {
        assertThat(validate(sdl202604, document)).isEmpty();
    }

    @ParameterizedTest(name = "{0} validates against the simulator SDL")
    @MethodSource("documents")
    void validatesAgainstTheSimulatorSdl(ShopifyQueries.Document document) throws IOException {
        InputStream resource = getClass().getClassLoader().getResourceAsStream(SIMULATOR_SDL);
        Assumptions.assumeTrue(resource != null, SIMULATOR_SDL + " (connector-simulator) is not on the test classpath");
        String sdl;
        try (resource) {
            sdl = new String(resource.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(validate(executable(new SchemaParser().parse(sdl)), document)).isEmpty();
    }

    @Test
    void theSimulatorSdlIsOnTheTestClasspath() {
        // the guard above must not hide a lost dependency: connector-simulator is a declared test dependency
        assertThat(getClass().getClassLoader().getResource(SIMULATOR_SDL)).isNotNull();
    }

    @Test
    void everyDocumentIsListedOnceWithAMatchingOperationName() {
        List<String> names = ShopifyQueries.ALL.stream().map(ShopifyQueries.Document::operationName).toList();
        assertThat(names).doesNotHaveDuplicates();
        for (ShopifyQueries.Document document : ShopifyQueries.ALL) {
            List<OperationDefinition> operations = Parser.parse(document.text()).getDefinitionsOfType(OperationDefinition.class);
            assertThat(operations).singleElement().extracting(OperationDefinition::getName).isEqualTo(document.operationName());
        }
    }

    @Test
    void invalidDocumentsAreCaught() {
        // the validation above must be able to fail: a field from the 2026-04 schema absent from the 2025-01 dump
        ShopifyQueries.Document newer = new ShopifyQueries.Document("Newer",
                "query Newer($id: ID!) { customer(id: $id) { defaultEmailAddress { emailAddress } } }");
        assertThat(validate(official202501, newer)).isNotEmpty();
        assertThat(validate(sdl202604, newer)).isEmpty();
        ShopifyQueries.Document unknown = new ShopifyQueries.Document("Unknown", "query Unknown { shop { definitelyNotAField } }");
        assertThat(validate(sdl202604, unknown)).isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------ cost

    /** Variables at the largest values the readers send. */
    static Map<ShopifyQueries.Document, Map<String, Object>> worstCaseVariables() {
        Map<ShopifyQueries.Document, Map<String, Object>> variables = new HashMap<>();
        variables.put(ShopifyQueries.CUSTOMERS_BY_IDS, Map.of("ids", ids(ShopifyCustomerReader.MAX_BATCH)));
        variables.put(ShopifyQueries.CUSTOMER_SEARCH, Map.of("first", ShopifyCustomerReader.MAX_PAGE));
        variables.put(ShopifyQueries.ORDERS_BY_IDS, Map.of("ids", ids(ShopifyOrderReader.MAX_BATCH)));
        variables.put(ShopifyQueries.ORDER_SEARCH, Map.of("first", ShopifyOrderReader.MAX_BATCH));
        variables.put(ShopifyQueries.ORDERS_BY_CUSTOMERS, Map.of("customerIds", ids(ShopifyOrderReader.MAX_BATCH),
                "first", ShopifyOrderReader.MAX_BATCH));
        variables.put(ShopifyQueries.ORDER_LINES, Map.of("ids", ids(1)));
        variables.put(ShopifyQueries.INVENTORY_BY_SKUS, Map.of("first", ShopifyInventoryReader.MAX_BATCH));
        variables.put(ShopifyQueries.INVENTORY_LEVELS, Map.of("ids", ids(1)));
        variables.put(ShopifyQueries.PRICES_BY_SKUS, Map.of("first", ShopifyPriceReader.MAX_BATCH));
        variables.put(ShopifyQueries.PRICES_BY_SKUS_WITH_SHOP, Map.of("first", ShopifyPriceReader.MAX_BATCH));
        variables.put(ShopifyQueries.LOCATIONS, Map.of("first", ShopifyLocationReader.PAGE_SIZE));
        variables.put(ShopifyQueries.LOCATIONS_BY_IDS, Map.of("ids", ids(ShopifyLocationReader.MAX_IDS_PER_CALL)));
        variables.put(ShopifyQueries.HEALTH, Map.of());
        return variables;
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "gid://shopify/Node/" + (i + 1)).toList();
    }

    @Test
    void everyDocumentHasWorstCaseVariables() {
        assertThat(worstCaseVariables().keySet()).containsExactlyInAnyOrderElementsOf(ShopifyQueries.ALL);
    }

    @ParameterizedTest(name = "{0} stays under the single-query cost limit")
    @MethodSource("documents")
    void requestedCostStaysUnderTheSingleQueryLimit(ShopifyQueries.Document document) {
        int cost = new CostEstimator(sdl202604, document, worstCaseVariables().get(document)).total();
        assertThat(cost).as("requested cost of %s at the readers' batch sizes", document.operationName())
                .isPositive().isLessThan(SINGLE_QUERY_LIMIT);
    }

    @Test
    void theEstimatorIsSensitiveToBatchSizes() {
        // why orders come 15 at a time: 20 would break the limit
        int fifteen = new CostEstimator(sdl202604, ShopifyQueries.ORDERS_BY_IDS, Map.of("ids", ids(15))).total();
        int twenty = new CostEstimator(sdl202604, ShopifyQueries.ORDERS_BY_IDS, Map.of("ids", ids(20))).total();
        assertThat(twenty).isGreaterThan(SINGLE_QUERY_LIMIT);
        assertThat(twenty - fifteen).isEqualTo(5 * (fifteen / 15));
    }

    @Test
    void theRuleNeverUnderestimatesWhatShopifyChargedForTheCapturedReads() {
        for (String file : List.of(FakeShopify.CUSTOMERS_SEARCH, FakeShopify.CUSTOMERS_CATALOG, FakeShopify.CUSTOMER_DETAIL)) {
            tools.jackson.databind.JsonNode call = VendorSpecs.capture(file).path("upstreamCalls").get(0);
            ShopifyQueries.Document captured = new ShopifyQueries.Document(call.path("operationName").asString(),
                    call.path("query").asString());
            Map<String, Object> capturedVariables = Json.mapper().treeToValue(call.path("variables"), Map.class);
            int charged = call.path("response").path("body").path("extensions").path("cost").path("requestedQueryCost").asInt();
            assertThat(charged).as("requestedQueryCost recorded in %s", file).isPositive();
            assertThat(new CostEstimator(sdl202604, captured, capturedVariables).total()).as("estimate for %s", file)
                    .isGreaterThanOrEqualTo(charged);
        }
    }

    /** The contract's cost rule applied to a document's AST. */
    static final class CostEstimator {
        private final GraphQLSchema schema;
        private final Map<String, Object> variables;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final OperationDefinition operation;

        CostEstimator(GraphQLSchema schema, ShopifyQueries.Document document, Map<String, Object> variables) {
            this.schema = schema;
            this.variables = variables;
            Document parsed = Parser.parse(document.text());
            parsed.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
            this.operation = parsed.getDefinitionsOfType(OperationDefinition.class).get(0);
        }

        int total() {
            return selectionCost(schema.getQueryType(), operation.getSelectionSet());
        }

        private int selectionCost(GraphQLCompositeType parent, SelectionSet selectionSet) {
            if (selectionSet == null) {
                return 0;
            }
            int direct = 0;
            Map<String, Integer> perType = new HashMap<>();
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    direct += fieldCost((GraphQLFieldsContainer) parent, field);
                } else {
                    String typeName;
                    SelectionSet fragmentSelections;
                    if (selection instanceof InlineFragment inline) {
                        typeName = inline.getTypeCondition() == null ? parent.getName() : inline.getTypeCondition().getName();
                        fragmentSelections = inline.getSelectionSet();
                    } else {
                        FragmentDefinition fragment = fragments.get(((FragmentSpread) selection).getName());
                        typeName = fragment.getTypeCondition().getName();
                        fragmentSelections = fragment.getSelectionSet();
                    }
                    int cost = selectionCost((GraphQLCompositeType) schema.getType(typeName), fragmentSelections);
                    if (typeName.equals(parent.getName())) {
                        direct += cost;
                    } else {
                        perType.merge(typeName, cost, Integer::sum);
                    }
                }
            }
            return direct + (perType.isEmpty() ? 0 : Collections.max(perType.values()));
        }

        private int fieldCost(GraphQLFieldsContainer parent, Field field) {
            if (field.getName().startsWith("__")) {
                return 0;
            }
            GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
            GraphQLType type = unwrapNonNull(definition.getType());
            boolean list = type instanceof GraphQLList;
            GraphQLNamedType named = (GraphQLNamedType) graphql.schema.GraphQLTypeUtil.unwrapAll(type);
            if (!(named instanceof GraphQLCompositeType composite)) {
                return 0;
            }
            if (named.getName().endsWith("Connection")) {
                int first = intArgument(field, "first");
                int node = 0;
                int pageInfo = 0;
                for (Selection<?> selection : field.getSelectionSet().getSelections()) {
                    Field child = (Field) selection;
                    GraphQLFieldsContainer connection = (GraphQLFieldsContainer) composite;
                    GraphQLCompositeType childType = (GraphQLCompositeType) graphql.schema.GraphQLTypeUtil
                            .unwrapAll(connection.getFieldDefinition(child.getName()).getType());
                    switch (child.getName()) {
                        case "nodes" -> node = Math.max(node, 1 + selectionCost(childType, child.getSelectionSet()));
                        case "edges" -> node = Math.max(node, selectionCost(childType, child.getSelectionSet()));
                        case "pageInfo" -> pageInfo = 1;
                        default -> throw new IllegalArgumentException("unexpected connection field " + child.getName());
                    }
                }
                return 2 + first * node + pageInfo;
            }
            int element = 1 + selectionCost(composite, field.getSelectionSet());
            if (!list) {
                return element;
            }
            int length = switch (field.getName()) {
                case "nodes" -> listArgument(field, "ids");
                case "quantities" -> listArgument(field, "names");
                default -> 1;
            };
            return length * element;
        }

        private static GraphQLType unwrapNonNull(GraphQLType type) {
            return type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        }

        private Object argument(Field field, String name) {
            for (Argument argument : field.getArguments()) {
                if (argument.getName().equals(name)) {
                    Value<?> value = argument.getValue();
                    if (value instanceof VariableReference reference) {
                        return variables.get(reference.getName());
                    }
                    if (value instanceof IntValue integer) {
                        return integer.getValue().intValue();
                    }
                    if (value instanceof ArrayValue array) {
                        return new ArrayList<>(array.getValues());
                    }
                }
            }
            throw new IllegalArgumentException(field.getName() + " has no value for argument " + name);
        }

        private int intArgument(Field field, String name) {
            return ((Number) argument(field, name)).intValue();
        }

        private int listArgument(Field field, String name) {
            return ((List<?>) argument(field, name)).size();
        }
    }
}

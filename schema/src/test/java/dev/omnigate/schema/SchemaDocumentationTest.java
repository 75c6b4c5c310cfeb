package dev.omnigate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AstPrinter;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses the unified SDL exactly as the gateway does (every {@code schema/*.graphqls} on the classpath) and
 * checks that it is complete, documented and keeps the public contract's names and types.
 */
final class SchemaDocumentationTest {

    private static TypeDefinitionRegistry registry;

    @BeforeAll
    static void parseSchema() throws IOException, URISyntaxException {
        registry = new TypeDefinitionRegistry();
        List<Path> files = schemaFiles();
        assertThat(files).as("SDL files under schema/").isNotEmpty();
        for (Path file : files) {
            registry.merge(new SchemaParser().parse(Files.readString(file, StandardCharsets.UTF_8)));
        }
    }

    private static List<Path> schemaFiles() throws IOException, URISyntaxException {
        URL folder = SchemaDocumentationTest.class.getClassLoader().getResource("schema");
        assertThat(folder).as("schema/ on the classpath").isNotNull();
        try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
            return paths.filter(path -> path.toString().endsWith(".graphqls")).sorted().toList();
        }
    }

    @Test
    void schemaBuildsWithoutErrors() {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);

        assertThat(schema.getQueryType().getFieldDefinitions()).isNotEmpty();
        assertThat(schema.getObjectType("Order").getInterfaces()).extracting(type -> type.getName()).containsExactly("Node");
    }

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() {
        List<String> undocumented = new ArrayList<>();
        for (TypeDefinition<?> type : registry.types().values()) {
            checkType(type, undocumented);
        }
        for (ScalarTypeDefinition scalar : registry.scalars().values()) {
            if (!ScalarInfo.isGraphqlSpecifiedScalar(scalar.getName())) {
                require(scalar.getDescription(), "scalar " + scalar.getName(), undocumented);
            }
        }
        assertThat(registry.objectTypeExtensions()).as("type extensions cannot carry descriptions; declare whole types").isEmpty();
        assertThat(registry.interfaceTypeExtensions()).isEmpty();
        assertThat(registry.enumTypeExtensions()).isEmpty();
        assertThat(registry.inputObjectTypeExtensions()).isEmpty();

        assertThat(undocumented).as("schema elements without a description").isEmpty();
    }

    private static void checkType(TypeDefinition<?> type, List<String> undocumented) {
        String name = type.getName();
        switch (type) {
            case ObjectTypeDefinition object -> {
                require(object.getDescription(), "type " + name, undocumented);
                object.getFieldDefinitions().forEach(field -> checkField(name, field, undocumented));
            }
            case InterfaceTypeDefinition contract -> {
                require(contract.getDescription(), "interface " + name, undocumented);
                contract.getFieldDefinitions().forEach(field -> checkField(name, field, undocumented));
            }
            case EnumTypeDefinition enumeration -> {
                require(enumeration.getDescription(), "enum " + name, undocumented);
                enumeration.getEnumValueDefinitions().forEach(value ->
                        require(value.getDescription(), "enum value " + name + "." + value.getName(), undocumented));
            }
            case InputObjectTypeDefinition input -> {
                require(input.getDescription(), "input " + name, undocumented);
                input.getInputValueDefinitions().forEach(field ->
                        require(field.getDescription(), "input field " + name + "." + field.getName(), undocumented));
            }
            case UnionTypeDefinition union -> require(union.getDescription(), "union " + name, undocumented);
            default -> undocumented.add("unexpected kind of type definition " + name);
        }
    }

    private static void checkField(String typeName, FieldDefinition field, List<String> undocumented) {
        String path = typeName + "." + field.getName();
        require(field.getDescription(), "field " + path, undocumented);
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            require(argument.getDescription(), "argument " + path + "(" + argument.getName() + ")", undocumented);
        }
    }

    private static void require(Description description, String element, List<String> undocumented) {
        if (description == null || description.getContent() == null || description.getContent().isBlank()) {
            undocumented.add(element);
        }
    }

    @Test
    void queryKeepsThePublicContract() {
        ObjectTypeDefinition query = object("Query");

        assertThat(signature(query, "node")).isEqualTo("node(id: ID!): Node");
        assertThat(signature(query, "channels")).isEqualTo("channels: [ChannelAccount!]!");
        assertThat(signature(query, "customer360")).isEqualTo("customer360(email: String, phone: String, customerId: ID): Customer360");
        // fields guarded by a scope are nullable: a forbidden one answers null without taking its neighbours with it
        assertThat(signature(query, "customers")).isEqualTo("customers(query: String!, first: Int = 20, after: String): CustomerConnection");
        assertThat(signature(query, "order")).isEqualTo("order(id: ID!): Order");
        assertThat(signature(query, "orders")).isEqualTo("orders(filter: OrderFilter, first: Int = 20, after: String): OrderConnection");
        assertThat(signature(query, "product")).isEqualTo("product(sku: String!): Product");
        assertThat(signature(query, "products")).isEqualTo("products(skus: [String!]!): [Product]");
        assertThat(signature(query, "locations")).isEqualTo("locations(kinds: [LocationKind!]): [Location!]");
    }

    @Test
    void typesKeepThePublicContract() {
        assertThat(fieldTypes("Source")).contains("channel: Channel!", "connector: String!", "account: String!", "nativeId: String!");
        assertThat(fieldTypes("Money")).contains("amount: Decimal!", "currencyCode: String!");
        assertThat(fieldTypes("ChannelAccount")).contains("account: String!", "connector: String!", "channel: Channel!");
        assertThat(fieldNames("ChannelAccount")).contains("capabilities", "health");
        assertThat(fieldNames("Customer360")).contains("id", "displayName", "emails", "phones", "identities", "orders", "tickets", "metrics");
        assertThat(fieldNames("CustomerIdentity")).contains("source", "email", "phone", "name", "matchedBy");
        assertThat(fieldNames("CustomerMetrics")).contains("orderCount", "lifetimeValue", "firstOrderAt", "lastOrderAt", "channels");
        assertThat(fieldTypes("Order")).contains("id: ID!", "source: Source!", "createdAt: DateTime!", "total: Money!",
                "fulfillmentMethod: FulfillmentMethod!");
        assertThat(fieldNames("Order")).contains("status", "rawStatus", "lines", "customer");
        assertThat(fieldNames("OrderLine")).contains("sku", "title", "quantity", "unitPrice", "product");
        assertThat(fieldNames("Product")).contains("sku", "title", "prices", "availability");
        assertThat(fieldNames("ChannelPrice")).contains("source", "price", "compareAtPrice");
        assertThat(fieldNames("Availability")).contains("onHand", "committed", "available", "byLocation");
        assertThat(fieldNames("LocationAvailability")).contains("location", "onHand", "committed", "available");
        assertThat(fieldNames("Location")).contains("id", "source", "name", "kind", "address", "geo");
        assertThat(fieldNames("GeoPoint")).contains("latitude", "longitude");
        assertThat(fieldNames("Ticket")).contains("id", "source", "subject", "status", "rawStatus", "createdAt");
        assertThat(fieldNames("PageInfo")).contains("hasNextPage", "hasPreviousPage", "startCursor", "endCursor");
        for (String connection : List.of("CustomerConnection", "OrderConnection", "TicketConnection")) {
            assertThat(fieldNames(connection)).as(connection).contains("edges", "pageInfo");
        }
        for (String node : List.of("Order", "Customer", "Location", "Ticket")) {
            assertThat(object(node).getImplements()).as(node).extracting(AstPrinter::printAst).contains("Node");
        }

        assertThat(enumValues("Channel")).containsExactly("SHOPIFY", "AMAZON", "TIKTOK_SHOP", "POS", "HELPDESK");
        assertThat(enumValues("LocationKind")).containsExactly("WAREHOUSE", "STORE", "MARKETPLACE_FULFILLMENT");
        assertThat(enumValues("FulfillmentMethod")).containsExactly("SHIPPING", "PICKUP", "IN_STORE", "MARKETPLACE_FULFILLED", "UNKNOWN");
        InputObjectTypeDefinition filter = registry.getType("OrderFilter", InputObjectTypeDefinition.class).orElseThrow();
        assertThat(filter.getInputValueDefinitions()).extracting(value -> value.getName() + ": " + AstPrinter.printAst(value.getType()))
                .containsExactly("channels: [Channel!]", "createdAfter: DateTime", "createdBefore: DateTime");
        assertThat(registry.scalars()).containsKeys("Decimal", "DateTime");
    }

    @Test
    void scopesGuardEveryEntryPointAndPersonalData() {
        ObjectTypeDefinition query = object("Query");
        assertThat(scopes(query, "customer360")).isEqualTo("[[\"customers:read\"]]");
        assertThat(scopes(query, "customers")).isEqualTo("[[\"customers:read\"]]");
        assertThat(scopes(query, "order")).isEqualTo("[[\"orders:read\"]]");
        assertThat(scopes(query, "orders")).isEqualTo("[[\"orders:read\"]]");
        assertThat(scopes(query, "product")).isEqualTo("[[\"catalog:read\"]]");
        assertThat(scopes(query, "products")).isEqualTo("[[\"catalog:read\"]]");
        assertThat(scopes(query, "locations")).isEqualTo("[[\"catalog:read\"]]");
        assertThat(scopes(object("Subscription"), "inventoryChanged")).isEqualTo("[[\"inventory:subscribe\"]]");
        assertThat(scopes(object("Mutation"), "invalidateCache")).isEqualTo("[[\"admin\"]]");
        assertThat(scopes(object("ChannelAccount"), "health")).isEqualTo("[[\"admin\"]]");
        for (String personal : List.of("Customer", "Customer360", "CustomerIdentity")) {
            assertThat(object(personal).getDirectives("requiresScopes")).as(personal).singleElement()
                    .extracting(directive -> AstPrinter.printAst(directive.getArgument("scopes").getValue()))
                    .isEqualTo("[[\"customers:read\"]]");
        }
        // every field of personal data is classed for the audit trail
        assertThat(piiFields()).containsExactlyInAnyOrder("Customer.displayName", "Customer.firstName", "Customer.lastName",
                "Customer.emails", "Customer.phones", "Customer.address", "Customer360.displayName", "Customer360.emails",
                "Customer360.phones", "CustomerIdentity.email", "CustomerIdentity.phone", "CustomerIdentity.name");
        // a guarded field that is non-null would take its parent with it when forbidden
        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (!field.getDirectives("requiresScopes").isEmpty() && !type.getName().equals("Subscription")) {
                    assertThat(field.getType()).as(type.getName() + "." + field.getName() + " is guarded, so nullable")
                            .isNotInstanceOf(graphql.language.NonNullType.class);
                }
            }
        }
    }

    private static String scopes(ObjectTypeDefinition type, String fieldName) {
        FieldDefinition field = type.getFieldDefinitions().stream().filter(candidate -> candidate.getName().equals(fieldName))
                .findFirst().orElseThrow();
        return field.getDirectives("requiresScopes").stream()
                .map(directive -> AstPrinter.printAst(directive.getArgument("scopes").getValue()))
                .findFirst().orElse("none");
    }

    private static List<String> piiFields() {
        List<String> fields = new ArrayList<>();
        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (!field.getDirectives("pii").isEmpty()) {
                    fields.add(type.getName() + "." + field.getName());
                }
            }
        }
        return fields;
    }

    @Test
    void spiEnumsAndSchemaEnumsAgree() {
        // the gateway passes SPI enum constants straight through; a renamed constant must fail here, not at run time
        assertThat(enumValues("Channel")).containsExactlyElementsOf(names("dev.omnigate.connector.api.model.Channel"));
        assertThat(enumValues("LocationKind")).containsExactlyElementsOf(names("dev.omnigate.connector.api.model.LocationKind"));
        assertThat(enumValues("FulfillmentMethod")).containsExactlyElementsOf(names("dev.omnigate.connector.api.model.FulfillmentMethod"));
        assertThat(enumValues("OrderStatus")).containsExactlyElementsOf(names("dev.omnigate.connector.api.model.OrderStatus"));
        assertThat(enumValues("TicketStatus")).containsExactlyElementsOf(names("dev.omnigate.connector.api.model.TicketStatus"));
        assertThat(enumValues("Capability")).containsExactlyElementsOf(names("dev.omnigate.connector.api.Capability"));
        assertThat(enumValues("HealthStatus")).containsExactlyElementsOf(names("dev.omnigate.connector.api.HealthStatus"));
    }

    private static List<String> names(String enumClass) {
        try {
            Object[] constants = Class.forName(enumClass).getEnumConstants();
            return Stream.of(constants).map(constant -> ((Enum<?>) constant).name()).toList();
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the SPI enum " + enumClass + " is not on the test classpath", e);
        }
    }

    private static ObjectTypeDefinition object(String name) {
        return registry.getType(name, ObjectTypeDefinition.class)
                .orElseThrow(() -> new AssertionError("type " + name + " is missing from the schema"));
    }

    private static String signature(ObjectTypeDefinition type, String fieldName) {
        FieldDefinition field = type.getFieldDefinitions().stream()
                .filter(candidate -> candidate.getName().equals(fieldName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type.getName() + "." + fieldName + " is missing"));
        StringBuilder text = new StringBuilder(fieldName);
        if (!field.getInputValueDefinitions().isEmpty()) {
            List<String> arguments = new ArrayList<>();
            for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                String defaultValue = argument.getDefaultValue() == null ? "" : " = " + AstPrinter.printAst(argument.getDefaultValue());
                arguments.add(argument.getName() + ": " + AstPrinter.printAst(argument.getType()) + defaultValue);
            }
            text.append('(').append(String.join(", ", arguments)).append(')');
        }
        return text.append(": ").append(AstPrinter.printAst(field.getType())).toString();
    }

    private static List<String> fieldTypes(String typeName) {
        return object(typeName).getFieldDefinitions().stream()
                .map(field -> field.getName() + ": " + AstPrinter.printAst(field.getType()))
                .toList();
    }

    private static List<String> fieldNames(String typeName) {
        return object(typeName).getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
    }

    private static List<String> enumValues(String name) {
        return registry.getType(name, EnumTypeDefinition.class)
                .orElseThrow(() -> new AssertionError("enum " + name + " is missing"))
                .getEnumValueDefinitions().stream().map(value -> value.getName()).toList();
    }
}

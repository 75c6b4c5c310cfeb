package dev.omnigate.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.simulator.VendorSpecs;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's SDL must be a strict subset of the real Shopify Admin schema: every type, interface, field,
 * argument (type and default), nullability and enum value it declares exists identically in BOTH the official
 * 2025-01 introspection and the 2026-04 SDL, read in place from {@code shared/vendor-specs/shopify/}.
 */
final class ShopifySchemaSubsetTest {

    private static TypeDefinitionRegistry subset;
    private static TypeDefinitionRegistry official202501;
    private static TypeDefinitionRegistry captured202604;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        subset = new SchemaParser().parse(ShopifySchema.sdl());
        Map<String, Object> introspection = JsonMapper.builder().build().readValue(
                VendorSpecs.file("shopify/admin-graphql-2025-01.official-introspection.min.json").toFile(), Map.class);
        Document document = new IntrospectionResultToSchema().createSchemaDefinition((Map<String, Object>) introspection.get("data"));
        official202501 = new SchemaParser().buildRegistry(document);
        captured202604 = new SchemaParser().parse(Files.readString(VendorSpecs.file("shopify/admin-graphql-2026-04.schema.graphql")));
    }

    @Test
    void everyDeclarationExistsIn2025_01OfficialIntrospection() {
        assertThat(differences(official202501)).isEmpty();
    }

    @Test
    void everyDeclarationExistsIn2026_04Sdl() {
        assertThat(differences(captured202604)).isEmpty();
    }

    @Test
    void subsetServesTheContractsTypes() {
        assertThat(subset.getType("QueryRoot")).isPresent();
        assertThat(subset.schemaDefinition().orElseThrow().getOperationTypeDefinitions().getFirst().getTypeName().getName())
                .isEqualTo("QueryRoot");
        for (String type : List.of("Customer", "Order", "LineItem", "ProductVariant", "Product", "InventoryItem",
                "InventoryLevel", "Location", "FulfillmentOrder")) {
            assertThat(((ImplementingTypeDefinition<?>) subset.getType(type).orElseThrow()).getImplements())
                    .as(type + " implements Node").extracting(t -> ((TypeName) t).getName()).contains("Node");
        }
        assertThat(subset.getType("Customer").map(t -> fields(t).stream().map(FieldDefinition::getName).toList()).orElseThrow())
                .doesNotContain("defaultEmailAddress", "defaultPhoneNumber");
    }

    @Test
    void detectsADeclarationTheRealSchemaLacks() {
        TypeDefinitionRegistry invented = new SchemaParser().parse(ShopifySchema.sdl()
                .replace("  verifiedEmail: Boolean!\n", "  verifiedEmail: Boolean!\n  loyaltyPoints: Int\n")
                .replace("  ONE_HOUR\n", "  ONE_HOUR\n  ONE_MINUTE\n"));
        List<String> found = differences(invented, official202501);
        assertThat(found).anySatisfy(d -> assertThat(d).contains("Customer.loyaltyPoints"))
                .anySatisfy(d -> assertThat(d).contains("ONE_MINUTE"));
    }

    private static List<String> differences(TypeDefinitionRegistry real) {
        return differences(subset, real);
    }

    private static List<String> differences(TypeDefinitionRegistry mine, TypeDefinitionRegistry real) {
        List<String> problems = new ArrayList<>();
        for (TypeDefinition<?> type : mine.types().values()) {
            Optional<TypeDefinition> upstream = real.getType(type.getName());
            if (upstream.isEmpty()) {
                problems.add("type " + type.getName() + " does not exist");
                continue;
            }
            TypeDefinition<?> theirs = upstream.get();
            if (theirs.getClass() != type.getClass()) {
                problems.add("type " + type.getName() + " is a " + theirs.getClass().getSimpleName() + " upstream");
                continue;
            }
            if (type instanceof ImplementingTypeDefinition<?> implementing) {
                List<String> upstreamInterfaces = ((ImplementingTypeDefinition<?>) theirs).getImplements().stream()
                        .map(AstPrinter::printAst).toList();
                implementing.getImplements().stream().map(AstPrinter::printAst)
                        .filter(i -> !upstreamInterfaces.contains(i))
                        .forEach(i -> problems.add(type.getName() + " does not implement " + i + " upstream"));
                for (FieldDefinition field : implementing.getFieldDefinitions()) {
                    compareField(type.getName(), field, fields(theirs), problems);
                }
            }
            if (type instanceof EnumTypeDefinition enumType) {
                List<String> values = ((EnumTypeDefinition) theirs).getEnumValueDefinitions().stream()
                        .map(EnumValueDefinition::getName).toList();
                enumType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName)
                        .filter(v -> !values.contains(v))
                        .forEach(v -> problems.add("enum " + type.getName() + " has no value " + v + " upstream"));
            }
        }
        return problems;
    }

    private static void compareField(String typeName, FieldDefinition field, List<FieldDefinition> upstreamFields,
            List<String> problems) {
        String where = typeName + "." + field.getName();
        FieldDefinition theirs = upstreamFields.stream().filter(f -> f.getName().equals(field.getName())).findFirst().orElse(null);
        if (theirs == null) {
            problems.add(where + " does not exist");
            return;
        }
        if (!print(field.getType()).equals(print(theirs.getType()))) {
            problems.add(where + " is " + print(field.getType()) + " here but " + print(theirs.getType()) + " upstream");
        }
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            InputValueDefinition upstreamArgument = theirs.getInputValueDefinitions().stream()
                    .filter(a -> a.getName().equals(argument.getName())).findFirst().orElse(null);
            if (upstreamArgument == null) {
                problems.add(where + "(" + argument.getName() + ") does not exist");
                continue;
            }
            if (!print(argument.getType()).equals(print(upstreamArgument.getType()))) {
                problems.add(where + "(" + argument.getName() + ") is " + print(argument.getType()) + " here but "
                        + print(upstreamArgument.getType()) + " upstream");
            }
            String mineDefault = argument.getDefaultValue() == null ? null : AstPrinter.printAst(argument.getDefaultValue());
            String theirDefault = upstreamArgument.getDefaultValue() == null ? null : AstPrinter.printAst(upstreamArgument.getDefaultValue());
            if (mineDefault == null ? theirDefault != null : !mineDefault.equals(theirDefault)) {
                problems.add(where + "(" + argument.getName() + ") defaults to " + mineDefault + " here but " + theirDefault + " upstream");
            }
        }
        for (InputValueDefinition upstreamArgument : theirs.getInputValueDefinitions()) {
            boolean required = upstreamArgument.getType() instanceof NonNullType && upstreamArgument.getDefaultValue() == null;
            boolean declared = field.getInputValueDefinitions().stream().anyMatch(a -> a.getName().equals(upstreamArgument.getName()));
            if (required && !declared) {
                problems.add(where + " omits the required argument " + upstreamArgument.getName());
            }
        }
    }

    private static List<FieldDefinition> fields(TypeDefinition<?> type) {
        return type instanceof ImplementingTypeDefinition<?> implementing ? implementing.getFieldDefinitions() : List.of();
    }

    private static String print(Type<?> type) {
        return AstPrinter.printAst(type);
    }
}

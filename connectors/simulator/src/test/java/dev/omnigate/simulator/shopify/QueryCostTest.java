package dev.omnigate.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.world.WorldGenerator;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The requested-cost formula of the contract: scalars 0, objects 1, connections 2 + first x node cost. */
final class QueryCostTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void build() {
        schema = ShopifySchema.build(new ShopifyStore(WorldGenerator.generate(SandboxOptions.DEFAULT_SEED), "x.myshopify.com"), 250);
    }

    private static int cost(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        assertThat(ParseAndValidate.validate(schema, document)).as(query).isEmpty();
        return QueryCost.requested(schema, document, document.getDefinitionsOfType(OperationDefinition.class).getFirst(), variables);
    }

    private static int cost(String query) {
        return cost(query, Map.of());
    }

    @Test
    void scalarsAreFreeAndObjectsCostOne() {
        assertThat(cost("{ shop { name currencyCode } }")).isEqualTo(1);
        assertThat(cost("{ customer(id: \"gid://shopify/Customer/1\") { id amountSpent { amount } defaultAddress { city } } }"))
                .isEqualTo(3);
    }

    @Test
    void connectionsCostTwoPlusPageSizeTimesTheNode() {
        assertThat(cost("{ customers(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage } } }")).isEqualTo(12);
        assertThat(cost("{ locations(last: 4) { nodes { id } } }")).isEqualTo(6);
        assertThat(cost("query($n: Int) { customers(first: $n) { nodes { id } } }", Map.of("n", 7))).isEqualTo(9);
        assertThat(cost("{ orders(first: 5) { nodes { id lineItems(first: 3) { nodes { sku originalUnitPriceSet { "
                + "shopMoney { amount } } } } } } }")).isEqualTo(2 + 5 * (1 + 2 + 3 * 3));
    }

    @Test
    void fragmentsCountOnceAndTypeBranchesCountTheDearest() {
        assertThat(cost("query { customers(first: 2) { nodes { ...C } } } fragment C on Customer { defaultAddress { city } }"))
                .isEqualTo(2 + 2 * 2);
        assertThat(cost("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { amountSpent { amount } } "
                + "... on Order { totalPriceSet { shopMoney { amount } } } } }", Map.of("ids", List.of("a", "b", "c"))))
                .isEqualTo(3 * (1 + 2));
        assertThat(cost("{ productVariants(first: 1) { nodes { inventoryItem { inventoryLevels(first: 6) { nodes { "
                + "quantities(names: [\"available\", \"on_hand\"]) { quantity } } } } } } }"))
                .isEqualTo(2 + (1 + 1 + (2 + 6 * (1 + 2))));
    }
}

package dev.omnigate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.testkit.fake.FakeOperation;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** products(skus:) and product(sku:): fan-out over prices and inventory, order, nulls, sums, locations, failures. */
@GatewayTest
final class ProductsGraphQlTest {

    private static final String PRODUCTS = """
            query($skus: [String!]!) {
              products(skus: $skus) {
                sku title
                prices { source { account } title price { amount currencyCode } }
                availability { onHand committed available incoming
                  byLocation { location { name kind } source { account } onHand committed available } }
              }
            }
            """;

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;

    @BeforeEach
    void reset() {
        FakeWorld.reset();
        graphql = new GraphQlClient(executor);
    }

    @Test
    void answersInTheOrderOfTheSkusWithNullForUnknownOnes() {
        Answer answer = graphql.execute(PRODUCTS, Map.of("skus", List.of("TEE-1", "NOPE-404", "MUG-1", "TEE-1")));

        assertThat(answer.errors()).isEmpty();
        List<Map<String, Object>> products = answer.read("$.data.products");
        assertThat(products).hasSize(4);
        assertThat(products.get(0)).containsEntry("sku", "TEE-1");
        assertThat(products.get(1)).isNull();
        assertThat(products.get(2)).containsEntry("sku", "MUG-1").containsEntry("title", "Omnigate Mug (Amazon)");
        assertThat(products.get(3)).containsEntry("sku", "TEE-1");
    }

    @Test
    void availabilitySumsEveryLocationOfEveryAccountAndJoinsLocations() {
        Answer answer = graphql.execute(PRODUCTS, Map.of("skus", List.of("MUG-1")));

        Map<String, Object> availability = answer.read("$.data.products[0].availability");
        assertThat(availability).containsEntry("onHand", 22).containsEntry("committed", 3).containsEntry("available", 19)
                .containsEntry("incoming", 0);
        assertThat(answer.<List<String>>read("$.data.products[0].availability.byLocation[*].location.name"))
                .containsExactly("Berlin Warehouse", "SF Store", "US Warehouse");
        assertThat(answer.<List<String>>read("$.data.products[0].prices[*].price.amount")).containsExactly("31.99", "27.00", "29.50");
    }

    @Test
    void asksEachAccountOncePerMaxBatchSizeSkusAndEachLocationReaderOnce() {
        graphql.execute(PRODUCTS, Map.of("skus", List.of("MUG-1", "TEE-1", "NOPE-1")));

        // shop-us takes at most 2 SKUs per call: 3 SKUs are 2 calls each for prices and inventory
        assertThat(FakeWorld.SHOP.account("shop-us").batchSizes(FakeOperation.PRICES_BY_SKUS)).containsExactlyInAnyOrder(2, 1);
        assertThat(FakeWorld.SHOP.account("shop-us").batchSizes(FakeOperation.INVENTORY_BY_SKUS)).containsExactlyInAnyOrder(2, 1);
        assertThat(FakeWorld.SHOP.account("shop-eu").calls(FakeOperation.PRICES_BY_SKUS)).isEqualTo(1);
        assertThat(FakeWorld.POS.account("pos-main").calls(FakeOperation.INVENTORY_BY_SKUS)).isEqualTo(1);
        assertThat(FakeWorld.POS.account("pos-main").calls(FakeOperation.PRICES_BY_SKUS)).isZero();
        // 4 levels at 3 distinct shop-us/pos locations and one shop-eu location: one location call per account
        assertThat(FakeWorld.SHOP.account("shop-us").calls(FakeOperation.LOCATIONS_LIST)).isEqualTo(1);
        assertThat(FakeWorld.SHOP.account("shop-eu").calls(FakeOperation.LOCATIONS_LIST)).isEqualTo(1);
        assertThat(FakeWorld.POS.account("pos-main").calls(FakeOperation.LOCATIONS_LIST)).isEqualTo(1);
    }

    @Test
    void aFailingAccountLeavesTheOthersDataAndOneTypedErrorForTheField() {
        FakeWorld.SHOP.account("shop-eu").fail(Capability.PRICES_READ, ErrorCategory.UNAVAILABLE);

        Answer answer = graphql.execute(PRODUCTS, Map.of("skus", List.of("MUG-1", "TEE-1")));

        assertThat(answer.<List<String>>read("$.data.products[0].prices[*].source.account")).containsExactly("amazon-us", "shop-us");
        assertThat(answer.<Integer>read("$.data.products[0].availability.onHand")).isEqualTo(22);
        assertThat(answer.errors()).hasSize(1);
        assertThat(answer.errors().getFirst()).containsEntry("path", List.of("products"));
        assertThat(answer.errorExtensions().getFirst()).containsEntry("code", "UNAVAILABLE").containsEntry("account", "shop-eu")
                .containsEntry("connector", "fake-shop").containsEntry("retryable", true).containsEntry("operation", "prices.getBySkus");
    }

    @Test
    void locationsThatCannotBeReadAreNullWithAnErrorWhileStockStays() {
        FakeWorld.POS.account("pos-main").fail(Capability.LOCATIONS_READ, ErrorCategory.TIMEOUT);

        Answer answer = graphql.execute(PRODUCTS, Map.of("skus", List.of("TEE-1")));

        List<Map<String, Object>> levels = answer.read("$.data.products[0].availability.byLocation");
        assertThat(levels).hasSize(2);
        // levels are ordered by account: pos-main's store first
        assertThat(answer.<Object>read("$.data.products[0].availability.byLocation[0].location")).isNull();
        assertThat(answer.<String>read("$.data.products[0].availability.byLocation[1].location.name")).isEqualTo("SF Store");
        assertThat(answer.<Integer>read("$.data.products[0].availability.available")).isEqualTo(5);
        assertThat(answer.errors()).singleElement().satisfies(error -> assertThat(error.get("path"))
                .isEqualTo(List.of("products", 0, "availability", "byLocation", 0, "location")));
        assertThat(answer.errorExtensions().getFirst()).containsEntry("code", "TIMEOUT").containsEntry("retryable", true);
    }

    @Test
    void productBySkuAndOrderLineProductsShareTheLoader() {
        Answer single = graphql.execute("{ product(sku: \"TEE-1\") { title availability { available } } nope: product(sku: \"X-9\") { sku } }");

        assertThat(single.errors()).isEmpty();
        assertThat(single.<String>read("$.data.product.title")).isEqualTo("Omnigate Tee");
        assertThat(single.<Integer>read("$.data.product.availability.available")).isEqualTo(5);
        assertThat(single.<Object>read("$.data.nope")).isNull();
        // both product fields were one batch: one price call per account, not two
        assertThat(FakeWorld.SHOP.account("shop-eu").calls(FakeOperation.PRICES_BY_SKUS)).isEqualTo(1);
    }

    @Test
    void aRecordTheVendorFailedInsideAGoodAnswerGetsItsOwnErrorAndTheRestIsServed() {
        FakeWorld.SHOP.account("shop-us").failItems("TEE-1");

        Answer answer = graphql.execute(PRODUCTS, Map.of("skus", List.of("MUG-1", "TEE-1")));

        assertThat(answer.<List<String>>read("$.data.products[0].prices[*].source.account")).contains("shop-us");
        assertThat(answer.<List<String>>read("$.data.products[1].availability.byLocation[*].source.account"))
                .as("TEE-1's other accounts still answer").contains("pos-main").doesNotContain("shop-us");
        assertThat(answer.errors()).singleElement().satisfies(error -> {
            assertThat(error.get("path")).isEqualTo(List.of("products"));
            assertThat(error.get("message").toString()).contains("TEE-1");
        });
        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions)
                .containsEntry("code", "BAD_RESPONSE").containsEntry("account", "shop-us").containsEntry("retryable", false));
    }
}

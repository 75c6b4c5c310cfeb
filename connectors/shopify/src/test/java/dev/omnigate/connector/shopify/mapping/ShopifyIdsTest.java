package dev.omnigate.connector.shopify.mapping;

import static dev.omnigate.connector.shopify.mapping.MappingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

final class ShopifyIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "9522206933298", "7494049642642441621", "18446744073709551615"})
    void legacyIdsAreUnsignedDigitsWithoutLeadingZero(String id) {
        assertThat(ShopifyIds.isLegacyId(id)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "012", "-1", "+1", "1.0", "abc", " 1", "gid://shopify/Customer/1", "123456789012345678901",
        "1 OR customer_id:2"})
    void everythingElseIsMalformed(String id) {
        assertThat(ShopifyIds.isLegacyId(id)).isFalse();
    }

    @Test
    void globalIds() {
        assertThat(ShopifyIds.gid("Customer", "9522206933298")).isEqualTo("gid://shopify/Customer/9522206933298");
        assertThat(ShopifyIds.tail("gid://shopify/InventoryLevel/1?inventory_item_id=2")).contains("1?inventory_item_id=2");
        assertThat(ShopifyIds.type("gid://shopify/InventoryLevel/1?inventory_item_id=2")).contains("InventoryLevel");
        assertThat(ShopifyIds.tail("gid://other/Customer/1")).isEmpty();
        assertThat(ShopifyIds.tail("gid://shopify/Customer/")).isEmpty();
        assertThat(ShopifyIds.legacyId(json("{'id':'gid://shopify/InventoryLevel/1?inventory_item_id=2'}"))).contains("1");
        assertThat(ShopifyIds.legacyId(json("{'id':'gid://shopify/Order/5','legacyResourceId':'5'}"))).contains("5");
        assertThat(ShopifyIds.legacyId(json("{'name':'x'}"))).isEmpty();
        assertThat(ShopifyIds.legacyId(null)).isEmpty();
    }
}

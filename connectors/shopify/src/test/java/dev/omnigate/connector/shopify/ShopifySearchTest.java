package dev.omnigate.connector.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ShopifySearchTest {

    @Test
    void valuesAreQuotedWithQuotesAndBackslashesEscaped() {
        assertThat(ShopifySearch.quoted("ava.chen@example.com")).isEqualTo("\"ava.chen@example.com\"");
        assertThat(ShopifySearch.quoted("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(ShopifySearch.quoted("line\nbreak\ttab")).isEqualTo("\"line break tab\"");
        assertThat(ShopifySearch.term("phone", "+14155550142")).isEqualTo("phone:\"+14155550142\"");
    }

    @Test
    void aValueCannotAddTermsOrOperators() {
        // read back with the fake's parser (Shopify's syntax as the simulator and the fake read it)
        String hostile = "x\" OR email:\"*";
        FakeShopify.Search search = FakeShopify.Search.parse(ShopifySearch.term("email", hostile));
        assertThat(search.anyOf()).singleElement().asList().singleElement()
                .isEqualTo(new FakeShopify.Search.Term("email", "", hostile));
    }

    @Test
    void listsJoinWithOr() {
        assertThat(ShopifySearch.anyOf("sku", List.of("A-1", "B 2"))).isEqualTo("sku:\"A-1\" OR sku:\"B 2\"");
        assertThat(ShopifySearch.anyCustomer(List.of("1", "22"))).isEqualTo("customer_id:1 OR customer_id:22");
    }

    @Test
    void timeBoundsAreWholeSecondsThatLoseNothing() {
        assertThat(ShopifySearch.atOrAfter("created_at", Instant.parse("2025-01-01T00:00:00.900Z")))
                .isEqualTo("created_at:>=2025-01-01T00:00:00Z");
        assertThat(ShopifySearch.before("created_at", Instant.parse("2025-02-01T00:00:00Z")))
                .isEqualTo("created_at:<2025-02-01T00:00:00Z");
        assertThat(ShopifySearch.before("created_at", Instant.parse("2025-02-01T00:00:00.001Z")))
                .isEqualTo("created_at:<2025-02-01T00:00:01Z");
    }
}

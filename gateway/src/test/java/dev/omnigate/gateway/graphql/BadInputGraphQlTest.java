package dev.omnigate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every invalid input is a GraphQL error with {@code extensions.code: BAD_REQUEST} and a message naming what
 * is wrong, never a stack trace, and no connector is called.
 */
@GatewayTest
final class BadInputGraphQlTest {

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;

    @BeforeEach
    void reset() {
        FakeWorld.reset();
        graphql = new GraphQlClient(executor);
    }

    static Stream<Arguments> badRequests() {
        String orderId = GlobalId.encode(GlobalIdType.Order, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "1001"));
        String skus = "[" + String.join(",", Collections.nCopies(101, "\"S\"")) + "]";
        return Stream.of(
                Arguments.of("two customer360 arguments",
                        "{ customer360(email: \"ava.chen@example.com\", phone: \"+14155550142\") { id } }", "exactly one of"),
                Arguments.of("no customer360 argument", "{ customer360 { id } }", "exactly one of"),
                Arguments.of("an email that is not one", "{ customer360(email: \"ava at example\") { id } }", "'email'"),
                Arguments.of("a phone that is not one", "{ customer360(phone: \"call me\") { id } }", "'phone'"),
                Arguments.of("customerId naming an order", "{ customer360(customerId: \"" + orderId + "\") { id } }", "Customer"),
                Arguments.of("malformed customerId", "{ customer360(customerId: \"%%%\") { id } }", "not a valid global id"),
                Arguments.of("negative first", "{ orders(first: -1) { nodes { id } } }", "'first' must be between 0 and 100, but was -1"),
                Arguments.of("first over the maximum", "{ orders(first: 101) { nodes { id } } }", "but was 101"),
                Arguments.of("first over the maximum, customers", "{ customers(query: \"ava\", first: 500) { nodes { id } } }", "but was 500"),
                Arguments.of("malformed cursor", "{ orders(first: 2, after: \"garbage\") { nodes { id } } }", "'after'"),
                Arguments.of("blank customers query", "{ customers(query: \"  \") { nodes { id } } }", "'query'"),
                Arguments.of("blank sku", "{ product(sku: \" \") { sku } }", "blank SKU"),
                Arguments.of("too many skus", "{ products(skus: " + skus + ") { sku } }", "at most 100"),
                Arguments.of("order id of another type", "{ order(id: \"" + GlobalId.encode(GlobalIdType.Location,
                        new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "loc-sf")) + "\") { id } }", "Order"),
                Arguments.of("window in the wrong order",
                        "{ orders(filter: {createdAfter: \"2025-02-01T00:00:00Z\", createdBefore: \"2025-01-01T00:00:00Z\"}) { nodes { id } } }",
                        "before"),
                Arguments.of("nested first out of range",
                        "{ customer360(email: \"ava.chen@example.com\") { orders(first: -5) { nodes { id } } } }", "but was -5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isABadRequestWithoutUpstreamCalls(String name, String query, String messagePart) {
        FakeWorld.reset();

        Answer answer = graphql.execute(query);

        assertThat(answer.errors()).as(name).singleElement().satisfies(error -> {
            assertThat((String) error.get("message")).contains(messagePart).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(answer.errorExtensions().getFirst()).containsEntry("code", "BAD_REQUEST");
        });
        // nested arguments too are checked before the first upstream call (the cost estimate walks them)
        assertThat(FakeWorld.totalReaderCalls()).as("upstream calls for " + name).isZero();
    }
}

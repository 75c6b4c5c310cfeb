package dev.omnigate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.testkit.fake.FakeOperation;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Global ids: every Node's id resolves back to the same object through node(id:) and order(id:). */
@GatewayTest
final class NodeGraphQlTest {

    private static final String NODE = """
            query($id: ID!) {
              node(id: $id) {
                id __typename
                ... on Order { source { account nativeId } total { amount } }
                ... on Customer { displayName emails phones }
                ... on Location { name kind geo { latitude longitude } }
                ... on Ticket { subject }
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
    void orderIdsRoundTripThroughNodeAndOrder() {
        String id = graphql.execute("{ orders(first: 1) { nodes { id } } }").read("$.data.orders.nodes[0].id");

        Answer node = graphql.execute(NODE, Map.of("id", id));
        Answer order = graphql.execute("query($id: ID!) { order(id: $id) { id source { nativeId } } }", Map.of("id", id));

        assertThat(node.errors()).isEmpty();
        assertThat(node.<String>read("$.data.node.__typename")).isEqualTo("Order");
        assertThat(node.<String>read("$.data.node.id")).isEqualTo(id);
        assertThat(node.<String>read("$.data.node.source.nativeId")).isEqualTo("pos-9");
        assertThat(order.<String>read("$.data.order.source.nativeId")).isEqualTo("pos-9");
        assertThat(id).matches("[A-Za-z0-9_-]+").doesNotContain("pos-9");
    }

    @Test
    void customerLocationAndTicketIdsRoundTrip() {
        Answer profile = graphql.execute("{ customer360(email: \"ava.chen@example.com\") { identities { customer { id } } } "
                + "locations(kinds: [STORE]) { id name } }");
        String customerId = profile.read("$.data.customer360.identities[0].customer.id");
        String locationId = profile.read("$.data.locations[0].id");
        String ticketId = GlobalId.encode(GlobalIdType.Ticket, new SourceRef(Channel.HELPDESK, "fake-desk", "desk", "t-2"));

        assertThat(graphql.execute(NODE, Map.of("id", customerId)).<String>read("$.data.node.__typename")).isEqualTo("Customer");
        Answer location = graphql.execute(NODE, Map.of("id", locationId));
        assertThat(location.<String>read("$.data.node.name")).isEqualTo(profile.read("$.data.locations[0].name"));
        assertThat(location.<Double>read("$.data.node.geo.latitude")).isNotNull();
        assertThat(graphql.execute(NODE, Map.of("id", ticketId)).<String>read("$.data.node.subject")).isEqualTo("Mug arrived chipped");
    }

    @Test
    void severalNodeFieldsOfOneAccountAreOneBatch() {
        String first = GlobalId.encode(GlobalIdType.Order, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "1001"));
        String second = GlobalId.encode(GlobalIdType.Order, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "1002"));

        Answer answer = graphql.execute("query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: order(id: $b) { id } }",
                Map.of("a", first, "b", second));

        assertThat(answer.errors()).isEmpty();
        assertThat(FakeWorld.SHOP.account("shop-us").batchSizes(FakeOperation.ORDERS_BY_IDS)).containsExactly(2);
    }

    @Test
    void wellFormedIdsOfUnknownAccountsOrRecordsAreNullWithoutErrors() {
        String unknownAccount = GlobalId.encode(GlobalIdType.Order, new SourceRef(Channel.SHOPIFY, "fake-shop", "gone-shop", "1001"));
        String unknownOrder = GlobalId.encode(GlobalIdType.Order, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "999999"));

        Answer answer = graphql.execute("query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }",
                Map.of("a", unknownAccount, "b", unknownOrder));

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<Map<String, Object>>read("$.data")).containsEntry("a", null).containsEntry("b", null);
    }

    @Test
    void malformedIdsAreBadRequestsWithoutUpstreamCalls() {
        String wrongPrefix = java.util.Base64.getUrlEncoder().encodeToString("v9:Order:shop-us:1".getBytes());
        for (String id : List.of("not base64 !", "", wrongPrefix, "b2cxOk9yZGVyOlNIT1AtVVM6MQ")) {
            Answer answer = graphql.execute(NODE, Map.of("id", id));
            assertThat(answer.errorExtensions()).as(id).singleElement()
                    .satisfies(extensions -> assertThat(extensions).containsEntry("code", "BAD_REQUEST"));
            assertThat(answer.<Object>read("$.data.node")).isNull();
        }
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void anOrderTheVendorFailedInsideAGoodBatchIsNullWithItsOwnErrorWhileItsNeighbourResolves() {
        String good = GlobalId.encode(GlobalIdType.Order, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "1001"));
        String failed = GlobalId.encode(GlobalIdType.Order, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "1002"));
        FakeWorld.SHOP.account("shop-us").failItems("1002");

        Answer answer = graphql.execute("query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }",
                Map.of("a", good, "b", failed));

        assertThat(answer.<String>read("$.data.a.id")).isEqualTo(good);
        assertThat(answer.<Object>read("$.data.b")).isNull();
        assertThat(answer.errors()).singleElement().satisfies(error -> assertThat(error.get("path")).isEqualTo(List.of("b")));
        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions)
                .containsEntry("code", "BAD_RESPONSE").containsEntry("account", "shop-us"));
        assertThat(FakeWorld.SHOP.account("shop-us").calls(FakeOperation.ORDERS_BY_IDS)).as("one batch for both").isEqualTo(1);
    }
}

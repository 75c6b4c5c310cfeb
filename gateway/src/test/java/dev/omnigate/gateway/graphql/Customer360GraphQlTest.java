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

/** customer360 over the fake accounts: normalisation, merge rules, orders, tickets, metrics, partial failures. */
@GatewayTest
final class Customer360GraphQlTest {

    private static final String PROFILE = """
            query($email: String, $phone: String, $customerId: ID) {
              customer360(email: $email, phone: $phone, customerId: $customerId) {
                id displayName emails phones
                identities { source { channel connector account nativeId } email phone name matchedBy customer { id } }
                ambiguousIdentities { source { account nativeId } matchedBy }
                orders(first: 10) {
                  edges { cursor node { id source { account nativeId } createdAt status total { amount currencyCode }
                          lines { sku title quantity unitPrice { amount currencyCode } } } }
                  pageInfo { hasNextPage hasPreviousPage endCursor }
                }
                tickets(first: 5) { nodes { subject status createdAt } }
                metrics { orderCount lifetimeValue { amount currencyCode } lifetimeValueByCurrency { amount currencyCode }
                          firstOrderAt lastOrderAt channels }
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
    void emailIsNormalisedAndMatchesEveryChannelThatHoldsIt() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", "  AVA.Chen@Example.com "));

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.customer360.identities[*].source.account"))
                .containsExactly("shop-eu", "shop-us", "desk", "pos-main");
        assertThat(answer.<List<List<String>>>read("$.data.customer360.identities[*].matchedBy"))
                .containsExactly(List.of("EMAIL"), List.of("EMAIL", "PHONE"), List.of("EMAIL"), List.of("PHONE"));
        assertThat(answer.<List<String>>read("$.data.customer360.emails")).containsExactly("ava.chen@example.com");
        assertThat(answer.<List<String>>read("$.data.customer360.phones")).containsExactly("+14155550142");
        assertThat(answer.<String>read("$.data.customer360.displayName")).isEqualTo("Ava Chen");
        assertThat(answer.<String>read("$.data.customer360.id")).isEqualTo(answer.read("$.data.customer360.identities[0].customer.id"));
    }

    @Test
    void relayEmailsMaskedPhonesAndSecondRecordsOfOneAccountNeverMerge() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", "ava.chen@example.com"));

        List<String> merged = answer.read("$.data.customer360.identities[*].source.nativeId");
        // amazon-us answers every search with a-1 (her email as a relay address) and a-4 (her number, masked)
        assertThat(merged).doesNotContain("a-1", "a-2", "a-4");
        assertThat(FakeWorld.MARKET.account("amazon-us").calls(FakeOperation.CUSTOMERS_SEARCH)).isPositive();
        // p-2 shares her phone but pos-main already contributes p-1
        assertThat(merged).contains("p-1").doesNotContain("p-2");
        assertThat(answer.<List<String>>read("$.data.customer360.ambiguousIdentities[*].source.nativeId")).containsExactly("p-2");
    }

    @Test
    void ordersOfEveryMergedIdentityComeNewestFirstWithMoneyAndLines() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", "ava.chen@example.com"));

        assertThat(answer.<List<String>>read("$.data.customer360.orders.edges[*].node.source.nativeId"))
                .containsExactly("pos-9", "1002", "2001", "1001", "1003");
        assertThat(answer.<Map<String, Object>>read("$.data.customer360.orders.edges[3].node.total"))
                .isEqualTo(Map.of("amount", "59.00", "currencyCode", "USD"));
        assertThat(answer.<Map<String, Object>>read("$.data.customer360.orders.edges[3].node.lines[0]")).isEqualTo(Map.of(
                "sku", "MUG-1", "title", "Omnigate Mug", "quantity", 2, "unitPrice", Map.of("amount", "29.50", "currencyCode", "USD")));
        assertThat(answer.<String>read("$.data.customer360.orders.edges[0].node.createdAt")).isEqualTo("2025-07-01T18:00:00.000Z");
        assertThat(answer.<Boolean>read("$.data.customer360.orders.pageInfo.hasNextPage")).isFalse();
        assertThat(answer.<List<String>>read("$.data.customer360.tickets.nodes[*].subject"))
                .containsExactly("Where is my order?", "Mug arrived chipped");
    }

    @Test
    void metricsSumTheMainCurrencyAndListEveryCurrencyWithoutConverting() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", "ava.chen@example.com"));

        assertThat(answer.<Integer>read("$.data.customer360.metrics.orderCount")).isEqualTo(5);
        // 59.00 + 120.00 + 12.00 USD; the cancelled 15.00 USD order counts as an order but not as value
        assertThat(answer.<Map<String, Object>>read("$.data.customer360.metrics.lifetimeValue"))
                .isEqualTo(Map.of("amount", "191.00", "currencyCode", "USD"));
        assertThat(answer.<List<Map<String, Object>>>read("$.data.customer360.metrics.lifetimeValueByCurrency")).containsExactly(
                Map.of("amount", "191.00", "currencyCode", "USD"), Map.of("amount", "80.00", "currencyCode", "EUR"));
        assertThat(answer.<String>read("$.data.customer360.metrics.firstOrderAt")).isEqualTo("2024-12-24T09:00:00.000Z");
        assertThat(answer.<String>read("$.data.customer360.metrics.lastOrderAt")).isEqualTo("2025-07-01T18:00:00.000Z");
        assertThat(answer.<List<String>>read("$.data.customer360.metrics.channels")).containsExactly("SHOPIFY", "POS");
    }

    @Test
    void ordersAndMetricsShareOneBatchedCallPerAccount() {
        graphql.execute(PROFILE, Map.of("email", "ava.chen@example.com"));

        assertThat(FakeWorld.SHOP.account("shop-us").calls(FakeOperation.ORDERS_BY_CUSTOMER)).isEqualTo(1);
        assertThat(FakeWorld.SHOP.account("shop-eu").calls(FakeOperation.ORDERS_BY_CUSTOMER)).isEqualTo(1);
        assertThat(FakeWorld.POS.account("pos-main").calls(FakeOperation.ORDERS_BY_CUSTOMER)).isEqualTo(1);
        assertThat(FakeWorld.DESK.account("desk").calls(FakeOperation.TICKETS_BY_REQUESTER)).isEqualTo(1);
    }

    @Test
    void ordersOfManyProfilesAreFetchedInCeilNOverBatchSizeCallsPerAccount() {
        StringBuilder query = new StringBuilder("{");
        for (int n = 110; n < 115; n++) {
            query.append(" c").append(n).append(": customer360(email: \"c").append(n).append("@example.com\") { orders { nodes { name } } }");
        }
        Answer answer = graphql.execute(query.append(" }").toString());

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.c112.orders.nodes[*].name")).containsExactly("#1120");
        // five customers of shop-us (maxBatchSize 2): ceil(5 / 2) = 3 calls, never one per customer
        assertThat(FakeWorld.SHOP.account("shop-us").batchSizes(FakeOperation.ORDERS_BY_CUSTOMER)).containsExactlyInAnyOrder(2, 2, 1);
    }

    @Test
    void phoneIsNormalisedToE164WithTheDefaultRegion() {
        Answer answer = graphql.execute(PROFILE, Map.of("phone", "(415) 555-0142"));

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.customer360.phones")).startsWith("+14155550142");
        assertThat(answer.<List<String>>read("$.data.customer360.identities[*].source.nativeId")).contains("101", "p-1");
        assertThat(FakeWorld.POS.account("pos-main").lastContext(FakeOperation.CUSTOMERS_SEARCH)).isPresent();
    }

    @Test
    void customerIdStartsFromThatRecordAndMarksIt() {
        Answer byEmail = graphql.execute(PROFILE, Map.of("email", "ava.chen@example.com"));
        String shopUsId = byEmail.read("$.data.customer360.identities[1].customer.id");

        Answer answer = graphql.execute(PROFILE, Map.of("customerId", shopUsId));

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<String>read("$.data.customer360.identities[0].source.nativeId")).isEqualTo("101");
        assertThat(answer.<List<String>>read("$.data.customer360.identities[0].matchedBy")).containsExactly("EMAIL", "PHONE", "CUSTOMER_ID");
        assertThat(answer.<String>read("$.data.customer360.id")).isEqualTo(shopUsId);
    }

    @Test
    void unknownPersonIsNull() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", "nobody@example.com"));

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<Object>read("$.data.customer360")).isNull();
    }

    @Test
    void aFailingChannelGivesPartialDataAndARetryableTypedError() {
        FakeWorld.POS.account("pos-main").fail(Capability.CUSTOMERS_READ, ErrorCategory.UNAVAILABLE);

        Answer answer = graphql.execute(PROFILE, Map.of("email", "ava.chen@example.com"));

        assertThat(answer.<List<String>>read("$.data.customer360.identities[*].source.account")).containsExactly("shop-eu", "shop-us", "desk");
        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions)
                .containsEntry("code", "UNAVAILABLE")
                .containsEntry("connector", "fake-pos")
                .containsEntry("account", "pos-main")
                .containsEntry("retryable", true));
        assertThat(answer.errors().getFirst().get("path")).isEqualTo(List.of("customer360"));
    }

    @Test
    void aFailingOrderReaderKeepsTheProfileAndTheOtherAccountsOrders() {
        FakeWorld.SHOP.account("shop-eu").fail(Capability.ORDERS_BY_CUSTOMER, ErrorCategory.RATE_LIMITED);

        Answer answer = graphql.execute(PROFILE, Map.of("email", "ava.chen@example.com"));

        assertThat(answer.<List<String>>read("$.data.customer360.orders.edges[*].node.source.nativeId"))
                .containsExactly("pos-9", "1002", "1001", "1003");
        assertThat(answer.errors()).extracting(error -> error.get("path"))
                .containsExactlyInAnyOrder(List.of("customer360", "orders"), List.of("customer360", "metrics"));
        assertThat(answer.errorExtensions()).allSatisfy(extensions -> assertThat(extensions)
                .containsEntry("code", "RATE_LIMITED").containsEntry("account", "shop-eu").containsEntry("retryable", true)
                .containsEntry("retryAfterSeconds", 2L));
    }
}

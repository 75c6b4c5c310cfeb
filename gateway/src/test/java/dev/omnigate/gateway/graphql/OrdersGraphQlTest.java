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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** orders(filter:): merge newest first over accounts, composite cursors, filters, nested batching, failures. */
@GatewayTest
final class OrdersGraphQlTest {

    private static final String ORDERS = """
            query($first: Int, $after: String, $filter: OrderFilter) {
              orders(first: $first, after: $after, filter: $filter) {
                edges { cursor node { source { channel account nativeId } createdAt } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }
            """;

    /** Every order of every account with ORDERS_READ, newest first (shop-us 13, shop-eu 1, pos-main 1). */
    private static final List<String> ALL = List.of("pos-9", "1002", "2001", "1001", "1190", "1180", "1170", "1160", "1150",
            "1140", "1130", "1120", "1110", "1100", "1003");

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;

    @BeforeEach
    void reset() {
        FakeWorld.reset();
        graphql = new GraphQlClient(executor);
    }

    private Answer page(Integer first, String after, Map<String, Object> filter) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        variables.put("after", after);
        variables.put("filter", filter);
        return graphql.execute(ORDERS, variables);
    }

    @Test
    void mergesEveryAccountNewestFirst() {
        Answer answer = page(100, null, null);

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.orders.edges[*].node.source.nativeId")).containsExactlyElementsOf(ALL);
        assertThat(answer.<Boolean>read("$.data.orders.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void pagingWithCursorsVisitsEveryOrderOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            Answer answer = page(4, after, null);
            assertThat(answer.errors()).isEmpty();
            seen.addAll(answer.read("$.data.orders.edges[*].node.source.nativeId"));
            assertThat(answer.<Boolean>read("$.data.orders.pageInfo.hasPreviousPage")).isEqualTo(after != null);
            after = answer.read("$.data.orders.pageInfo.endCursor");
            more = answer.read("$.data.orders.pageInfo.hasNextPage");
            assertThat(++pages).isLessThan(10);
        }
        assertThat(seen).containsExactlyElementsOf(ALL);
    }

    @Test
    void everyEdgeCursorContinuesRightAfterItsOrder() {
        Answer first = page(6, null, null);
        String thirdCursor = first.read("$.data.orders.edges[2].cursor");

        Answer next = page(2, thirdCursor, null);

        assertThat(next.<List<String>>read("$.data.orders.edges[*].node.source.nativeId")).containsExactly(ALL.get(3), ALL.get(4));
    }

    @Test
    void filtersByChannelAndCreationWindow() {
        Answer pos = page(10, null, Map.of("channels", List.of("POS")));
        assertThat(pos.<List<String>>read("$.data.orders.edges[*].node.source.nativeId")).containsExactly("pos-9");
        assertThat(FakeWorld.SHOP.account("shop-us").calls(FakeOperation.ORDERS_SEARCH)).isZero();

        Answer window = page(10, null, Map.of("createdAfter", "2025-05-01T00:00:00Z", "createdBefore", "2025-07-01T00:00:00+00:00"));
        assertThat(window.<List<String>>read("$.data.orders.edges[*].node.source.nativeId")).containsExactly("1002", "2001");
    }

    @Test
    void aCursorOfAnotherFilterIsABadRequest() {
        String cursor = page(2, null, null).read("$.data.orders.pageInfo.endCursor");
        FakeWorld.reset();

        Answer answer = page(2, cursor, Map.of("channels", List.of("POS")));

        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions).containsEntry("code", "BAD_REQUEST"));
        assertThat(FakeWorld.totalReaderCalls()).isZero();
    }

    @Test
    void customersOfAPageOfOrdersAreLoadedInBatchesPerAccount() {
        Answer answer = graphql.execute("{ orders(first: 20) { nodes { source { nativeId } customer { displayName } location { name } } } }");

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.orders.nodes[?(@.source.nativeId == '1002')].customer.displayName")).containsExactly("Ava Chen");
        assertThat(answer.<List<String>>read("$.data.orders.nodes[?(@.source.nativeId == '1002')].location.name")).containsExactly("SF Store");
        // shop-us orders name 11 distinct customers; with maxBatchSize 2 that is ceil(11 / 2) = 6 calls, not 13
        assertThat(FakeWorld.SHOP.account("shop-us").batchSizes(FakeOperation.CUSTOMERS_BY_IDS))
                .hasSize(6).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(2));
        assertThat(FakeWorld.SHOP.account("shop-eu").calls(FakeOperation.CUSTOMERS_BY_IDS)).isEqualTo(1);
        assertThat(FakeWorld.POS.account("pos-main").calls(FakeOperation.CUSTOMERS_BY_IDS)).isEqualTo(1);
    }

    @Test
    void aFailingAccountIsReportedAndTheOthersStillPage() {
        FakeWorld.SHOP.account("shop-us").fail(Capability.ORDERS_READ, ErrorCategory.UNAUTHENTICATED);

        Answer answer = page(10, null, null);

        assertThat(answer.<List<String>>read("$.data.orders.edges[*].node.source.nativeId")).containsExactly("pos-9", "2001");
        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions)
                .containsEntry("code", "UNAUTHENTICATED").containsEntry("account", "shop-us").containsEntry("retryable", false)
                .containsEntry("classification", "UNAUTHENTICATED"));
        // the failed account keeps its place: the next page asks it again
        assertThat(answer.<Boolean>read("$.data.orders.pageInfo.hasNextPage")).isTrue();
    }

    @Test
    void anAccountThatNeverAnswersTimesOutWithinTheRequestBudgetAndTheOthersAnswer() {
        FakeWorld.SHOP.account("shop-eu").hang(Capability.ORDERS_READ);

        Answer answer = page(10, null, Map.of("channels", List.of("SHOPIFY", "POS")));

        assertThat(answer.<List<String>>read("$.data.orders.edges[*].node.source.nativeId")).startsWith("pos-9", "1002", "1001");
        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions)
                .containsEntry("code", "TIMEOUT").containsEntry("account", "shop-eu").containsEntry("retryable", true));
        assertThat(FakeWorld.SHOP.account("shop-eu").lastContext(FakeOperation.ORDERS_SEARCH)).get()
                .satisfies(context -> assertThat(context.accountId()).isEqualTo("shop-eu"));
    }
}

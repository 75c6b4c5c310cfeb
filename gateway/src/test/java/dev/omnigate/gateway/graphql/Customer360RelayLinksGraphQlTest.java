package dev.omnigate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.testkit.fake.FakeAccount;
import dev.omnigate.connector.testkit.fake.FakeOperation;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.RelayLinkWorld;
import dev.omnigate.gateway.support.TestClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** customer360 across five channels: marketplace orders joined through relay tickets, role addresses, cost per level. */
@SpringBootTest(properties = {
        "omnigate.sandbox.enabled=false",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=1500ms",
        "omnigate.cache.enabled=false" // the cost test counts upstream calls of each request
})
@Import({RelayLinkWorld.class, TestClients.Registration.class})
final class Customer360RelayLinksGraphQlTest {

    private static final String PROFILE = """
            query($email: String) {
              customer360(email: $email) {
                emails
                identities { source { account nativeId } matchedBy }
                orders(first: 10) { edges { node { source { channel account nativeId } fulfillmentMethod } } }
                tickets(first: 10) { nodes { subject } }
                metrics { orderCount channels repeatCustomer }
              }
            }
            """;

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;

    @BeforeEach
    void reset() {
        RelayLinkWorld.accounts().forEach(account -> account.heal().resetCounters());
        graphql = new GraphQlClient(executor);
    }

    @Test
    void ticketsFromRelayAddressesJoinOnlyTheOrderTheyNameOnTheirOwnMarketplace() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", "noor.haddad@example.com"));

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.customer360.orders.edges[*].node.source.nativeId"))
                .as("newest first; the orders t-5 and t-7 name were bought by another relay")
                .containsExactly(RelayLinkWorld.NOOR_TIKTOK_ORDER, RelayLinkWorld.PERSONAL_TICKET_AMAZON_ORDER,
                        RelayLinkWorld.NOOR_AMAZON_ORDER, "1005", "pos-7");
        assertThat(answer.<List<String>>read("$.data.customer360.orders.edges[*].node.source.account"))
                .as("the TikTok relay's ticket joins the TikTok order, never the Amazon order with the same id")
                .containsExactly("tiktok", "amazon", "amazon", "shop", "pos");
        assertThat(answer.<List<String>>read("$.data.customer360.tickets.nodes[*].subject")).hasSize(5);
        assertThat(answer.<List<String>>read("$.data.customer360.metrics.channels")).containsExactly("SHOPIFY", "AMAZON", "TIKTOK_SHOP", "POS");
        assertThat(answer.<Integer>read("$.data.customer360.metrics.orderCount")).isEqualTo(5);
        assertThat(answer.<Boolean>read("$.data.customer360.metrics.repeatCustomer")).isTrue();
    }

    @Test
    void aRequesterWithoutRelayAddressesJoinsNoMarketplaceOrder() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", "ben.ortiz@example.com"));

        assertThat(answer.<List<String>>read("$.data.customer360.tickets.nodes[*].subject")).hasSize(1);
        assertThat(answer.<List<String>>read("$.data.customer360.orders.edges[*].node.source.account")).isEmpty();
        assertThat(RelayLinkWorld.AMAZON.account("amazon").calls(FakeOperation.ORDERS_BY_IDS)).isZero();
    }

    @Test
    void sharedRoleAddressesNeverMergeRecords() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", "noor.haddad@example.com"));

        // d-2 also holds info@acme.example, as do shop 104 and pos p-3; p-1 joins through her phone only
        assertThat(answer.<List<String>>read("$.data.customer360.identities[*].source.nativeId")).containsExactly("103", "d-2", "p-1");
        assertThat(answer.<List<List<String>>>read("$.data.customer360.identities[*].matchedBy"))
                .containsExactly(List.of("EMAIL", "PHONE"), List.of("EMAIL", "PHONE"), List.of("PHONE"));
        assertThat(answer.<List<String>>read("$.data.customer360.emails")).containsExactly("noor.haddad@example.com");
    }

    @Test
    void aProfileOverFiveChannelsCostsOneUpstreamCallPerAccountPerLevel() {
        graphql.execute(PROFILE, Map.of("email", "noor.haddad@example.com"));

        // searches: the request's email, then one expansion round with her phone (held by two merged records, searched
        // once): one call per searchable account per round
        for (FakeAccount account : List.of(RelayLinkWorld.SHOP.account("shop"), RelayLinkWorld.POS.account("pos"),
                RelayLinkWorld.DESK.account("desk"))) {
            assertThat(account.calls(FakeOperation.CUSTOMERS_SEARCH)).as(account.accountId()).isEqualTo(2);
        }
        // the merged identities' orders and tickets: one batched call per account
        assertThat(RelayLinkWorld.SHOP.account("shop").calls(FakeOperation.ORDERS_BY_CUSTOMER)).isEqualTo(1);
        assertThat(RelayLinkWorld.POS.account("pos").calls(FakeOperation.ORDERS_BY_CUSTOMER)).isEqualTo(1);
        assertThat(RelayLinkWorld.DESK.account("desk").calls(FakeOperation.TICKETS_BY_REQUESTER)).isEqualTo(1);
        // the orders the tickets name: one batched call per marketplace account (t-3, t-5, t-6/t-7 ask Amazon; t-4, t-6, t-7
        // ask TikTok, whose relay she holds too)
        assertThat(RelayLinkWorld.AMAZON.account("amazon").batchSizes(FakeOperation.ORDERS_BY_IDS)).containsExactly(3);
        assertThat(RelayLinkWorld.TIKTOK.account("tiktok").batchSizes(FakeOperation.ORDERS_BY_IDS)).containsExactly(3);
    }

    @Test
    void aRoleAddressCannotBeLookedUpAndCostsNoUpstreamCall() {
        Answer answer = graphql.execute(PROFILE, Map.of("email", " INFO@acme.example"));

        assertThat(answer.<Object>read("$.data.customer360")).isNull();
        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions).containsEntry("code", "BAD_REQUEST"));
        assertThat(answer.errors().getFirst().get("message").toString()).contains("shared role address").doesNotContain("acme");
        assertThat(RelayLinkWorld.accounts().mapToInt(FakeAccount::totalReaderCalls).sum()).isZero();
    }
}

package dev.omnigate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.HealthReport;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** locations(kinds:), customers(query:) and channels. */
@GatewayTest
final class CatalogueAndChannelsGraphQlTest {

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;

    @BeforeEach
    void reset() {
        FakeWorld.reset();
        graphql = new GraphQlClient(executor);
    }

    @AfterEach
    void restoreHealth() {
        FakeWorld.accounts().forEach(account -> account.health(HealthReport.up("fake account answers")));
    }

    @Test
    void locationsComeFromEveryAccountFilteredByKind() {
        Answer all = graphql.execute("{ locations { name kind source { account } address { city countryCode } } }");
        Answer stores = graphql.execute("{ locations(kinds: [STORE]) { name } }");

        assertThat(all.<List<String>>read("$.data.locations[*].name"))
                .containsExactly("Mission Store", "Berlin Warehouse", "SF Store", "US Warehouse");
        assertThat(all.<String>read("$.data.locations[1].address.countryCode")).isEqualTo("US");
        assertThat(stores.<List<String>>read("$.data.locations[*].name")).containsExactly("Mission Store", "SF Store");
    }

    @Test
    void locationsOfAFailingAccountAreMissingAndReported() {
        FakeWorld.SHOP.account("shop-eu").fail(Capability.LOCATIONS_READ, ErrorCategory.PERMISSION_DENIED);

        Answer answer = graphql.execute("{ locations { name } }");

        assertThat(answer.<List<String>>read("$.data.locations[*].name")).containsExactly("Mission Store", "SF Store", "US Warehouse");
        assertThat(answer.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions)
                .containsEntry("code", "PERMISSION_DENIED").containsEntry("retryable", false).containsEntry("account", "shop-eu"));
    }

    @Test
    void customersSearchMergesAccountsAndPagesWithCursors() {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            Answer answer = graphql.execute("query($after: String) { customers(query: \"ava\", first: 2, after: $after) "
                    + "{ nodes { displayName source { account nativeId } } pageInfo { hasNextPage endCursor } } }", variables);
            assertThat(answer.errors()).isEmpty();
            List<String> accounts = answer.read("$.data.customers.nodes[*].source.account");
            List<String> ids = answer.read("$.data.customers.nodes[*].source.nativeId");
            for (int i = 0; i < ids.size(); i++) {
                seen.add(accounts.get(i) + "/" + ids.get(i));
            }
            after = answer.read("$.data.customers.pageInfo.endCursor");
            more = answer.read("$.data.customers.pageInfo.hasNextPage");
        }
        // the text search of every account (amazon-us answers everyone: its search ignores the query)
        assertThat(seen).containsExactlyInAnyOrder("amazon-us/a-1", "amazon-us/a-2", "amazon-us/a-4", "desk/d-1", "pos-main/p-1",
                "pos-main/p-2", "shop-eu/201", "shop-us/101");
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void channelsListAccountsWithCapabilitiesAndHealth() {
        FakeWorld.POS.account("pos-main").health(HealthReport.down("the POS API rejected the credentials"));

        Answer answer = graphql.execute("{ channels { account store connector connectorName channel capabilities "
                + "health { status message checkedAt } } }");

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<List<String>>read("$.data.channels[*].account"))
                .containsExactly("amazon-us", "desk", "pos-main", "shop-eu", "shop-us");
        assertThat(answer.<List<String>>read("$.data.channels[1].capabilities")).containsExactly("CUSTOMERS_READ", "TICKETS_READ");
        assertThat(answer.<Map<String, Object>>read("$.data.channels[2].health"))
                .containsEntry("status", "DOWN").containsEntry("message", "the POS API rejected the credentials");
        assertThat(answer.<String>read("$.data.channels[3].health.status")).isEqualTo("UP");
        assertThat(answer.<String>read("$.data.channels[3].connectorName")).isEqualTo("Fake Shop");
    }
}

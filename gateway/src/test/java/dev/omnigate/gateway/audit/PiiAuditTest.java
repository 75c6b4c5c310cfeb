package dev.omnigate.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The PII audit trail through the real engine and the JSON-lines file sink: one record per answer that held personal
 * data (who, which request, which customers, which kinds of data, never the values), none for answers without.
 */
@GatewayTest
final class PiiAuditTest {

    @Autowired
    DgsQueryExecutor executor;

    @LocalServerPort
    int port;

    @Value("${omnigate.audit.file}")
    Path file;

    GraphQlClient graphql;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor).as(TestClients.as(TestClients.SUPPORT));
        FakeWorld.reset();
    }

    private List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    /** The records written while the action ran. */
    private List<String> recordsOf(Runnable action) throws IOException {
        int before = lines().size();
        action.run();
        List<String> after = lines();
        return after.subList(before, after.size());
    }

    private static String customer(String account, String id) {
        return GlobalId.encode(GlobalIdType.Customer, new SourceRef(Channel.SHOPIFY, "fake-shop", account, id));
    }

    @Test
    void aCustomer360WithContactDetailsIsOneRecordNamingEveryMergedCustomerAndTheClassesNotTheValues() throws IOException {
        List<String> records = recordsOf(() -> graphql.execute("query SidebarLookup { customer360(email: \"ava.chen@example.com\") "
                + "{ displayName emails phones identities { email } orders(first: 5) { nodes { total { amount } } } } }"));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(JsonPath.<String>read(record, "$.client")).isEqualTo("test-support");
            assertThat(JsonPath.<String>read(record, "$.authMethod")).isEqualTo("API_KEY");
            assertThat(JsonPath.<String>read(record, "$.operation")).isEqualTo("SidebarLookup");
            assertThat(JsonPath.<List<String>>read(record, "$.customers")).contains(customer("shop-us", "101"), customer("shop-eu", "201"));
            assertThat(JsonPath.<List<String>>read(record, "$.classes")).containsExactlyInAnyOrder("NAME", "EMAIL", "PHONE");
            assertThat(JsonPath.<List<String>>read(record, "$.fields")).contains("Customer360.emails", "CustomerIdentity.email");
            assertThat(JsonPath.<Boolean>read(record, "$.customersTruncated")).isFalse();
            assertThat(JsonPath.<String>read(record, "$.time")).isNotBlank();
            assertThat(record).doesNotContain("ava.chen@example.com").doesNotContain("+14155550142").doesNotContain("Ava Chen");
        });
    }

    @Test
    void answersWithoutPersonalDataLeaveNoRecord() throws IOException {
        List<String> records = recordsOf(() -> {
            graphql.execute("{ products(skus: [\"MUG-1\"]) { sku prices { price { amount } } } }");
            graphql.execute("{ orders(first: 3) { nodes { name total { amount } customer { id } } } }");
            graphql.execute("{ customer360(email: \"nobody@example.com\") { emails } }");
            graphql.execute("{ channels { account } }");
        });

        assertThat(records).isEmpty();
    }

    @Test
    void aForbiddenPersonalFieldLeavesNoRecord() throws IOException {
        List<String> records = recordsOf(() -> new GraphQlClient(executor).as(TestClients.as(TestClients.ORDERS))
                .execute("{ orders(first: 3) { nodes { customer { emails } } } }"));

        assertThat(records).isEmpty();
    }

    @Test
    void buyerContactDetailsOnOrdersNameTheBuyers() throws IOException {
        List<String> records = recordsOf(() -> graphql.execute("{ orders(first: 50, filter: { channels: [SHOPIFY] }) { nodes { "
                + "customer { firstName emails } } } }"));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(JsonPath.<List<String>>read(record, "$.customers")).contains(customer("shop-us", "101")).doesNotHaveDuplicates();
            assertThat(JsonPath.<List<String>>read(record, "$.classes")).contains("EMAIL");
        });
    }

    @Test
    void overHttpTheRecordCarriesTheRequestIdAndTransport() throws Exception {
        List<String> records = recordsOf(() -> {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/graphql")).header("Content-Type", "application/json").header("X-Api-Key", TestClients.SUPPORT_KEY)
                        .header("X-Request-Id", "audit-req-1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ customers(query: \\\"ava\\\") { nodes { emails } } }\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(JsonPath.<String>read(record, "$.requestId")).isEqualTo("audit-req-1");
            assertThat(JsonPath.<String>read(record, "$.transport")).isEqualTo("http");
            assertThat(JsonPath.<Map<String, Object>>read(record, "$")).containsOnlyKeys("time", "client", "clientName", "authMethod",
                    "requestId", "operation", "transport", "customers", "customersTruncated", "classes", "fields");
        });
    }
}

package dev.omnigate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.testkit.fake.FakeOperation;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import dev.omnigate.gateway.support.FakeWorld;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scopes in the schema, enforced per field through the real engine: each scope's fields are readable with it and
 * {@code null} with a {@code FORBIDDEN} error at their path without it, the rest of the answer is served, and a forbidden
 * field causes no upstream call.
 */
@GatewayTest
final class ScopeEnforcementTest {

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        FakeWorld.reset();
    }

    private Answer as(ClientDefinition client, String query) {
        return graphql.as(TestClients.as(client)).execute(query);
    }

    private static String customerId() {
        return GlobalId.encode(GlobalIdType.Customer, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "101"));
    }

    /** A field per scope, the path its error is reported at, and the reader it would call. */
    static Stream<Arguments> guardedFields() {
        return Stream.of(
                Arguments.of(Scope.CATALOG_READ, "{ products(skus: [\"MUG-1\"]) { sku } }", List.of("products"), FakeOperation.PRICES_BY_SKUS),
                Arguments.of(Scope.CATALOG_READ, "{ product(sku: \"MUG-1\") { sku } }", List.of("product"), FakeOperation.INVENTORY_BY_SKUS),
                Arguments.of(Scope.CATALOG_READ, "{ locations { name } }", List.of("locations"), FakeOperation.LOCATIONS_LIST),
                Arguments.of(Scope.ORDERS_READ, "{ orders(first: 2) { nodes { id } } }", List.of("orders"), FakeOperation.ORDERS_SEARCH),
                Arguments.of(Scope.CUSTOMERS_READ, "{ customers(query: \"ava\") { nodes { emails } } }", List.of("customers"),
                        FakeOperation.CUSTOMERS_SEARCH),
                Arguments.of(Scope.CUSTOMERS_READ, "{ customer360(email: \"ava.chen@example.com\") { emails } }", List.of("customer360"),
                        FakeOperation.CUSTOMERS_SEARCH),
                Arguments.of(Scope.CUSTOMERS_READ, "{ node(id: \"" + customerId() + "\") { id } }", List.of("node"),
                        FakeOperation.CUSTOMERS_BY_IDS),
                Arguments.of(Scope.ADMIN, "{ channels { account health { status } } }", List.of("channels", 0, "health"), FakeOperation.HEALTH),
                Arguments.of(Scope.ADMIN, "mutation { invalidateCache { scope } }", List.of("invalidateCache"), null));
    }

    @ParameterizedTest(name = "{1} needs {0}")
    @MethodSource("guardedFields")
    void aGuardedFieldIsReadableWithItsScopeAndForbiddenWithoutItWithoutAnUpstreamCall(Scope scope, String query, List<Object> path,
            FakeOperation reader) {
        Set<Scope> others = java.util.EnumSet.complementOf(java.util.EnumSet.of(scope));
        GatewayClient without = new GatewayClient("without-" + scope.value(), "t", GatewayClient.AuthMethod.API_KEY, others, PartnerFilter.NONE);
        GatewayClient with = new GatewayClient("with-" + scope.value(), "t", GatewayClient.AuthMethod.API_KEY,
                java.util.EnumSet.of(scope, Scope.CATALOG_READ), PartnerFilter.NONE);

        Answer forbidden = graphql.as(without).execute(query);

        // one error per forbidden field (channels.health: one per account)
        assertThat(forbidden.errors()).as(query).isNotEmpty().allSatisfy(error ->
                assertThat(error.get("message")).asString().contains("without-" + scope.value()).contains(scope.value()));
        assertThat(forbidden.errors().getFirst().get("path")).isEqualTo(path);
        assertThat(forbidden.errorExtensions()).allSatisfy(extensions -> assertThat(extensions).containsEntry("code", "FORBIDDEN")
                .containsEntry("requiredScopes", List.of(List.of(scope.value()))));
        if (reader != null && reader != FakeOperation.HEALTH) {
            assertThat(FakeWorld.accounts().mapToInt(account -> account.calls(reader)).sum()).as("upstream calls").isZero();
        }
        assertThat(FakeWorld.totalReaderCalls()).as("no reader at all").isZero();

        Answer allowed = graphql.as(with).execute(query);

        assertThat(allowed.errors()).as(query).noneMatch(error -> "FORBIDDEN".equals(((Map<?, ?>) error.get("extensions")).get("code")));
    }

    @Test
    void theRestOfTheAnswerIsServedNextToAForbiddenField() {
        Answer answer = as(TestClients.CATALOG, "{ products(skus: [\"MUG-1\"]) { sku } orders(first: 1) { nodes { id } } }");

        assertThat(answer.<String>read("$.data.products[0].sku")).isEqualTo("MUG-1");
        assertThat(answer.<Map<String, Object>>read("$.data")).containsEntry("orders", null);
        assertThat(answer.errors()).singleElement().satisfies(error -> assertThat(error.get("path")).isEqualTo(List.of("orders")));
        assertThat(FakeWorld.accounts().mapToInt(account -> account.calls(FakeOperation.ORDERS_SEARCH)).sum()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOrdersClientSeesOrdersButNotTheBuyersContactDetails() {
        Answer answer = as(TestClients.ORDERS, "{ orders(first: 3, filter: { channels: [SHOPIFY] }) { nodes { name total { amount } "
                + "customer { emails } } } }");

        List<Map<String, Object>> orders = answer.read("$.data.orders.nodes");
        assertThat(orders).hasSize(3).allSatisfy(order -> assertThat(order).containsEntry("customer", null));
        assertThat(answer.errors()).hasSize(3).allSatisfy(error -> {
            List<Object> path = (List<Object>) error.get("path");
            assertThat(path).hasSize(4).startsWith("orders", "nodes").endsWith("customer");
            assertThat(((Map<?, ?>) error.get("extensions")).get("code")).isEqualTo("FORBIDDEN");
        });
        assertThat(FakeWorld.accounts().mapToInt(account -> account.calls(FakeOperation.CUSTOMERS_BY_IDS)).sum())
                .as("no customer is read for a forbidden field").isZero();
    }

    @Test
    void aSupportToolWithoutTicketsStillGetsTheProfileAndOrders() {
        GatewayClient noTickets = new GatewayClient("no-tickets", "t", GatewayClient.AuthMethod.API_KEY,
                Set.of(Scope.CUSTOMERS_READ, Scope.ORDERS_READ), PartnerFilter.NONE);
        graphql.as(noTickets).execute("{ customer360(email: \"ava.chen@example.com\") { displayName orders(first: 2) { nodes { name } } } }");
        int callsWithoutTickets = FakeWorld.totalReaderCalls();
        FakeWorld.reset();

        Answer answer = graphql.as(noTickets).execute("{ customer360(email: \"ava.chen@example.com\") { displayName "
                + "orders(first: 2) { nodes { name } } tickets(first: 2) { nodes { subject } } } }");

        assertThat(answer.<String>read("$.data.customer360.displayName")).isEqualTo("Ava Chen");
        assertThat(answer.<List<?>>read("$.data.customer360.orders.nodes")).hasSize(2);
        assertThat(answer.<Map<String, Object>>read("$.data.customer360")).containsEntry("tickets", null);
        assertThat(answer.errors()).singleElement().satisfies(error -> assertThat(error.get("path")).isEqualTo(List.of("customer360", "tickets")));
        // orders join marketplace orders through helpdesk tickets (an internal read); the forbidden field adds no call
        assertThat(FakeWorld.totalReaderCalls()).isEqualTo(callsWithoutTickets);
    }

    @Test
    void aNodeIdNamingATypeTheClientMayNotReadIsForbiddenBeforeAnyCallButOtherNodesResolve() {
        String orderId = GlobalId.encode(GlobalIdType.Order, new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "1001"));

        Answer answer = as(TestClients.ORDERS, "{ a: node(id: \"" + orderId + "\") { id } b: node(id: \"" + customerId() + "\") { id "
                + "... on Customer { emails } } }");

        assertThat(answer.<String>read("$.data.a.id")).isEqualTo(orderId);
        assertThat(answer.<Map<String, Object>>read("$.data")).containsEntry("b", null);
        assertThat(answer.errors()).singleElement().satisfies(error -> assertThat(error.get("path")).isEqualTo(List.of("b")));
        assertThat(FakeWorld.accounts().mapToInt(account -> account.calls(FakeOperation.CUSTOMERS_BY_IDS)).sum()).isZero();
    }

    @Test
    void fieldsReachedThroughAnInterfaceAreGuardedByTheirRealType() {
        // the client may read customers but not orders: an order id through node answers nothing of the order
        Answer answer = as(TestClients.CATALOG, "{ node(id: \"" + GlobalId.encode(GlobalIdType.Order,
                new SourceRef(Channel.SHOPIFY, "fake-shop", "shop-us", "1001")) + "\") { id } }");

        assertThat(answer.<Map<String, Object>>read("$.data")).containsEntry("node", null);
        assertThat(answer.errorExtensions()).extracting(extensions -> extensions.get("code")).containsOnly("FORBIDDEN");
    }

    @Test
    void fragmentsAndAliasesAreGuardedLikeDirectSelections() {
        Answer answer = as(TestClients.CATALOG, "query { ...Everything x: customers(query: \"ava\") { nodes { id } } } "
                + "fragment Everything on Query { customer360(email: \"ava.chen@example.com\") { emails } products(skus: [\"TEE-1\"]) { sku } }");

        assertThat(answer.<String>read("$.data.products[0].sku")).isEqualTo("TEE-1");
        assertThat(answer.<Map<String, Object>>read("$.data")).containsEntry("x", null).containsEntry("customer360", null);
        assertThat(answer.errorExtensions()).hasSize(2).extracting(extensions -> extensions.get("code")).containsOnly("FORBIDDEN");
        assertThat(FakeWorld.accounts().mapToInt(account -> account.calls(FakeOperation.CUSTOMERS_SEARCH)).sum()).isZero();
    }

    @Test
    void aRequestWithoutAClientReadsNothingGuarded() {
        Answer answer = graphql.as(null).execute("{ channels { account } products(skus: [\"MUG-1\"]) { sku } }");

        assertThat(answer.<List<?>>read("$.data.channels")).isNotEmpty();
        assertThat(answer.<Map<String, Object>>read("$.data")).containsEntry("products", null);
        assertThat(answer.errors()).singleElement().satisfies(error -> assertThat(error.get("message")).asString().contains("anonymous"));
    }

    @Test
    void eachGuardedFieldDocumentsItsScopesInIntrospection() {
        Answer answer = as(TestClients.CATALOG, "{ __type(name: \"Query\") { fields { name description } } }");
        Answer customer = as(TestClients.CATALOG, "{ __type(name: \"Customer\") { description fields { name description } } }");

        assertThat(answer.errors()).isEmpty();
        List<Map<String, Object>> fields = answer.read("$.data.__type.fields");
        assertThat(fields).filteredOn(field -> field.get("name").equals("orders")).singleElement()
                .satisfies(field -> assertThat(field.get("description")).asString().endsWith("Requires scope: `orders:read`."));
        assertThat(fields).filteredOn(field -> field.get("name").equals("products")).singleElement()
                .satisfies(field -> assertThat(field.get("description")).asString().contains("Requires scope: `catalog:read`."));
        assertThat(customer.<String>read("$.data.__type.description")).contains("Requires scope: `customers:read`");
        List<Map<String, Object>> customerFields = customer.read("$.data.__type.fields");
        assertThat(customerFields).filteredOn(field -> field.get("name").equals("emails")).singleElement()
                .satisfies(field -> assertThat(field.get("description")).asString().contains("Personal data (EMAIL)"));
    }
}

package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.Ticket;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Issue 5's "Done when" in sandbox mode, every connector talking HTTP to its simulator: Ava Chen's customer-360 by
 * email holds, in one query, her Shopify, POS, Amazon and TikTok Shop orders (the marketplace ones joined through the
 * relay addresses of her Zendesk user and the tickets she sent from them), her two tickets and the metrics over all
 * of it. Expected values come from the sandbox's world, never from ids written here.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s"
})
final class Customer360AcrossChannelsSandboxTest {

    private static final String QUERY = """
            { customer360(email: "ava.chen@example.com") {
                displayName emails phones
                identities { source { channel connector } matchedBy }
                orders(first: 50) { nodes { source { channel connector nativeId } status fulfillmentMethod
                                            total { amount currencyCode } } }
                tickets(first: 10) { nodes { source { connector nativeId } status } }
                metrics { orderCount lifetimeValue { amount currencyCode } channels repeatCustomer firstOrderAt lastOrderAt }
            } }
            """;

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;
    DemoWorld world;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        world = sandboxSource.sandbox().world();
    }

    @Test
    void avasProfileHoldsHerOrdersOnEveryChannelHerTicketsAndMetricsInOneQuery() {
        List<Order> avasOrders = world.ordersOf(DemoWorld.AVA_KEY);
        Set<String> channels = avasOrders.stream().map(order -> order.channel().name()).collect(Collectors.toSet());
        assertThat(channels).as("the world gives Ava orders on four channels").contains("SHOPIFY", "POS", "AMAZON", "TIKTOK_SHOP");

        Answer answer = graphql.execute(QUERY);

        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<String>read("$.data.customer360.displayName")).isEqualTo("Ava Chen");
        List<Map<String, Object>> identities = answer.read("$.data.customer360.identities[*]");
        assertThat(identities).extracting(identity -> (String) ((Map<?, ?>) identity.get("source")).get("connector"))
                .contains("shopify", "square", "zendesk");
        assertThat(identities).allSatisfy(identity -> assertThat((List<?>) identity.get("matchedBy")).isNotEmpty());

        List<Map<String, Object>> orders = answer.read("$.data.customer360.orders.nodes[*]");
        assertThat(orders).hasSize(avasOrders.size());
        assertThat(orders).extracting(order -> (String) ((Map<?, ?>) order.get("source")).get("channel"))
                .containsExactlyInAnyOrderElementsOf(avasOrders.stream().map(order -> order.channel().name()).toList());
        for (Order expected : avasOrders) {
            if (expected.channel() == Channel.SHOPIFY) {
                continue; // Shopify's GraphQL ids are not the world's; SandboxEndToEndTest checks those orders one by one
            }
            assertThat(orders).as("Ava's %s order", expected.channel())
                    .anySatisfy(order -> assertThat(((Map<?, ?>) order.get("source")).get("nativeId")).isEqualTo(expected.nativeId()));
        }

        List<Ticket> avasTickets = world.ticketsOf(DemoWorld.AVA_KEY);
        assertThat(avasTickets).hasSize(2);
        assertThat(answer.<List<String>>read("$.data.customer360.tickets.nodes[*].source.nativeId"))
                .containsExactlyInAnyOrderElementsOf(avasTickets.stream().map(Ticket::nativeId).toList());

        assertThat(answer.<Integer>read("$.data.customer360.metrics.orderCount")).isEqualTo(avasOrders.size());
        assertThat(answer.<List<String>>read("$.data.customer360.metrics.channels")).containsExactlyInAnyOrderElementsOf(channels);
        assertThat(answer.<Boolean>read("$.data.customer360.metrics.repeatCustomer")).isTrue();
        BigDecimal counted = orders.stream()
                .filter(order -> !Set.of("CANCELLED", "REFUNDED").contains(order.get("status")))
                .map(order -> new BigDecimal((String) ((Map<?, ?>) order.get("total")).get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(answer.<String>read("$.data.customer360.metrics.lifetimeValue.amount"))).isEqualByComparingTo(counted);
    }
}

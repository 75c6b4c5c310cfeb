package dev.omnigate.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.cache.EntityCache;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.TestClients;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.ChannelEmail;
import dev.omnigate.simulator.world.ChannelPresence;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.EmailKind;
import dev.omnigate.simulator.world.Ticket;
import dev.omnigate.simulator.zendesk.ZendeskCounters;
import dev.omnigate.simulator.zendesk.ZendeskSimulator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Sandbox mode end to end with the real Zendesk connector talking HTTP to the Zendesk simulator: Ava Chen's
 * {@code customer360} shows her helpdesk user (account {@code demo-zendesk}) with her own address and her Amazon and
 * TikTok Shop relay addresses (the relays are not personal addresses of the profile) and her two tickets, newest
 * first. Expected values come from the sandbox's world, never from constants in this test.
 */
@Import(TestClients.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnigate.sandbox.enabled=true",
        "omnigate.stores-dir=target/no-store-files",
        "omnigate.request-timeout=10s"
})
final class ZendeskSandboxTest {

    private static final String QUERY = """
            { customer360(email: "  AVA.Chen@Example.com ") {
                emails
                identities { source { channel connector account nativeId } matchedBy customer { emails phones } }
                tickets(first: 10) { nodes { source { connector account nativeId } subject status rawStatus createdAt } }
            } }
            """;

    @Autowired
    SandboxStoreConfigSource sandboxSource;

    @Autowired
    DgsQueryExecutor executor;

    @Autowired
    EntityCache cache;

    GraphQlClient graphql;
    DemoWorld world;
    ChannelPresence avaOnHelpdesk;
    ZendeskCounters counters;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
        Sandbox sandbox = sandboxSource.sandbox();
        world = sandbox.world();
        avaOnHelpdesk = world.ava().presenceOn(Channel.HELPDESK).orElseThrow();
        counters = sandbox.simulator(ZendeskSimulator.class).counters();
        counters.reset();
        cache.invalidateAll(); // one test counts the upstream calls of a cold request
    }

    @Test
    void avasHelpdeskUserHoldsHerThreeAddressesWithTheRelaysMarked() {
        Answer answer = graphql.execute(QUERY);

        assertThat(answer.errors()).isEmpty();
        String zendesk = "$.data.customer360.identities[?(@.source.connector == 'zendesk')]";
        assertThat(answer.<List<String>>read(zendesk + ".source.account")).containsExactly(Sandbox.ZENDESK_ACCOUNT);
        assertThat(answer.<List<String>>read(zendesk + ".source.channel")).containsExactly("HELPDESK");
        assertThat(answer.<List<String>>read(zendesk + ".source.nativeId")).containsExactly(avaOnHelpdesk.nativeId());
        assertThat(answer.<List<List<String>>>read(zendesk + ".matchedBy").get(0)).contains("EMAIL");
        List<String> addresses = avaOnHelpdesk.emails().stream().map(ChannelEmail::address).toList();
        assertThat(answer.<List<List<String>>>read(zendesk + ".customer.emails").get(0)).containsExactlyElementsOf(addresses);
        // the relay addresses are marked: they belong to the helpdesk record but are never personal keys of the profile
        List<String> relays = avaOnHelpdesk.emails().stream().filter(e -> e.kind() == EmailKind.MARKETPLACE_RELAY)
                .map(ChannelEmail::normalized).toList();
        assertThat(relays).hasSize(2);
        assertThat(answer.<List<String>>read("$.data.customer360.emails")).contains("ava.chen@example.com")
                .doesNotContainAnyElementsOf(relays);
    }

    @Test
    void avasTwoTicketsComeNewestFirstFromTheHelpdesk() {
        List<Ticket> expected = world.ticketsOf(world.ava().key()).stream()
                .sorted(Comparator.comparing(Ticket::createdAt).reversed()).toList();
        assertThat(expected).hasSize(2);

        Answer answer = graphql.execute(QUERY);

        assertThat(answer.errors()).isEmpty();
        String tickets = "$.data.customer360.tickets.nodes";
        assertThat(answer.<List<String>>read(tickets + "[*].source.nativeId"))
                .containsExactlyElementsOf(expected.stream().map(Ticket::nativeId).toList());
        assertThat(answer.<List<String>>read(tickets + "[*].source.account")).containsOnly(Sandbox.ZENDESK_ACCOUNT);
        assertThat(answer.<List<String>>read(tickets + "[*].subject"))
                .containsExactlyElementsOf(expected.stream().map(Ticket::subject).toList());
        assertThat(answer.<List<String>>read(tickets + "[*].rawStatus"))
                .containsExactlyElementsOf(expected.stream().map(t -> t.status().name().toLowerCase(Locale.ROOT)).toList());
        assertThat(answer.<List<String>>read(tickets + "[*].status")).containsExactlyInAnyOrder("OPEN", "SOLVED");
        // one ticket is about her Amazon order, the other about her TikTok Shop order
        assertThat(expected).extracting(t -> world.order(t.orderKey()).channel())
                .containsExactlyInAnyOrder(Channel.AMAZON, Channel.TIKTOK_SHOP);
        // the tickets of the profile cost one export search (Ava has tickets, so no users lookup follows)
        assertThat(counters.path("/api/v2/search/export")).isEqualTo(1);
        assertThat(counters.byPath()).doesNotContainKey("/api/v2/users/show_many");
    }

    @Test
    void anEmailThatMatchesNothingIsNullNotAnError() {
        Answer answer = graphql.execute("{ customer360(email: \"nobody@nowhere.example\") { emails } }");
        assertThat(answer.errors()).isEmpty();
        assertThat(answer.<Map<String, Object>>read("$.data")).containsEntry("customer360", null);
        assertThat(counters.path("/api/v2/users/search")).as("the helpdesk was asked").isPositive();
    }
}

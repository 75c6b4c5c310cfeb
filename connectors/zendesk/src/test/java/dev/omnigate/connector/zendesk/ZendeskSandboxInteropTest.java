package dev.omnigate.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.omnigate.connector.api.CallContext;
import dev.omnigate.connector.api.Connector;
import dev.omnigate.connector.api.HealthStatus;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.change.WebhookRequest;
import dev.omnigate.connector.api.change.WebhookResult;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.EmailKind;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.model.TicketStatus;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.api.read.Page;
import dev.omnigate.connector.api.read.PageRequest;
import dev.omnigate.connector.testkit.TestConnectorContext;
import dev.omnigate.simulator.Sandbox;
import dev.omnigate.simulator.SandboxOptions;
import dev.omnigate.simulator.SimulatedAccount;
import dev.omnigate.simulator.world.Channel;
import dev.omnigate.simulator.world.ChannelEmail;
import dev.omnigate.simulator.world.DemoWorld;
import dev.omnigate.simulator.world.Order;
import dev.omnigate.simulator.world.Person;
import dev.omnigate.simulator.zendesk.ZendeskSimulator;
import dev.omnigate.simulator.zendesk.ZendeskWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real connector against the sandbox's Zendesk simulator (connector-simulator, real HTTP on 127.0.0.1), with
 * the sandbox account's own config: Ava Chen's helpdesk user with her three addresses (the relays marked with their
 * marketplace) and her two tickets whose {@code externalId} is the id of the marketplace order each is about, the
 * rate limit and signed webhooks. Expected values come from the demo world.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ZendeskSandboxInteropTest {

    private Sandbox sandbox;
    private ZendeskSimulator simulator;
    private SimulatedAccount account;
    private Connector connector;
    private DemoWorld world;
    private Person ava;
    private String avaUserId;

    @BeforeAll
    void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        simulator = sandbox.simulator(ZendeskSimulator.class);
        account = sandbox.account(ZendeskConnectorFactory.ID);
        world = sandbox.world();
        ava = world.ava();
        avaUserId = ava.presenceOn(Channel.HELPDESK).orElseThrow().nativeId();
        connector = new ZendeskConnectorFactory().create(ZendeskConfig.SPEC.validate(account.connectorConfig()).orElseThrow(),
                TestConnectorContext.of(account.accountId()));
    }

    @AfterAll
    void stopSandbox() {
        if (connector != null) {
            connector.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void resetCounters() {
        simulator.counters().reset();
    }

    private static CallContext call() {
        return CallContext.withTimeout("demo-zendesk", Duration.ofSeconds(10));
    }

    @Test
    void theSandboxAccountIsTheDemoDeskAndHealthy() {
        assertThat(account.accountId()).isEqualTo("demo-zendesk");
        assertThat(connector.checkHealth(call()).status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void avasUserByEmailHoldsHerAddressAndBothRelaysMarkedInOneCall() {
        Page<Customer> page = connector.customers().orElseThrow().search(call(), CustomerQuery.byEmail("ava.chen@example.com"),
                PageRequest.first(10));

        assertThat(simulator.counters().total()).as("one call, identities sideloaded").isEqualTo(1);
        assertThat(page.items()).extracting(c -> c.source().nativeId()).containsExactly(avaUserId);
        Customer user = page.items().get(0);
        List<ChannelEmail> expected = ava.presenceOn(Channel.HELPDESK).orElseThrow().emails();
        assertThat(user.emails()).extracting(EmailAddress::address)
                .containsExactlyElementsOf(expected.stream().map(ChannelEmail::address).toList());
        Map<String, dev.omnigate.connector.api.model.Channel> relays = new LinkedHashMap<>();
        user.emails().stream().filter(EmailAddress::isRelay).forEach(e -> relays.put(e.address(), e.relayOf()));
        Map<String, dev.omnigate.connector.api.model.Channel> expectedRelays = new LinkedHashMap<>();
        expectedRelays.put(ava.presenceOn(Channel.AMAZON).orElseThrow().primaryEmail(), dev.omnigate.connector.api.model.Channel.AMAZON);
        expectedRelays.put(ava.presenceOn(Channel.TIKTOK_SHOP).orElseThrow().primaryEmail(),
                dev.omnigate.connector.api.model.Channel.TIKTOK_SHOP);
        assertThat(relays).isEqualTo(expectedRelays);
        assertThat(user.emails().get(0).kind()).isEqualTo(EmailKind.PERSONAL);
        assertThat(user.phones()).extracting(p -> p.number()).containsExactly(ava.presenceOn(Channel.HELPDESK).orElseThrow().phone());
    }

    @Test
    void avaIsFoundByARelayAddressAndByHerPhone() {
        String amazonRelay = ava.presenceOn(Channel.AMAZON).orElseThrow().primaryEmail();
        assertThat(connector.customers().orElseThrow().search(call(), CustomerQuery.byEmail(amazonRelay), PageRequest.first(5))
                .items()).extracting(c -> c.source().nativeId()).containsExactly(avaUserId);
        assertThat(connector.customers().orElseThrow().search(call(), CustomerQuery.byPhone(ava.phone()), PageRequest.first(5))
                .items()).extracting(c -> c.source().nativeId()).containsExactly(avaUserId);
        assertThat(connector.customers().orElseThrow().search(call(), CustomerQuery.byEmail("nobody@nowhere.example"),
                PageRequest.first(5)).items()).isEmpty();
    }

    @Test
    void avasTwoTicketsCarryTheirMarketplaceOrderIdsNewestFirst() {
        Map<String, List<Ticket>> byRequester = connector.tickets().orElseThrow().getByRequesterIds(call(),
                Set.of(avaUserId, "1"));

        assertThat(simulator.counters().total()).as("export once, show_many for the unknown requester").isEqualTo(2);
        assertThat(byRequester).containsOnlyKeys(avaUserId);
        List<dev.omnigate.simulator.world.Ticket> expected = world.ticketsOf(ava.key()).reversed();
        List<Ticket> tickets = byRequester.get(avaUserId);
        assertThat(tickets).extracting(t -> t.source().nativeId())
                .containsExactlyElementsOf(expected.stream().map(dev.omnigate.simulator.world.Ticket::nativeId).toList());
        for (int i = 0; i < expected.size(); i++) {
            Order order = world.order(expected.get(i).orderKey());
            Ticket ticket = tickets.get(i);
            assertThat(ticket.externalId()).isEqualTo(order.nativeId());
            assertThat(ticket.requesterEmail().address()).isEqualTo(expected.get(i).requesterEmail());
            assertThat(ticket.rawStatus()).isEqualTo(expected.get(i).status().name().toLowerCase(java.util.Locale.ROOT));
            if (order.channel() == Channel.AMAZON) {
                assertThat(ticket.requesterEmail().relayOf()).as("sent from her Amazon relay")
                        .isEqualTo(dev.omnigate.connector.api.model.Channel.AMAZON);
            }
        }
        assertThat(tickets).extracting(Ticket::status).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.SOLVED);
        Map<String, Ticket> byId = connector.tickets().orElseThrow().getByIds(call(),
                tickets.stream().map(t -> t.source().nativeId()).collect(Collectors.toSet()));
        assertThat(byId.values()).containsExactlyInAnyOrderElementsOf(tickets);
    }

    @Test
    void aBatchOfManyRequestersCostsOneCallPerHundredTicketsAndAllAreFound() {
        List<String> requesters = simulator.desk().users().keySet().stream().limit(100).toList();
        long expectedTickets = simulator.desk().tickets().values().stream().filter(t -> requesters.contains(t.requesterId())).count();
        long withoutTickets = requesters.stream().filter(id -> simulator.desk().ticketsOfUser(id).isEmpty()).count();

        Map<String, List<Ticket>> found = connector.tickets().orElseThrow().getByRequesterIds(call(), Set.copyOf(requesters));

        assertThat(found).hasSize(requesters.size());
        assertThat(found.values().stream().mapToLong(List::size).sum()).isEqualTo(expectedTickets);
        long pages = Math.max(1, (expectedTickets + ZendeskTicketReader.EXPORT_PAGE_SIZE - 1) / ZendeskTicketReader.EXPORT_PAGE_SIZE);
        assertThat(simulator.counters().path("/api/v2/search/export")).isEqualTo(pages);
        assertThat(simulator.counters().path("/api/v2/users/show_many")).isEqualTo(withoutTickets > 0 ? 1 : 0);
    }

    @Test
    void anExhaustedBudgetIsRateLimitedWithTheRetryHint() {
        Sandbox other = Sandbox.start(SandboxOptions.defaults());
        try {
            SimulatedAccount limitedAccount = other.account(ZendeskConnectorFactory.ID);
            Connector limited = new ZendeskConnectorFactory().create(
                    ZendeskConfig.SPEC.validate(limitedAccount.connectorConfig()).orElseThrow(), TestConnectorContext.of("limited"));
            other.simulator(ZendeskSimulator.class).rateLimit().exhaust();
            Throwable thrown = catchThrowable(() -> limited.customers().orElseThrow().getByIds(call(), Set.of(avaUserId)));
            assertThat(thrown).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
                assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)));
            });
            assertThat(limited.checkHealth(call()).status()).isEqualTo(HealthStatus.DEGRADED);
            limited.close();
        } finally {
            other.close();
        }
    }

    @Test
    void signedWebhooksAreAcceptedOnceReplaysAndForgeriesHaveNoEffect() {
        String ticketId = world.ticketsOf(ava.key()).getFirst().nativeId();
        Instant signedAt = Instant.now();
        ZendeskWebhook delivery = simulator.webhook(ticketId, "zen:event-type:ticket.status_changed", signedAt);
        var handler = connector.webhooks().orElseThrow();

        WebhookResult accepted = handler.handle(request(delivery, delivery.body(), signedAt.plusSeconds(2)));
        assertThat(accepted).isInstanceOfSatisfying(WebhookResult.Accepted.class, a -> {
            assertThat(a.events()).hasSize(1);
            assertThat(a.events().get(0).entityType()).isEqualTo(EntityType.TICKET);
            assertThat(a.events().get(0).entity().nativeId()).isEqualTo(ticketId);
            assertThat(a.events().get(0).kind()).isEqualTo(ChangeKind.UPDATED);
        });
        // re-sent: the same delivery key and event keys, so the host's dedupe drops it
        WebhookResult again = handler.handle(request(delivery, delivery.body(), signedAt.plusSeconds(30)));
        assertThat(((WebhookResult.Accepted) again).deliveryKey()).isEqualTo(((WebhookResult.Accepted) accepted).deliveryKey());
        assertThat(((WebhookResult.Accepted) again).events()).isEqualTo(((WebhookResult.Accepted) accepted).events());
        // replayed outside the 5-minute window
        assertThat(handler.handle(request(delivery, delivery.body(), signedAt.plus(Duration.ofMinutes(6)))))
                .isInstanceOfSatisfying(WebhookResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(WebhookResult.Reason.UNVERIFIED));
        // tampered
        byte[] tampered = delivery.bodyAsString().replace(ticketId, "1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(handler.handle(request(delivery, tampered, signedAt))).isInstanceOf(WebhookResult.Rejected.class);
    }

    private static WebhookRequest request(ZendeskWebhook delivery, byte[] body, Instant receivedAt) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        delivery.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return new WebhookRequest("https://gateway.example/webhooks/zendesk/demo-zendesk", headers, body, receivedAt);
    }
}

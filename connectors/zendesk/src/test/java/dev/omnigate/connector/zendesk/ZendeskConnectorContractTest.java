package dev.omnigate.connector.zendesk;

import static dev.omnigate.connector.zendesk.FakeZendesk.AMAZON_RELAY;
import static dev.omnigate.connector.zendesk.FakeZendesk.AVA;
import static dev.omnigate.connector.zendesk.FakeZendesk.BEN;
import static dev.omnigate.connector.zendesk.FakeZendesk.CHLOE;
import static dev.omnigate.connector.zendesk.FakeZendesk.DAN;
import static dev.omnigate.connector.zendesk.FakeZendesk.TIKTOK_RELAY;

import dev.omnigate.connector.api.ConnectorFactory;
import dev.omnigate.connector.api.change.ChangeKind;
import dev.omnigate.connector.api.change.EntityType;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.model.TicketStatus;
import dev.omnigate.connector.api.read.CustomerQuery;
import dev.omnigate.connector.testkit.ConnectorContractTest;
import dev.omnigate.connector.testkit.ContractFixtures;
import dev.omnigate.connector.testkit.ExpectedEvent;
import dev.omnigate.connector.testkit.SearchCase;
import dev.omnigate.connector.testkit.VendorStubs;
import dev.omnigate.connector.testkit.WebhookFixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The connector contract against {@link FakeZendesk}; expected records are written out literally. */
final class ZendeskConnectorContractTest extends ConnectorContractTest {

    @Override
    protected ConnectorFactory factory() {
        return new ZendeskConnectorFactory();
    }

    @Override
    protected Map<String, Object> validConfig(String baseUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("subdomain", "acme");
        config.put("base-url", baseUrl);
        config.put("email", FakeZendesk.EMAIL);
        config.put("api-token", FakeZendesk.API_TOKEN);
        config.put("webhook-signing-secret", FakeZendesk.SIGNING_SECRET);
        return config;
    }

    @Override
    protected VendorStubs stubs() {
        return new FakeZendesk();
    }

    private SourceRef ref(String id) {
        return new SourceRef(Channel.HELPDESK, "zendesk", accountId(), id);
    }

    @Override
    protected ContractFixtures fixtures() {
        Map<String, Customer> customers = Map.of(
                AVA, new Customer(ref(AVA), "Ava Chen", null, null,
                        List.of(EmailAddress.personal("ava.chen@example.com"), EmailAddress.relay(AMAZON_RELAY, Channel.AMAZON),
                                EmailAddress.relay(TIKTOK_RELAY, Channel.TIKTOK_SHOP)),
                        List.of(PhoneNumber.of("415.555.0142")), null,
                        Instant.parse("2026-03-12T22:40:55Z"), Instant.parse("2026-10-26T16:02:11Z")),
                BEN, new Customer(ref(BEN), "Ben Chen", null, null, List.of(EmailAddress.personal("ben.chen@example.org")),
                        List.of(), null, Instant.parse("2025-01-02T10:00:00Z"), Instant.parse("2025-01-02T10:00:00Z")),
                CHLOE, new Customer(ref(CHLOE), "Chloe Chen-Park", null, null,
                        List.of(EmailAddress.personal("chloe@example.net"), EmailAddress.personal("CHLOE.WORK@Example.com")),
                        List.of(PhoneNumber.of("+44 20 7946 0958")), null,
                        Instant.parse("2025-05-05T05:05:05Z"), Instant.parse("2026-02-01T12:00:00Z")),
                DAN, new Customer(ref(DAN), "Dan Ortiz", null, null, List.of(EmailAddress.personal("dan.ortiz@example.com")),
                        List.of(), null, Instant.parse("2026-06-01T08:00:00Z"), Instant.parse("2026-06-01T08:00:00Z")));
        Map<String, Ticket> tickets = Map.of(
                "10001", new Ticket(ref("10001"), AVA, EmailAddress.personal("ava.chen@example.com"),
                        "Wrong size on my TikTok Shop order 576800000000000001", TicketStatus.SOLVED, "solved",
                        Instant.parse("2026-03-12T22:40:55Z"), Instant.parse("2026-03-14T18:05:30Z"), "576800000000000001"),
                "10002", new Ticket(ref("10002"), AVA, EmailAddress.relay(AMAZON_RELAY, Channel.AMAZON),
                        "Amazon order 113-1234567-1234567 has not arrived", TicketStatus.OPEN, "open",
                        Instant.parse("2026-10-26T16:02:11Z"), Instant.parse("2026-10-27T09:30:00Z"), "113-1234567-1234567"),
                // sent through the web form: no via.source.from.address, so the sideloaded requester's email
                "10003", new Ticket(ref("10003"), BEN, EmailAddress.personal("ben.chen@example.org"), "Warranty question",
                        TicketStatus.ON_HOLD, "hold", Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-01-06T09:00:00Z"), null),
                "10004", new Ticket(ref("10004"), CHLOE, EmailAddress.personal("CHLOE.WORK@Example.com"), "Gift card balance",
                        TicketStatus.PENDING, "pending", Instant.parse("2026-02-01T11:00:00Z"), Instant.parse("2026-02-01T12:00:00Z"), null));
        Map<String, List<String>> byRequester = new LinkedHashMap<>();
        byRequester.put(AVA, List.of("10002", "10001"));
        byRequester.put(BEN, List.of("10003"));
        byRequester.put(CHLOE, List.of("10004"));
        byRequester.put(DAN, List.of());

        ZendeskWebhooks signer = new ZendeskWebhooks(FakeZendesk.SIGNING_SECRET);
        Instant signed = Instant.parse("2026-10-27T09:30:02Z");
        Instant received = signed.plusSeconds(3);
        List<WebhookFixtures.WebhookCase> cases = List.of(
                new WebhookFixtures.WebhookCase("ticket.status_changed",
                        signer.delivery(ZendeskWebhooks.event("01JB8S4Q2W7YV0Z1X3C5N6M8KP", "zen:event-type:ticket.status_changed",
                                "zen:ticket:10002", "10002", "2026-10-27T09:30:00Z"), signed, received),
                        "01JB8S4Q2W7YV0Z1X3C5N6M8KP",
                        List.of(new ExpectedEvent(EntityType.TICKET, "10002", ChangeKind.UPDATED,
                                "zen:event-type:ticket.status_changed", null, Instant.parse("2026-10-27T09:30:00Z")))),
                new WebhookFixtures.WebhookCase("user.created",
                        signer.delivery(ZendeskWebhooks.event("2b24ef10-19d4-4740-93cf-8f98ec4776c0", "zen:event-type:user.created",
                                "zen:user:" + DAN, DAN, "2026-10-27T09:29:00Z"), signed, received),
                        "2b24ef10-19d4-4740-93cf-8f98ec4776c0",
                        List.of(new ExpectedEvent(EntityType.CUSTOMER, DAN, ChangeKind.CREATED, "zen:event-type:user.created",
                                null, Instant.parse("2026-10-27T09:29:00Z")))),
                new WebhookFixtures.WebhookCase("organization event (ignored)",
                        signer.delivery(ZendeskWebhooks.event("3c35f021-2ae5-4851-a4df-9fa9fd5887d1",
                                "zen:event-type:organization.name_changed", "zen:organization:77", "77", "2026-10-27T09:28:00Z"),
                                signed, received),
                        "3c35f021-2ae5-4851-a4df-9fa9fd5887d1", List.of()));

        return ContractFixtures.builder()
                .customers(new ContractFixtures.Customers(customers, Set.of("999999999999"), n -> "88800000" + n,
                        List.of(new SearchCase<>("by text 'chen'", CustomerQuery.byText("chen"), 2, List.of(AVA, BEN, CHLOE)))))
                .tickets(new ContractFixtures.Tickets(tickets, Set.of("99999"), n -> "7770000" + n, byRequester,
                        Set.of("999999999999")))
                .webhooks(signer.fixtures(cases))
                .build();
    }
}

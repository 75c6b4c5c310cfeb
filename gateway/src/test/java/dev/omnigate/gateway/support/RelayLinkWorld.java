package dev.omnigate.gateway.support;

import static dev.omnigate.connector.testkit.fake.FakeAccountBuilder.line;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.model.TicketStatus;
import dev.omnigate.connector.testkit.fake.FakeAccount;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.config.AccountDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Fake accounts on five channels for the customer-360's relay links (a context of its own, so that
 * {@link FakeWorld}'s order listings stay as they are).
 *
 * <p>Noor Haddad is shop 103 (email and phone) and pos p-1 (phone only) and helpdesk user d-2, who also holds her
 * Amazon and TikTok Shop relay addresses and the shop's role address info@acme.example (held by shop 104 and pos p-3
 * too: never a key). Her tickets: t-3 from the Amazon relay names FBA order {@value #NOOR_AMAZON_ORDER} (no buyer
 * email: joins), t-4 from the TikTok relay names TikTok order {@value #NOOR_TIKTOK_ORDER} (its buyer email is that
 * relay: joins; the Amazon order with the same id must not), t-5 from the Amazon relay names an order another relay
 * bought (refused), t-6 from her personal address names Amazon order {@value #PERSONAL_TICKET_AMAZON_ORDER} (she holds
 * an Amazon relay and the order tells no other buyer: joins), t-7 from her personal address names an order another
 * relay bought (refused). Ben (shop 105, desk d-3) holds no relay address: his ticket naming an Amazon order joins
 * nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RelayLinkWorld {

    public static final String NOOR_AMAZON_ORDER = "111-2223334-5556667";
    public static final String NOOR_TIKTOK_ORDER = "576461413038785752";
    public static final String OTHER_BUYERS_AMAZON_ORDER = "111-0000000-9999999";
    public static final String PERSONAL_TICKET_AMAZON_ORDER = "111-7777777-1111111";
    private static final String NOOR_AMAZON_RELAY = "n7k2q9@marketplace.amazon.com";
    private static final String NOOR_TIKTOK_RELAY = "v2Noor9x@chat.seller.tiktok.com";

    public static final FakeConnectorFactory SHOP = FakeConnectorFactory.builder("relay-shop", Channel.SHOPIFY)
            .capabilities(Capability.CUSTOMERS_READ, Capability.ORDERS_READ, Capability.ORDERS_BY_CUSTOMER)
            .account("shop", account -> account
                    .customer("103", "Noor Haddad", "noor.haddad@example.com", "+14155550177")
                    .customer("104", "Acme Front Desk", "info@acme.example", null)
                    .customer("105", "Ben Ortiz", "ben.ortiz@example.com", null)
                    .order("1005", "103", "2025-08-01T12:00:00Z", "45.00", "USD", line("MUG-1", "Omnigate Mug", 1, "45.00", "USD")))
            .build();

    public static final FakeConnectorFactory POS = FakeConnectorFactory.builder("relay-pos", Channel.POS)
            .capabilities(Capability.CUSTOMERS_READ, Capability.ORDERS_READ, Capability.ORDERS_BY_CUSTOMER)
            .account("pos", account -> account
                    .customer("p-1", "Noor H.", null, "(415) 555-0177")
                    .customer("p-3", "Acme Office", "info@acme.example", null)
                    .order(new Order(account.ref("pos-7"), "POS-7", "p-1", null, Instant.parse("2025-07-01T18:00:00Z"), null,
                            OrderStatus.FULFILLED, "COMPLETED", FulfillmentMethod.PICKUP, Money.of("12.00", "USD"),
                            List.of(line("TEE-1", "Omnigate Tee", 1, "12.00", "USD")), "store-1")))
            .build();

    public static final FakeConnectorFactory AMAZON = FakeConnectorFactory.builder("relay-amazon", Channel.AMAZON)
            .capabilities(Capability.ORDERS_READ)
            .account("amazon", account -> account
                    .order(marketplaceOrder(account.ref(NOOR_AMAZON_ORDER), null, "2025-09-02T07:00:00Z", "31.99"))
                    .order(marketplaceOrder(account.ref(OTHER_BUYERS_AMAZON_ORDER),
                            EmailAddress.relay("zz9@marketplace.amazon.com", Channel.AMAZON), "2025-09-03T07:00:00Z", "31.99"))
                    .order(marketplaceOrder(account.ref(PERSONAL_TICKET_AMAZON_ORDER), null, "2025-09-04T07:00:00Z", "31.99"))
                    .order(marketplaceOrder(account.ref(NOOR_TIKTOK_ORDER), null, "2025-09-05T07:00:00Z", "31.99")))
            .build();

    public static final FakeConnectorFactory TIKTOK = FakeConnectorFactory.builder("relay-tiktok", Channel.TIKTOK_SHOP)
            .capabilities(Capability.ORDERS_READ)
            .account("tiktok", account -> account
                    .order(marketplaceOrder(account.ref(NOOR_TIKTOK_ORDER),
                            EmailAddress.relay(NOOR_TIKTOK_RELAY.toLowerCase(Locale.ROOT), Channel.TIKTOK_SHOP), "2025-10-10T20:00:00Z",
                            "19.50")))
            .build();

    public static final FakeConnectorFactory DESK = FakeConnectorFactory.builder("relay-desk", Channel.HELPDESK)
            .capabilities(Capability.CUSTOMERS_READ, Capability.TICKETS_READ)
            .account("desk", account -> account
                    .customer(new Customer(account.ref("d-2"), "Noor Haddad", "Noor", "Haddad",
                            List.of(EmailAddress.personal("noor.haddad@example.com"), EmailAddress.relay(NOOR_AMAZON_RELAY, Channel.AMAZON),
                                    EmailAddress.relay(NOOR_TIKTOK_RELAY, Channel.TIKTOK_SHOP), EmailAddress.personal("info@acme.example")),
                            // the same phone as shop 103: the expansion round must search it once, not once per record
                            List.of(PhoneNumber.of("415.555.0177")), null, Instant.parse("2025-01-01T00:00:00Z"), null))
                    .ticket(ticket(account.ref("t-3"), EmailAddress.relay(NOOR_AMAZON_RELAY, Channel.AMAZON), NOOR_AMAZON_ORDER,
                            "2025-09-10T10:00:00Z"))
                    .ticket(ticket(account.ref("t-4"), EmailAddress.relay(NOOR_TIKTOK_RELAY, Channel.TIKTOK_SHOP), NOOR_TIKTOK_ORDER,
                            "2025-10-12T10:00:00Z"))
                    .ticket(ticket(account.ref("t-5"), EmailAddress.relay(NOOR_AMAZON_RELAY, Channel.AMAZON), OTHER_BUYERS_AMAZON_ORDER,
                            "2025-09-11T10:00:00Z"))
                    .ticket(ticket(account.ref("t-6"), EmailAddress.personal("noor.haddad@example.com"), PERSONAL_TICKET_AMAZON_ORDER,
                            "2025-09-12T10:00:00Z"))
                    .ticket(ticket(account.ref("t-7"), EmailAddress.personal("noor.haddad@example.com"), OTHER_BUYERS_AMAZON_ORDER,
                            "2025-09-13T10:00:00Z"))
                    .customer("d-3", "Ben Ortiz", "ben.ortiz@example.com", null)
                    .ticket(new Ticket(account.ref("t-8"), "d-3", EmailAddress.personal("ben.ortiz@example.com"), "My order",
                            TicketStatus.OPEN, "open", Instant.parse("2025-09-14T10:00:00Z"), null, NOOR_AMAZON_ORDER)))
            .build();

    private static Order marketplaceOrder(SourceRef ref, EmailAddress buyer, String createdAt, String total) {
        return new Order(ref, ref.nativeId(), null, buyer, Instant.parse(createdAt), null, OrderStatus.FULFILLED, "Shipped",
                FulfillmentMethod.MARKETPLACE_FULFILLED, Money.of(total, "USD"), List.of(line("MUG-1", "Omnigate Mug", 1, total, "USD")),
                null);
    }

    private static Ticket ticket(SourceRef ref, EmailAddress from, String externalId, String createdAt) {
        return new Ticket(ref, "d-2", from, "About order " + externalId, TicketStatus.OPEN, "open", Instant.parse(createdAt), null,
                externalId);
    }

    /** The accounts of every fake of this world. */
    public static Stream<FakeAccount> accounts() {
        return Stream.of(SHOP.account("shop"), POS.account("pos"), AMAZON.account("amazon"), TIKTOK.account("tiktok"), DESK.account("desk"));
    }

    @Bean
    FakeConnectorFactory relayShop() {
        return SHOP;
    }

    @Bean
    FakeConnectorFactory relayPos() {
        return POS;
    }

    @Bean
    FakeConnectorFactory relayAmazon() {
        return AMAZON;
    }

    @Bean
    FakeConnectorFactory relayTikTok() {
        return TIKTOK;
    }

    @Bean
    FakeConnectorFactory relayDesk() {
        return DESK;
    }

    @Bean
    InMemoryStoreConfigSource relayStores() {
        return new InMemoryStoreConfigSource(Stream.of("shop:relay-shop", "pos:relay-pos", "amazon:relay-amazon", "tiktok:relay-tiktok",
                "desk:relay-desk").map(pair -> new AccountDefinition("test", "acme", pair.split(":")[0], pair.split(":")[1], true,
                        Map.of(), List.of())).toList());
    }
}

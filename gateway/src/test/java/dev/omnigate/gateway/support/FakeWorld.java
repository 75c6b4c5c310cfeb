package dev.omnigate.gateway.support;

import static dev.omnigate.connector.testkit.fake.FakeAccountBuilder.line;

import dev.omnigate.connector.api.Capability;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.testkit.fake.FakeAccount;
import dev.omnigate.connector.testkit.fake.FakeConnectorFactory;
import dev.omnigate.gateway.config.AccountDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The fake accounts every GraphQL and HTTP test runs against (one Spring context, reused by every test class
 * that uses {@link GatewayTest}). Tests reset failures and counters with {@link #reset()}.
 *
 * <pre>
 * fake-shop  (SHOPIFY): shop-us (USD, maxBatchSize 2), shop-eu (EUR)
 * fake-pos   (POS):     pos-main        — no prices
 * fake-market(AMAZON):  amazon-us       — search ignores its query (returns everyone), relay emails, masked phone
 * fake-desk  (HELPDESK):desk            — customers and tickets only
 * </pre>
 *
 * Ava Chen is: shop-us 101 (ava.chen@example.com, +14155550142), shop-eu 201 (" AVA.CHEN@example.com ", no phone),
 * pos-main p-1 ("(415) 555-0142") and p-2 ("415.555.0142", a second record of the same account: ambiguous),
 * desk d-1 (email, 2 tickets); amazon-us a-1 holds her email only as a RELAY address and a-4 her number only as
 * a MASKED phone: neither may merge.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestClients.Registration.class)
public class FakeWorld {

    public static final FakeConnectorFactory SHOP = FakeConnectorFactory.builder("fake-shop", Channel.SHOPIFY)
            .displayName("Fake Shop")
            .account("shop-us", account -> {
                account.maxBatchSize(2)
                        .customer("101", "Ava Chen", "ava.chen@example.com", "+14155550142")
                        .customer("102", "Ben Ortiz", "ben@example.com", "+14155550199")
                        .order("1001", "101", "2025-03-01T10:00:00Z", "59.00", "USD", line("MUG-1", "Omnigate Mug", 2, "29.50", "USD"))
                        .order(new Order(account.ref("1002"), "#1002", "101", null, Instant.parse("2025-06-15T16:30:00Z"), null,
                                OrderStatus.FULFILLED, "PAID/FULFILLED", FulfillmentMethod.PICKUP, Money.of("120.00", "USD"),
                                List.of(line("TEE-1", "Omnigate Tee", 3, "40.00", "USD")), "loc-sf"))
                        .order("1003", "101", "2024-12-24T09:00:00Z", "15.00", "USD", OrderStatus.CANCELLED,
                                line("MUG-1", "Omnigate Mug", 1, "15.00", "USD"))
                        .price("MUG-1", "Omnigate Mug", "29.50", "USD")
                        .price("TEE-1", "Omnigate Tee", "40.00", "USD")
                        .location("loc-wh", "US Warehouse", LocationKind.WAREHOUSE, 37.45, -122.15)
                        .location("loc-sf", "SF Store", LocationKind.STORE, 37.7749, -122.4194)
                        .stock("MUG-1", "loc-wh", 10, 2, 8)
                        .stock("MUG-1", "loc-sf", 5, 1, 4)
                        .stock("TEE-1", "loc-sf", 3, 0, 3);
                for (int n = 110; n < 120; n++) {
                    account.customer(String.valueOf(n), "Customer " + n, "c" + n + "@example.com", null)
                            .order(String.valueOf(n * 10), String.valueOf(n), "2025-01-" + (n - 100) + "T12:00:00Z", n + ".00", "USD",
                                    line("MUG-1", "Omnigate Mug", 1, n + ".00", "USD"));
                }
            })
            .account("shop-eu", account -> account
                    .customer("201", "Ava Chen", " AVA.CHEN@example.com ", null)
                    .order("2001", "201", "2025-05-01T08:00:00Z", "80.00", "EUR", line("MUG-1", "Omnigate Mug", 3, "26.67", "EUR"))
                    .price("MUG-1", "Omnigate Mug (EU)", "27.00", "EUR")
                    .location("loc-de", "Berlin Warehouse", LocationKind.WAREHOUSE, 52.52, 13.405)
                    .stock("MUG-1", "loc-de", 7, 0, 7))
            .build();

    public static final FakeConnectorFactory POS = FakeConnectorFactory.builder("fake-pos", Channel.POS)
            .without(Capability.PRICES_READ, Capability.TICKETS_READ)
            .account("pos-main", account -> account
                    .customer("p-1", "Ava C.", null, "(415) 555-0142")
                    .customer("p-2", "Ava Duplicate", null, "415.555.0142")
                    .order(new Order(account.ref("pos-9"), "POS-9", "p-1", null, Instant.parse("2025-07-01T18:00:00Z"), null,
                            OrderStatus.FULFILLED, "COMPLETED", FulfillmentMethod.IN_STORE, Money.of("12.00", "USD"),
                            List.of(line("TEE-1", "Omnigate Tee", 1, "12.00", "USD")), "store-1"))
                    .location("store-1", "Mission Store", LocationKind.STORE, 37.76, -122.42)
                    .stock("TEE-1", "store-1", 2, 0, 2))
            .build();

    public static final FakeConnectorFactory MARKET = FakeConnectorFactory.builder("fake-market", Channel.AMAZON)
            .capabilities(Capability.CUSTOMERS_READ, Capability.ORDERS_READ, Capability.ORDERS_BY_CUSTOMER, Capability.PRICES_READ)
            .searchIgnoresQuery()
            .account("amazon-us", account -> account
                    .relayCustomer("a-1", "Ava", "ava.chen@example.com", null)
                    .relayCustomer("a-2", "Somebody", "q9x@marketplace.amazon.com", null)
                    .maskedPhoneCustomer("a-4", "Ava T.", null, "+14155550142")
                    .price("MUG-1", "Omnigate Mug (Amazon)", "31.99", "USD"))
            .build();

    public static final FakeConnectorFactory DESK = FakeConnectorFactory.builder("fake-desk", Channel.HELPDESK)
            .capabilities(Capability.CUSTOMERS_READ, Capability.TICKETS_READ)
            .account("desk", account -> account
                    .customer("d-1", "Ava Chen", "ava.chen@example.com", null)
                    .ticket("t-1", "d-1", "Where is my order?", "2025-06-20T09:00:00Z")
                    .ticket("t-2", "d-1", "Mug arrived chipped", "2025-03-05T11:00:00Z"))
            .build();

    /** The accounts of every fake. */
    public static Stream<FakeAccount> accounts() {
        return Stream.of(SHOP.account("shop-us"), SHOP.account("shop-eu"), POS.account("pos-main"), MARKET.account("amazon-us"),
                DESK.account("desk"));
    }

    /** Heals every injected failure and zeroes every counter. */
    public static void reset() {
        accounts().forEach(account -> account.heal().resetCounters());
    }

    /** Calls of every account's readers together (health probes excluded). */
    public static int totalReaderCalls() {
        return accounts().mapToInt(FakeAccount::totalReaderCalls).sum();
    }

    @Bean
    FakeConnectorFactory fakeShop() {
        return SHOP;
    }

    @Bean
    FakeConnectorFactory fakePos() {
        return POS;
    }

    @Bean
    FakeConnectorFactory fakeMarket() {
        return MARKET;
    }

    @Bean
    FakeConnectorFactory fakeDesk() {
        return DESK;
    }

    @Bean
    InMemoryStoreConfigSource fakeStores() {
        return new InMemoryStoreConfigSource(List.of(
                account("acme", "shop-us", "fake-shop", Map.of("api-token", "s3cr3t-shop-us-token")),
                account("acme", "shop-eu", "fake-shop", Map.of()),
                account("acme", "pos-main", "fake-pos", Map.of()),
                account("acme", "amazon-us", "fake-market", Map.of()),
                account("acme", "desk", "fake-desk", Map.of())));
    }

    private static AccountDefinition account(String store, String id, String connector, Map<String, Object> config) {
        return new AccountDefinition("test", store, id, connector, true, config, List.of());
    }
}

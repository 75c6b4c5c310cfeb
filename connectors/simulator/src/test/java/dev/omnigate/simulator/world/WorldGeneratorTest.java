package dev.omnigate.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.simulator.SandboxOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class WorldGeneratorTest {

    private static DemoWorld world;

    @BeforeAll
    static void generate() {
        world = WorldGenerator.generate(SandboxOptions.DEFAULT_SEED);
    }

    @Test
    void sameSeedGivesAnEqualWorld() {
        DemoWorld again = WorldGenerator.generate(SandboxOptions.DEFAULT_SEED);
        assertThat(again).isEqualTo(world);
        assertThat(again.hashCode()).isEqualTo(world.hashCode());
        assertThat(again.orders()).isEqualTo(world.orders());
        assertThat(again.people()).isEqualTo(world.people());
    }

    @Test
    void anotherSeedGivesAnotherWorldButTheSameAva() {
        DemoWorld other = WorldGenerator.generate(SandboxOptions.DEFAULT_SEED + 1);
        assertThat(other).isNotEqualTo(world);
        assertThat(other.people()).isNotEqualTo(world.people());
        // Ava's records are fixed by hand; only ids handed out in sequence (Shopify's customer id) may move
        assertThat(other.ava()).usingRecursiveComparison().ignoringFields("presences").isEqualTo(world.ava());
        assertThat(other.ava().presences()).extracting(ChannelPresence::channel, ChannelPresence::emails, ChannelPresence::phone)
                .isEqualTo(world.ava().presences().stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.channel(), p.emails(), p.phone())).toList());
    }

    @Test
    void holdsEnoughPeopleSkusAndLocations() {
        assertThat(world.people()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(world.skus()).hasSizeGreaterThanOrEqualTo(40);
        List<Location> shopify = world.locationsOn(Channel.SHOPIFY);
        assertThat(shopify).hasSizeGreaterThanOrEqualTo(5);
        assertThat(shopify).filteredOn(l -> l.kind() == LocationKind.WAREHOUSE).hasSizeGreaterThanOrEqualTo(2);
        assertThat(shopify).filteredOn(l -> l.kind() == LocationKind.STORE).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(store -> {
                    assertThat(store.offersPickup()).isTrue();
                    assertThat(store.address().countryCode()).isEqualTo("US");
                });
        assertThat(world.products()).anySatisfy(p -> assertThat(p.optionNames()).contains("Size"));
        assertThat(world.skus()).anySatisfy(s -> assertThat(s.compareAtPrice()).isNotNull())
                .allSatisfy(s -> assertThat(s.price().scale()).isEqualTo(2));
    }

    @Test
    void orderTotalsAddUpExactly() {
        assertThat(world.orders()).isNotEmpty().allSatisfy(order -> {
            BigDecimal lines = order.lines().stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(order.subtotal()).isEqualByComparingTo(lines);
            assertThat(order.total()).isEqualByComparingTo(order.subtotal().add(order.shipping()).add(order.tax()));
            assertThat(order.refunded()).isLessThanOrEqualTo(order.total());
        });
    }

    @Test
    void everyDateLiesWithinTheCalendar() {
        assertThat(world.orders()).allSatisfy(order -> {
            assertThat(order.createdAt()).isAfterOrEqualTo(DemoWorld.CALENDAR_START).isBefore(DemoWorld.CALENDAR_END);
            assertThat(order.updatedAt()).isAfterOrEqualTo(order.createdAt()).isBefore(DemoWorld.CALENDAR_END);
        });
        assertThat(world.tickets()).allSatisfy(t -> assertThat(t.createdAt()).isBefore(DemoWorld.CALENDAR_END));
        assertThat(world.orders().getFirst().createdAt()).isBefore(DemoWorld.CALENDAR_START.plusSeconds(86_400L * 31));
        assertThat(world.orders().getLast().createdAt()).isAfter(DemoWorld.CALENDAR_END.minusSeconds(86_400L * 31));
    }

    @Test
    void ordersCoverEveryStatusAndFulfilmentMethod() {
        List<Order> shopify = world.ordersOn(Channel.SHOPIFY);
        assertThat(shopify).extracting(Order::fulfillmentStatus).contains(FulfillmentStatus.values());
        assertThat(shopify).extracting(Order::financialStatus)
                .contains(FinancialStatus.PAID, FinancialStatus.REFUNDED, FinancialStatus.VOIDED);
        assertThat(shopify).filteredOn(Order::isCancelled).isNotEmpty();
        assertThat(shopify).filteredOn(Order::isOpen).hasSizeGreaterThanOrEqualTo(5);
        assertThat(shopify.stream().filter(o -> o.fulfillmentStatus() == FulfillmentStatus.FULFILLED && !o.isCancelled()).count())
                .isGreaterThan(shopify.size() / 2);
        assertThat(shopify).extracting(Order::method).contains(FulfillmentMethod.SHIPPING, FulfillmentMethod.PICKUP);
        assertThat(shopify).filteredOn(o -> o.method() == FulfillmentMethod.PICKUP)
                .allSatisfy(o -> assertThat(world.location(o.locationKey()).offersPickup()).isTrue());
        assertThat(world.ordersOn(Channel.AMAZON)).isNotEmpty()
                .allSatisfy(o -> assertThat(o.method()).isEqualTo(FulfillmentMethod.MARKETPLACE_FULFILLED));
        assertThat(world.ordersOn(Channel.POS)).isNotEmpty();
        assertThat(world.ordersOn(Channel.TIKTOK_SHOP)).isNotEmpty();
    }

    @Test
    void aThirdOfThePeopleAreOnSeveralChannelsWithTheirVariations() {
        long multi = world.people().stream().filter(Person::isMultiChannel).count();
        assertThat(multi * 3).isGreaterThanOrEqualTo(world.people().size());
        long onShopify = world.people().stream().filter(p -> p.presenceOn(Channel.SHOPIFY).isPresent()).count();
        assertThat(onShopify * 4).isGreaterThan(world.people().size() * 3L);
        assertThat(world.people()).anySatisfy(p -> assertThat(p.phone()).isNull());
        assertThat(world.people()).anySatisfy(p -> assertThat(p.secondEmail()).isNotNull());
        List<String> posEmails = world.people().stream().flatMap(p -> p.presenceOn(Channel.POS).stream())
                .map(ChannelPresence::primaryEmail).filter(e -> e != null).toList();
        assertThat(posEmails).anySatisfy(e -> assertThat(e).isNotEqualTo(e.strip()))
                .anySatisfy(e -> assertThat(e).isNotEqualTo(e.toLowerCase(Locale.ROOT)));
        Set<String> phoneFormats = world.people().stream().flatMap(p -> p.presences().stream())
                .map(ChannelPresence::phone).filter(ph -> ph != null)
                .map(ph -> ph.replaceAll("\\d", "9")).collect(Collectors.toSet());
        assertThat(phoneFormats).contains("(999) 999-9999", "999.999.9999", "+9 999 999 9999", "+99999999999");
        assertThat(world.orders()).filteredOn(o -> o.channel() == Channel.AMAZON)
                .allSatisfy(o -> assertThat(o.buyerEmail()).endsWith("@marketplace.amazon.com"));
        assertThat(world.people()).allSatisfy(p -> p.presenceOn(Channel.SHOPIFY).ifPresent(s -> {
            assertThat(s.primaryEmail()).isEqualTo(s.primaryEmail().strip().toLowerCase(Locale.ROOT));
            if (s.phone() != null) {
                assertThat(s.phone()).matches("\\+1\\d{10}");
            }
        }));
    }

    @Test
    void stockIsConsistentWithOpenOrders() {
        assertThat(world.stock()).allSatisfy(s -> {
            assertThat(s.available()).isEqualTo(s.onHand() - s.committed()).isNotNegative();
            assertThat(world.findSku(s.sku())).isPresent();
        });
        Order avaOpen = world.ordersOf(DemoWorld.AVA_KEY).stream()
                .filter(o -> o.channel() == Channel.SHOPIFY && o.isOpen()).findFirst().orElseThrow();
        OrderLine line = avaOpen.lines().getFirst();
        assertThat(world.stockOf(line.sku(), avaOpen.locationKey()).orElseThrow().committed())
                .isGreaterThanOrEqualTo(line.unfulfilledQuantity()).isPositive();
        assertThat(world.stock()).anySatisfy(s -> assertThat(s.incoming()).isPositive());
    }

    @Test
    void avaChenHasHerWholeStoryOnEveryChannel() {
        Person ava = world.ava();
        assertThat(ava.fullName()).isEqualTo("Ava Chen");
        assertThat(ava.email()).isEqualTo("ava.chen@example.com");
        assertThat(ava.phone()).isEqualTo("+14155550142");
        assertThat(ava.presences()).extracting(ChannelPresence::channel).containsExactly(Channel.values());

        List<Order> orders = world.ordersOf(ava.key());
        List<Order> shopify = orders.stream().filter(o -> o.channel() == Channel.SHOPIFY).toList();
        assertThat(shopify).hasSizeGreaterThanOrEqualTo(2);
        assertThat(shopify).anySatisfy(o -> {
            assertThat(o.method()).isEqualTo(FulfillmentMethod.SHIPPING);
            assertThat(o.fulfillmentStatus()).isEqualTo(FulfillmentStatus.FULFILLED);
        });
        assertThat(shopify).anySatisfy(o -> {
            assertThat(o.method()).isEqualTo(FulfillmentMethod.PICKUP);
            assertThat(o.fulfillmentStatus()).isEqualTo(FulfillmentStatus.FULFILLED);
            assertThat(world.location(o.locationKey()).kind()).isEqualTo(LocationKind.STORE);
        });

        Order amazon = single(orders, Channel.AMAZON);
        assertThat(amazon.method()).isEqualTo(FulfillmentMethod.MARKETPLACE_FULFILLED);
        assertThat(amazon.buyerEmail()).endsWith("@marketplace.amazon.com");
        Order tiktok = single(orders, Channel.TIKTOK_SHOP);
        assertThat(tiktok.buyerEmail()).isNotEqualTo(ava.email()).contains("tiktok");
        Order pos = single(orders, Channel.POS);
        assertThat(pos.method()).isEqualTo(FulfillmentMethod.PICKUP);
        assertThat(world.location(pos.locationKey()).kind()).isEqualTo(LocationKind.STORE);
        assertThat(pos.buyerEmail()).isNotEqualTo(ava.email()).isEqualToIgnoringCase(" " + ava.email() + " ");

        ChannelPresence helpdesk = ava.presenceOn(Channel.HELPDESK).orElseThrow();
        assertThat(helpdesk.emails()).extracting(ChannelEmail::normalized)
                .containsExactlyInAnyOrder(ava.email(), amazon.buyerEmail().toLowerCase(Locale.ROOT),
                        tiktok.buyerEmail().toLowerCase(Locale.ROOT));
        assertThat(helpdesk.emails()).filteredOn(e -> e.kind() == EmailKind.MARKETPLACE_RELAY).hasSize(2);

        List<Ticket> tickets = world.ticketsOf(ava.key());
        assertThat(tickets).hasSize(2);
        assertThat(tickets).anySatisfy(t -> {
            assertThat(t.orderKey()).isEqualTo(amazon.key());
            assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        });
        assertThat(tickets).anySatisfy(t -> {
            assertThat(t.orderKey()).isEqualTo(tiktok.key());
            assertThat(t.status()).isEqualTo(TicketStatus.SOLVED);
        });
    }

    private static Order single(List<Order> orders, Channel channel) {
        List<Order> on = orders.stream().filter(o -> o.channel() == channel).toList();
        assertThat(on).hasSize(1);
        return on.getFirst();
    }
}

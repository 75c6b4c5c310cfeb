package dev.omnigate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.model.Address;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.connector.api.model.EmailAddress;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.GeoPoint;
import dev.omnigate.connector.api.model.InventoryLevel;
import dev.omnigate.connector.api.model.Location;
import dev.omnigate.connector.api.model.LocationKind;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderLine;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.PhoneNumber;
import dev.omnigate.connector.api.model.Price;
import dev.omnigate.connector.api.model.SourceRef;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.connector.api.model.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The L2 wire format: every SPI value shape survives the round trip exactly; what it cannot read decodes to empty. */
final class L2CodecTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00.123456789Z");
    private static final SourceRef SOURCE = new SourceRef(Channel.AMAZON, "amazon", "demo-amazon", "114-3941689-8772232");

    private final L2Codec codec = new L2Codec();

    static Stream<Arguments> values() {
        Order order = new Order(SOURCE, "#1001", "cust-9007199254740993", EmailAddress.relay("x1@marketplace.amazon.com", Channel.AMAZON),
                AT, null, OrderStatus.PARTIALLY_FULFILLED, "PartiallyShipped", FulfillmentMethod.MARKETPLACE_FULFILLED,
                Money.of("1234567890123.10", "USD"), List.of(new OrderLine("l1", "SKU-1", "Tee", 2, Money.of("10.5", "USD")),
                        new OrderLine(null, null, "Gift card", 1, Money.ofMinorUnits(1099, "JPY"))), "loc-1");
        Ticket ticket = new Ticket(SOURCE.withNativeId("t-1"), "req-1", EmailAddress.personal("ava@example.com"), "Where is my order?",
                TicketStatus.ON_HOLD, "hold", AT, AT.plusSeconds(5), "114-3941689-8772232");
        Customer customer = new Customer(SOURCE.withNativeId("c-1"), "Ava Chen", "Ava", "Chen", List.of(EmailAddress.personal("ava@example.com")),
                List.of(new PhoneNumber("+1 ***-***-0100", true)), new Address("1 Main St", null, "Portland", "OR", "97201", "US"), AT, null);
        return Stream.of(
                Arguments.of("prices.getBySkus", List.of(new Price(SOURCE, "SKU-1", "Tee", Money.of("19.90", "EUR"), Money.of("25", "EUR")))),
                Arguments.of("inventory.getBySkus", List.of(new InventoryLevel(SOURCE, "SKU-1", "loc-1", 10, 2, 8, 0, AT))),
                Arguments.of("locations.getByIds", new Location(SOURCE.withNativeId("loc-1"), "Portland store", LocationKind.STORE,
                        new Address("1 Main St", "Suite 2", "Portland", "OR", "97201", "US"), new GeoPoint(45.5152, -122.6784), true)),
                Arguments.of("customers.getByIds", customer),
                Arguments.of("orders.getByIds", order),
                Arguments.of("orders.getByCustomerIds", List.of(order, order)),
                Arguments.of("tickets.getByIds", ticket),
                Arguments.of("tickets.getByRequesterIds", List.of(ticket)),
                Arguments.of("prices.getBySkus", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void everyValueShapeSurvivesTheRoundTripWithItsStoredAtTime(String operation, Object value) {
        String json = codec.encode(operation, value, AT).orElseThrow();

        assertThat(codec.decode(operation, json)).hasValueSatisfying(stored -> {
            assertThat(stored.value()).isEqualTo(value);
            assertThat(stored.storedAt()).isEqualTo(AT);
        });
        assertThat(json).startsWith("{\"v\":" + L2Codec.FORMAT_VERSION + ",\"op\":\"" + operation + "\"");
    }

    @Test
    void moneyIsWrittenAsAPlainDecimalWithItsCurrencyCodeAndNothingElse() {
        String json = codec.encode("prices.getBySkus", List.of(new Price(SOURCE, "SKU-1", null, Money.of("1E+3", "USD"), null)), AT)
                .orElseThrow();

        assertThat(json).contains("\"price\":{\"amount\":1000.00,\"currency\":\"USD\"}");
    }

    @Test
    void whatThisVersionCannotReadDecodesToEmpty() {
        String good = codec.encode("prices.getBySkus", List.of(), AT).orElseThrow();

        assertThat(codec.decode("prices.getBySkus", good)).isPresent();
        assertThat(codec.decode("inventory.getBySkus", good)).as("another operation's entry").isEmpty();
        assertThat(codec.decode("prices.getBySkus", good.replace("\"v\":1", "\"v\":2"))).as("another format version").isEmpty();
        assertThat(codec.decode("prices.getBySkus", "{\"v\":1,\"op\":\"prices.getBySkus\",\"at\":\"yesterday\",\"value\":[]}")).isEmpty();
        assertThat(codec.decode("orders.getByIds", "{\"v\":1,\"op\":\"orders.getByIds\",\"at\":\"2026-11-27T12:00:00Z\",\"value\":{}}"))
                .as("a record missing required fields").isEmpty();
        assertThat(codec.decode("prices.getBySkus", "garbage")).isEmpty();
        assertThat(codec.decode("customers.search", good)).as("an operation that is never cached").isEmpty();
    }
}

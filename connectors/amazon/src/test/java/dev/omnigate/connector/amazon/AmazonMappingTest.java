package dev.omnigate.connector.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.omnigate.connector.amazon.mapping.AmazonMoney;
import dev.omnigate.connector.amazon.mapping.AmazonOrderMapper;
import dev.omnigate.connector.api.error.ConnectorException;
import dev.omnigate.connector.api.error.ErrorCategory;
import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.toolkit.SourceRefs;
import dev.omnigate.connector.toolkit.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Amazon's three money shapes, status mapping and relay addresses, on bodies written after the models. */
final class AmazonMappingTest {

    private final AmazonOrderMapper mapper = new AmazonOrderMapper(new SourceRefs(Channel.AMAZON, "amazon", "unit"));

    private static JsonNode json(String text) {
        return Json.mapper().readTree(text);
    }

    @Test
    void moneyInEachOfAmazonsShapesParsesExactly() {
        // Orders v0 Money (ordersV0.json), Orders 2026 / Listings Money, Product Pricing v0 MoneyType (number)
        assertThat(AmazonMoney.parse(json("{\"CurrencyCode\":\"USD\",\"Amount\":\"11.01\"}"), "v0"))
                .isEqualTo(Money.of("11.01", "USD"));
        assertThat(AmazonMoney.parse(json("{\"amount\":\"154.99\",\"currencyCode\":\"USD\"}"), "2026"))
                .isEqualTo(Money.of("154.99", "USD"));
        Money number = AmazonMoney.parse(json("{\"CurrencyCode\":\"USD\",\"Amount\":0.1000000000000000055511151231257827}"), "pricing");
        assertThat(number.amount()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
        assertThat(AmazonMoney.parse(json("{\"currencyCode\":\"JPY\",\"amount\":19940}"), "2022-05-01").amount())
                .isEqualByComparingTo("19940");
    }

    @Test
    void malformedMoneyIsABadResponseNamingTheField() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> AmazonMoney.parse(json("{\"amount\":\"12,50\",\"currencyCode\":\"EUR\"}"), "order 1 proceeds.grandTotal"));
        assertThat(e.category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("order 1 proceeds.grandTotal");
        assertThat(catchThrowableOfType(ConnectorException.class,
                () -> AmazonMoney.parse(json("{\"amount\":\"1.00\",\"currencyCode\":\"XYZ1\"}"), "x")).category())
                .isEqualTo(ErrorCategory.BAD_RESPONSE);
    }

    @Test
    void anUnknownStatusKeepsItsRawValueAndMapsToUnknown() {
        Order order = mapper.map(json("""
                {"orderId":"111-1111111-1111111","createdTime":"2025-01-01T00:00:00Z","lastUpdatedTime":"2025-01-02T00:00:00Z",
                 "salesChannel":{"channelName":"AMAZON","marketplaceId":"ATVPDKIKX0DER"},
                 "fulfillment":{"fulfillmentStatus":"TELEPORTED","fulfilledBy":"AMAZON"},
                 "orderItems":[{"orderItemId":"1","quantityOrdered":2,"product":{"sellerSku":"S","title":"T",
                   "price":{"unitPrice":{"amount":"5.25","currencyCode":"USD"}}}}]}
                """));
        assertThat(order.status()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(order.rawStatus()).isEqualTo("TELEPORTED");
        assertThat(order.total()).as("sum of lines without proceeds").isEqualTo(Money.of("10.50", "USD"));
        assertThat(order.locationId()).isEqualTo("FBA:ATVPDKIKX0DER");
    }

    @Test
    void statusesOfTheModelMapOneToOne() {
        assertThat(AmazonOrderMapper.status("PENDING_AVAILABILITY")).isEqualTo(OrderStatus.PENDING);
        assertThat(AmazonOrderMapper.status("PENDING")).isEqualTo(OrderStatus.PENDING);
        assertThat(AmazonOrderMapper.status("UNSHIPPED")).isEqualTo(OrderStatus.OPEN);
        assertThat(AmazonOrderMapper.status("PARTIALLY_SHIPPED")).isEqualTo(OrderStatus.PARTIALLY_FULFILLED);
        assertThat(AmazonOrderMapper.status("SHIPPED")).isEqualTo(OrderStatus.FULFILLED);
        assertThat(AmazonOrderMapper.status("CANCELLED")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(AmazonOrderMapper.status("UNFULFILLABLE")).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void aBuyerEmailIsAlwaysAnAmazonRelay() {
        Order order = mapper.map(json("""
                {"orderId":"111-1111111-1111112","createdTime":"2025-01-01T00:00:00Z","lastUpdatedTime":"2025-01-01T00:00:00Z",
                 "salesChannel":{"channelName":"AMAZON"},"buyer":{"buyerEmail":"q4k8m2x7v1c9d3nb@marketplace.amazon.com"},
                 "proceeds":{"grandTotal":{"amount":"1.00","currencyCode":"USD"}},
                 "fulfillment":{"fulfillmentStatus":"UNSHIPPED","fulfilledBy":"MERCHANT"},"orderItems":[]}
                """));
        assertThat(order.buyerEmail().isRelay()).isTrue();
        assertThat(order.buyerEmail().relayOf()).isEqualTo(Channel.AMAZON);
        assertThat(order.locationId()).isNull();
    }

    @Test
    void anOrderWithoutItemsArrayIsABadResponse() {
        assertThat(catchThrowableOfType(ConnectorException.class, () -> mapper.map(json(
                "{\"orderId\":\"1\",\"createdTime\":\"2025-01-01T00:00:00Z\"}"))).category()).isEqualTo(ErrorCategory.BAD_RESPONSE);
    }
}

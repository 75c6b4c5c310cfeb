package dev.omnigate.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.FulfillmentMethod;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderStatus;
import dev.omnigate.connector.api.model.SourceRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CustomerMetricsTest {

    private static Order order(String id, Channel channel, String at, String amount, String currency, OrderStatus status) {
        return new Order(new SourceRef(channel, "c", "a", id), null, null, null, Instant.parse(at), null, status, status.name(),
                FulfillmentMethod.SHIPPING, Money.of(amount, currency), List.of(), null);
    }

    @Test
    void noOrdersMeansNoValueAndNoDates() {
        CustomerMetrics metrics = CustomerMetrics.none();

        assertThat(metrics.orderCount()).isZero();
        assertThat(metrics.lifetimeValue()).isNull();
        assertThat(metrics.lifetimeValueByCurrency()).isEmpty();
        assertThat(metrics.firstOrderAt()).isNull();
        assertThat(metrics.channels()).isEmpty();
    }

    @Test
    void sumsExactlyAndLeavesCancelledAndRefundedOrdersOutOfTheValue() {
        CustomerMetrics metrics = CustomerMetrics.of(List.of(
                order("1", Channel.SHOPIFY, "2025-01-01T00:00:00Z", "0.10", "USD", OrderStatus.FULFILLED),
                order("2", Channel.AMAZON, "2025-02-01T00:00:00Z", "0.20", "USD", OrderStatus.OPEN),
                order("3", Channel.POS, "2025-03-01T00:00:00Z", "99.99", "USD", OrderStatus.CANCELLED),
                order("4", Channel.SHOPIFY, "2024-12-01T00:00:00Z", "50.00", "USD", OrderStatus.REFUNDED)));

        assertThat(metrics.orderCount()).isEqualTo(4);
        assertThat(metrics.lifetimeValue()).isEqualTo(Money.of("0.30", "USD"));
        assertThat(metrics.lifetimeValue().amount().toPlainString()).isEqualTo("0.30");
        assertThat(metrics.firstOrderAt()).isEqualTo(Instant.parse("2024-12-01T00:00:00Z"));
        assertThat(metrics.lastOrderAt()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(metrics.channels()).containsExactly(Channel.SHOPIFY, Channel.AMAZON, Channel.POS);
    }

    @Test
    void theMainCurrencyIsTheOneMostOrdersUseThenTheNewestOnATie() {
        CustomerMetrics majority = CustomerMetrics.of(List.of(
                order("1", Channel.SHOPIFY, "2025-01-01T00:00:00Z", "10.00", "EUR", OrderStatus.OPEN),
                order("2", Channel.SHOPIFY, "2025-01-02T00:00:00Z", "10.00", "EUR", OrderStatus.OPEN),
                order("3", Channel.SHOPIFY, "2025-06-01T00:00:00Z", "500.00", "USD", OrderStatus.OPEN)));
        CustomerMetrics tie = CustomerMetrics.of(List.of(
                order("1", Channel.SHOPIFY, "2025-01-01T00:00:00Z", "10.00", "EUR", OrderStatus.OPEN),
                order("2", Channel.SHOPIFY, "2025-06-01T00:00:00Z", "1000", "JPY", OrderStatus.OPEN)));

        assertThat(majority.lifetimeValue()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(majority.lifetimeValueByCurrency()).containsExactly(Money.of("20.00", "EUR"), Money.of("500.00", "USD"));
        assertThat(tie.lifetimeValue()).isEqualTo(Money.of("1000", "JPY"));
    }

    @Test
    void aRepeatCustomerPlacedTwoOrdersThatWereNotCancelled() {
        assertThat(CustomerMetrics.of(List.of(
                order("1", Channel.SHOPIFY, "2025-01-01T00:00:00Z", "10.00", "USD", OrderStatus.FULFILLED),
                order("2", Channel.POS, "2025-02-01T00:00:00Z", "10.00", "USD", OrderStatus.CANCELLED))).repeatCustomer()).isFalse();
        assertThat(CustomerMetrics.of(List.of(
                order("1", Channel.SHOPIFY, "2025-01-01T00:00:00Z", "10.00", "USD", OrderStatus.FULFILLED),
                order("2", Channel.AMAZON, "2025-02-01T00:00:00Z", "10.00", "USD", OrderStatus.REFUNDED))).repeatCustomer()).isTrue();
        assertThat(CustomerMetrics.none().repeatCustomer()).isFalse();
    }
}

package dev.omnigate.gateway.identity;

import dev.omnigate.connector.api.model.Channel;
import dev.omnigate.connector.api.model.Money;
import dev.omnigate.connector.api.model.Order;
import dev.omnigate.connector.api.model.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures over a profile's orders.
 *
 * <p>Currency rule: money is never converted. Orders that count towards value (neither CANCELLED nor
 * REFUNDED) are summed per currency; {@code lifetimeValue} is the sum in the currency most of them use (on a
 * tie, the currency of the newest such order), and {@code lifetimeValueByCurrency} lists every currency's
 * sum, largest order count first.
 *
 * @param orderCount every order, cancelled and refunded ones included
 * @param lifetimeValue the main currency's sum; null when no order counts towards value
 * @param lifetimeValueByCurrency every currency's sum
 * @param firstOrderAt the oldest order's creation time; null without orders
 * @param lastOrderAt the newest order's creation time; null without orders
 * @param channels the channels ordered on, in {@link Channel} order
 * @param repeatCustomer whether the person placed at least two orders that were not cancelled (on any channels)
 */
public record CustomerMetrics(int orderCount, Money lifetimeValue, List<Money> lifetimeValueByCurrency, Instant firstOrderAt,
        Instant lastOrderAt, List<Channel> channels, boolean repeatCustomer) {

    private static final Set<OrderStatus> WITHOUT_VALUE = EnumSet.of(OrderStatus.CANCELLED, OrderStatus.REFUNDED);

    public static CustomerMetrics of(List<Order> orders) {
        Instant first = null;
        Instant last = null;
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Order order : orders) {
            channels.add(order.source().channel());
            first = first == null || order.createdAt().isBefore(first) ? order.createdAt() : first;
            last = last == null || order.createdAt().isAfter(last) ? order.createdAt() : last;
        }

        record CurrencyTotal(String currency, Money sum, int count, Instant newest) {
        }
        Map<String, CurrencyTotal> totals = new LinkedHashMap<>();
        for (Order order : orders) {
            if (WITHOUT_VALUE.contains(order.status())) {
                continue;
            }
            Money total = order.total();
            totals.merge(total.currencyCode(), new CurrencyTotal(total.currencyCode(), total, 1, order.createdAt()),
                    (kept, added) -> new CurrencyTotal(kept.currency(), kept.sum().plus(added.sum()), kept.count() + 1,
                            kept.newest().isAfter(added.newest()) ? kept.newest() : added.newest()));
        }
        List<CurrencyTotal> ranked = new ArrayList<>(totals.values());
        ranked.sort(Comparator.comparingInt(CurrencyTotal::count).reversed()
                .thenComparing(CurrencyTotal::newest, Comparator.reverseOrder())
                .thenComparing(CurrencyTotal::currency));
        List<Money> byCurrency = ranked.stream().map(CurrencyTotal::sum).toList();
        long placed = orders.stream().filter(order -> order.status() != OrderStatus.CANCELLED).count();
        return new CustomerMetrics(orders.size(), byCurrency.isEmpty() ? null : byCurrency.getFirst(), byCurrency, first, last,
                List.copyOf(channels), placed >= 2);
    }

    /** The value of no orders. */
    public static CustomerMetrics none() {
        return of(List.of());
    }

}

package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order on one channel. Money is exact: {@code subtotal} is the sum of the line totals and
 * {@code total = subtotal + shipping + tax}.
 *
 * @param key the world's stable key, e.g. {@code O00042}
 * @param channel the channel it was placed on
 * @param nativeId the channel's id for it (Shopify: legacy numeric id; Amazon: {@code 113-1234567-1234567}; ...)
 * @param displayName what the channel shows, e.g. Shopify's {@code #1042}; the native id elsewhere
 * @param personKey the buyer's {@link Person#key()}
 * @param buyerEmail the buyer's e-mail exactly as this channel recorded it on the order (a relay on marketplaces), or null
 * @param buyerPhone the buyer's phone as this channel recorded it, or null
 * @param createdAt when it was placed
 * @param updatedAt when it last changed
 * @param cancelledAt when it was cancelled, or null
 * @param closedAt when it was closed (everything done), or null while open
 * @param financialStatus payment state
 * @param fulfillmentStatus fulfilment state
 * @param method how it reaches the customer
 * @param locationKey the location that fulfils it (warehouse, pickup store, till store or FBA centre)
 * @param shippingAddress where it ships; null for pickup and in-store sales
 * @param lines the order lines
 * @param subtotal sum of line totals
 * @param shipping shipping charged
 * @param tax sales tax charged
 * @param total subtotal + shipping + tax
 * @param refunded money returned to the buyer
 */
public record Order(String key, Channel channel, String nativeId, String displayName, String personKey,
        String buyerEmail, String buyerPhone, Instant createdAt, Instant updatedAt, Instant cancelledAt,
        Instant closedAt, FinancialStatus financialStatus, FulfillmentStatus fulfillmentStatus,
        FulfillmentMethod method, String locationKey, PostalAddress shippingAddress, List<OrderLine> lines,
        BigDecimal subtotal, BigDecimal shipping, BigDecimal tax, BigDecimal total, BigDecimal refunded) {

    public Order {
        requireNonNull(key, "key is null");
        requireNonNull(channel, "channel is null");
        requireNonNull(nativeId, "nativeId is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(personKey, "personKey is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        requireNonNull(financialStatus, "financialStatus is null");
        requireNonNull(fulfillmentStatus, "fulfillmentStatus is null");
        requireNonNull(method, "method is null");
        requireNonNull(locationKey, "locationKey is null");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("order " + key + " has no lines");
        }
        BigDecimal sum = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(subtotal) != 0 || subtotal.add(shipping).add(tax).compareTo(total) != 0) {
            throw new IllegalArgumentException("order " + key + " totals do not add up: lines " + sum
                    + ", subtotal " + subtotal + ", shipping " + shipping + ", tax " + tax + ", total " + total);
        }
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /** Neither cancelled nor closed: still to be fulfilled or paid. */
    public boolean isOpen() {
        return cancelledAt == null && closedAt == null;
    }
}

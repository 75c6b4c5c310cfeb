package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

/**
 * One line of an order.
 *
 * @param nativeId the vendor's line id; nullable
 * @param sku the seller SKU; nullable when the vendor line has none (custom items)
 * @param title product title as shown on the order
 * @param quantity units ordered, at least 0
 * @param unitPrice price of one unit before order-level discounts; nullable when unknown
 * @since 1.0
 */
public record OrderLine(String nativeId, String sku, String title, int quantity, Money unitPrice) {

    public OrderLine {
        requireNonNull(title, "title is null");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be >= 0, but was " + quantity);
        }
    }
}

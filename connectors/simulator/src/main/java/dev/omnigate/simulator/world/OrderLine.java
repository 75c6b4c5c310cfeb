package dev.omnigate.simulator.world;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param sku the SKU sold
 * @param productTitle the product title at the time of sale
 * @param variantTitle the variant title, e.g. "Glacier / M"
 * @param quantity units ordered
 * @param currentQuantity units still on the order after refunds and cancellations
 * @param fulfilledQuantity units shipped or handed over
 * @param unitPrice the price of one unit (exact, two decimals)
 */
public record OrderLine(String sku, String productTitle, String variantTitle, int quantity, int currentQuantity,
        int fulfilledQuantity, BigDecimal unitPrice) {

    public OrderLine {
        requireNonNull(sku, "sku is null");
        requireNonNull(productTitle, "productTitle is null");
        requireNonNull(variantTitle, "variantTitle is null");
        requireNonNull(unitPrice, "unitPrice is null");
        if (quantity <= 0 || currentQuantity < 0 || currentQuantity > quantity
                || fulfilledQuantity < 0 || fulfilledQuantity > quantity) {
            throw new IllegalArgumentException("inconsistent quantities on line " + sku + ": ordered " + quantity
                    + ", current " + currentQuantity + ", fulfilled " + fulfilledQuantity);
        }
    }

    /** unit price × quantity ordered. */
    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** Units neither fulfilled nor removed from the order. */
    public int unfulfilledQuantity() {
        return Math.max(0, currentQuantity - fulfilledQuantity);
    }
}

package dev.omnigate.connector.api.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact amount of money in an ISO 4217 currency. Never a double.
 *
 * <p>The amount's scale is raised to the currency's number of minor digits ({@code "11884.9" CAD}
 * becomes {@code 11884.90}); a larger scale is kept as the vendor sent it, never rounded.
 *
 * @param amount the exact amount
 * @param currency the ISO 4217 currency
 * @since 1.0
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        requireNonNull(amount, "amount is null");
        requireNonNull(currency, "currency is null");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.scale() < digits) {
            amount = amount.setScale(digits);
        }
    }

    /**
     * @param amount a decimal string such as {@code "100.57"}
     * @param currencyCode an ISO 4217 code such as {@code "USD"}
     * @throws IllegalArgumentException if either is malformed; the message names which
     */
    public static Money of(String amount, String currencyCode) {
        requireNonNull(amount, "amount is null");
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("money amount must be a decimal number, but was '" + amount + "'", e);
        }
        return new Money(parsed, currency(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /**
     * From an integer amount in the currency's minor unit (Square's {@code {"amount": 1099, "currency": "USD"}}),
     * using the currency's real number of decimals: 1099 USD is 10.99, 1099 JPY is 1099.
     */
    public static Money ofMinorUnits(long minorUnits, String currencyCode) {
        Currency currency = currency(currencyCode);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(BigDecimal.valueOf(minorUnits, digits), currency);
    }

    public static Money zero(String currencyCode) {
        return new Money(BigDecimal.ZERO, currency(currencyCode));
    }

    private static Currency currency(String code) {
        requireNonNull(code, "currency code is null");
        try {
            return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, but was '" + code + "'", e);
        }
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** @throws IllegalArgumentException when the currencies differ */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currencyCode() + " to " + currencyCode());
        }
    }

    /** Equal when the currencies match and the amounts are numerically equal (10.5 equals 10.50). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && currency.equals(money.currency) && amount.compareTo(money.amount) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currencyCode();
    }
}

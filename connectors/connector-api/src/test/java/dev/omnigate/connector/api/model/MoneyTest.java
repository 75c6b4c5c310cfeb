package dev.omnigate.connector.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

final class MoneyTest {

    @Test
    void padsToTheCurrencysMinorDigitsWithoutRounding() {
        assertThat(Money.of("11884.9", "CAD").amount()).isEqualByComparingTo("11884.90");
        assertThat(Money.of("11884.9", "CAD").amount().scale()).isEqualTo(2);
        assertThat(Money.of("0.125", "USD").amount()).isEqualTo(new BigDecimal("0.125"));
        assertThat(Money.of("500", "JPY").amount().scale()).isZero();
    }

    @Test
    void convertsMinorUnitsWithTheCurrencysRealDecimals() {
        assertThat(Money.ofMinorUnits(1099, "USD")).isEqualTo(Money.of("10.99", "USD"));
        assertThat(Money.ofMinorUnits(1099, "JPY")).isEqualTo(Money.of("1099", "JPY"));
        assertThat(Money.ofMinorUnits(1099, "KWD")).isEqualTo(Money.of("1.099", "KWD"));
    }

    @Test
    void equalityIsNumericWithinACurrency() {
        assertThat(Money.of("10.5", "USD")).isEqualTo(Money.of("10.50", "USD")).hasSameHashCodeAs(Money.of("10.50", "USD"));
        assertThat(Money.of("10.5", "USD")).isNotEqualTo(Money.of("10.5", "EUR"));
    }

    @Test
    void arithmeticRefusesToMixCurrencies() {
        assertThat(Money.of("1.10", "usd").plus(Money.of("2.20", "USD"))).isEqualTo(Money.of("3.30", "USD"));
        assertThat(Money.of("2.50", "EUR").times(3)).isEqualTo(Money.of("7.50", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR"))).hasMessage("cannot add EUR to USD");
    }

    @Test
    void malformedInputNamesWhatIsWrong() {
        assertThatThrownBy(() -> Money.of("12,50", "USD")).hasMessageContaining("decimal number").hasMessageContaining("12,50");
        assertThatThrownBy(() -> Money.of("1", "XYZ1")).hasMessageContaining("ISO 4217");
    }
}

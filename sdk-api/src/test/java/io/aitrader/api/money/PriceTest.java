package io.aitrader.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

  @Test
  void parsesRupeesIntoUnitsOfOneTenThousandth() {
    Price p = Price.of("2534.05");

    assertThat(p.units()).isEqualTo(25_340_500L);
    assertThat(p).isEqualTo(Price.ofUnits(25_340_500L));
  }

  @Test
  void acceptsFourDecimalPlacesAndSurroundingSpace() {
    assertThat(Price.of(" 0.0025 ").units()).isEqualTo(25L);
    assertThat(Price.of(new BigDecimal("1.2300")).units()).isEqualTo(12_300L);
  }

  @Test
  void rejectsMoreThanFourDecimalsNamingTheValue() {
    assertThatThrownBy(() -> Price.of("2534.05001"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 4 decimal places")
        .hasMessageContaining("2534.05001");
  }

  @Test
  void rejectsTextThatIsNotANumber() {
    assertThatThrownBy(() -> Price.of("12,5"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'12,5'");
    assertThatThrownBy(() -> Price.of(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not be blank");
  }

  @Test
  void rejectsValuesThatDoNotFitInALong() {
    assertThatThrownBy(() -> Price.of("1000000000000000000"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("1000000000000000000");
  }

  @Test
  void allowsZeroAndNegativePricesButTheyAreNotPositive() {
    Price zero = Price.of("0");
    Price negative = Price.of("-5.25");

    assertThat(zero).isEqualTo(Price.ZERO);
    assertThat(zero.isPositive()).isFalse();
    assertThat(negative.units()).isEqualTo(-52_500L);
    assertThat(negative.isPositive()).isFalse();
    assertThat(negative.toString()).isEqualTo("-5.25");
  }

  @Test
  void formatsWithAtLeastTwoDecimals() {
    assertThat(Price.of("100")).hasToString("100.00");
    assertThat(Price.ofRupees(100)).hasToString("100.00");
    assertThat(Price.of("0.0025")).hasToString("0.0025");
    assertThat(Price.of("2534.05")).hasToString("2534.05");
    assertThat(Price.of("2534.1")).hasToString("2534.10");
    assertThat(Price.ZERO).hasToString("0.00");
    assertThat(Price.format(12_345L)).isEqualTo("1.2345");
  }

  @Test
  void roundTripsThroughBigDecimal() {
    Price p = Price.of("2534.0525");

    assertThat(Price.of(p.toBigDecimal())).isEqualTo(p);
    assertThat(p.toBigDecimal()).isEqualByComparingTo("2534.0525");
  }

  @Test
  void checksMultiplesOfATickSize() {
    Price tick = Price.of("0.05");

    assertThat(Price.of("2534.05").isMultipleOf(tick)).isTrue();
    assertThat(Price.of("2534.03").isMultipleOf(tick)).isFalse();
    assertThat(Price.of("0.0050").isMultipleOf(Price.of("0.0025"))).isTrue();
    assertThatThrownBy(() -> Price.of("1").isMultipleOf(Price.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tickSize must be > 0");
  }

  @Test
  void multipliesByQuantityIntoExactMoney() {
    assertThat(Price.of("2534.05").times(10)).isEqualTo(Money.of("25340.50"));
  }

  @Test
  void addsAndSubtractsExactly() {
    assertThat(Price.of("0.1").plus(Price.of("0.2"))).isEqualTo(Price.of("0.3"));
    assertThat(Price.of("0.3").minus(Price.of("0.1"))).isEqualTo(Price.of("0.2"));
  }

  @Test
  void ordersByValue() {
    assertThat(Price.of("1.01")).isGreaterThan(Price.of("1.0099"));
  }

  @Test
  void convertsFeedDoublesToTheNearestUnit() {
    assertThat(Price.unitsOf(2534.05)).isEqualTo(25_340_500L);
    assertThat(Price.unitsOf(0.0025)).isEqualTo(25L);
    assertThatThrownBy(() -> Price.unitsOf(Double.NaN)).isInstanceOf(ValidationException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Price.unitsOf(1e30)).isInstanceOf(ValidationException.class).hasMessageContaining("1.0E30");
  }

  @Test
  void overflowThrowsInsteadOfWrapping() {
    assertThatThrownBy(() -> Price.ofUnits(Long.MAX_VALUE).plus(Price.ofUnits(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Price.ofRupees(Long.MAX_VALUE / 100)).isInstanceOf(ArithmeticException.class);
  }
}

package io.aitrader.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void addsSubtractsAndNegatesExactly() {
    Money a = Money.of("0.10");
    Money b = Money.of("0.20");

    assertThat(a.plus(b)).isEqualTo(Money.of("0.30"));
    assertThat(a.minus(b)).isEqualTo(Money.of("-0.10"));
    assertThat(a.minus(b).isNegative()).isTrue();
    assertThat(a.negate()).isEqualTo(Money.ofUnits(-1_000));
    assertThat(Money.ofRupees(3).times(4)).isEqualTo(Money.of("12"));
  }

  @Test
  void additionOverflowThrows() {
    Money max = Money.ofUnits(Long.MAX_VALUE);

    assertThatThrownBy(() -> max.plus(Money.ofUnits(1))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void subtractionMultiplicationAndNegationOverflowThrow() {
    assertThatThrownBy(() -> Money.ofUnits(Long.MIN_VALUE).minus(Money.ofUnits(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofUnits(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofUnits(Long.MIN_VALUE).negate()).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofRupees(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void roundsChargesHalfUpToThePaisa() {
    assertThat(Money.roundedToPaise(new BigDecimal("12.345"))).isEqualTo(Money.of("12.35"));
    assertThat(Money.roundedToPaise(new BigDecimal("12.3449"))).isEqualTo(Money.of("12.34"));
    assertThat(Money.roundedToPaise(new BigDecimal("-0.005"))).isEqualTo(Money.of("-0.01"));
  }

  @Test
  void rejectsMoreThanFourDecimalsNamingMoney() {
    assertThatThrownBy(() -> Money.of("1.00001"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Money must have at most 4 decimal places")
        .hasMessageContaining("1.00001");
  }

  @Test
  void formatsAsPlainRupees() {
    assertThat(Money.of("-1234.5")).hasToString("-1234.50");
    assertThat(Money.ZERO).hasToString("0.00");
    assertThat(Money.of("0.0001")).hasToString("0.0001");
    assertThat(Money.of("25340.50").toBigDecimal()).isEqualByComparingTo("25340.5");
  }

  @Test
  void ordersByAmount() {
    assertThat(Money.of("-1")).isLessThan(Money.ZERO);
  }
}

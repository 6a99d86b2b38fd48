package io.aitrader.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class ExactMathTest {

  @Test
  void roundsHalfToEvenInBothDirections() {
    assertThat(ExactMath.mulDivHalfEven(5, 1, 2)).isEqualTo(2);
    assertThat(ExactMath.mulDivHalfEven(7, 1, 2)).isEqualTo(4);
    assertThat(ExactMath.mulDivHalfEven(-5, 1, 2)).isEqualTo(-2);
    assertThat(ExactMath.mulDivHalfEven(-7, 1, 2)).isEqualTo(-4);
    assertThat(ExactMath.mulDivHalfEven(302_500, 1, 3)).isEqualTo(100_833);
    assertThat(ExactMath.mulDivHalfEven(302_500, 2, 3)).isEqualTo(201_667);
    assertThat(ExactMath.mulDivHalfEven(-302_500, 2, 3)).isEqualTo(-201_667);
  }

  @Test
  void isExactWhenTheProductOverflowsALong() {
    // given
    long a = Long.MAX_VALUE / 3;
    // when
    long r = ExactMath.mulDivHalfEven(a, 7, 9);
    long n = ExactMath.mulDivHalfEven(-a, 7, 9);
    // then
    BigDecimal expected = BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(7))
        .divide(BigDecimal.valueOf(9), 0, RoundingMode.HALF_EVEN);
    assertThat(r).isEqualTo(expected.longValueExact());
    assertThat(n).isEqualTo(expected.negate().longValueExact());
  }
}

package io.aitrader.core.backtest.results;

import static io.aitrader.core.backtest.results.TestRuns.ist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void writesMoneyWithExactlyFourDecimals() {
    assertThat(Formats.money(0)).isEqualTo("0.0000");
    assertThat(Formats.money(-12_345_000L)).isEqualTo("-1234.5000");
    assertThat(Formats.money(Long.MAX_VALUE)).isEqualTo("922337203685477.5807");
  }

  @Test
  void roundsRatiosToTenSignificantDigits() {
    assertThat(Formats.ratio(1.0 / 3)).isEqualTo("0.3333333333");
    assertThat(Formats.ratio(2.0 / 3)).isEqualTo("0.6666666667");
    assertThat(Formats.ratio(2.0)).isEqualTo("2");
    assertThat(Formats.ratio(-0.0)).isEqualTo("0");
    assertThat(Formats.ratio(123456.789012345)).isEqualTo("123456.789");
    assertThat(Formats.ratio(1.5e-9)).isEqualTo("1.5E-9");
    assertThat(Formats.ratio(0.00001)).isEqualTo("0.00001");
    assertThat(Formats.ratio(2.5e20)).isEqualTo("2.5E+20");
    assertThatThrownBy(() -> Formats.ratio(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesTimesAtIstWithMillisecondsOnlyWhenPresent() {
    assertThat(Formats.time(ist("2025-06-10T10:15"))).isEqualTo("2025-06-10T10:15:00+05:30");
    assertThat(Formats.time(ist("2025-06-10T10:15") + 250)).isEqualTo("2025-06-10T10:15:00.250+05:30");
  }

  @Test
  void formatsAmountsTheIndianWay() {
    assertThat(IndianFormat.rupees(12_345_678_910L)).isEqualTo("₹12,34,567.89");
    assertThat(IndianFormat.rupees(-50_000L)).isEqualTo("-₹5.00");
    assertThat(IndianFormat.rupees(1_000_000_000_000L)).isEqualTo("₹10,00,00,000.00");
    assertThat(IndianFormat.rupees(1_234_5L)).isEqualTo("₹1.23");
    assertThat(IndianFormat.price(25_340_500L)).isEqualTo("₹2,534.05");
    assertThat(IndianFormat.price(12_345_625L)).isEqualTo("₹1,234.5625");
    assertThat(IndianFormat.count(123_456)).isEqualTo("1,23,456");
    assertThat(IndianFormat.count(999)).isEqualTo("999");
    assertThat(IndianFormat.percent(OptionalDouble.of(0.123456))).isEqualTo("12.35%");
    assertThat(IndianFormat.percent(OptionalDouble.empty())).isEqualTo("—");
    assertThat(IndianFormat.duration(3 * 86_400_000L + 4 * 3_600_000L + 15 * 60_000L)).isEqualTo("3d 4h 15m");
  }
}

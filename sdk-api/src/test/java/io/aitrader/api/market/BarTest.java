package io.aitrader.api.market;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Price;
import org.junit.jupiter.api.Test;

class BarTest {

  private static Bar bar(long open, long high, long low, long close, long volume, long turnover) {
    return new Bar(Fixtures.reliance(), BarInterval.M5, T0, T0 + 300_000, open, high, low, close, volume, turnover, 3, true);
  }

  @Test
  void rejectsHighBelowLow() {
    assertThatThrownBy(() -> bar(100, 90, 95, 95, 0, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Bar.high must be >= low 95")
        .hasMessageContaining("was 90");
  }

  @Test
  void rejectsOpenOrCloseOutsideTheRangeAndBadTimes() {
    assertThatThrownBy(() -> bar(101, 100, 90, 95, 0, 0)).hasMessageStartingWith("Bar.open must be within [low, high] = [90, 100]");
    assertThatThrownBy(() -> bar(95, 100, 90, 89, 0, 0)).hasMessageStartingWith("Bar.close must be within");
    assertThatThrownBy(() -> bar(0, 0, 0, 0, 0, 0)).hasMessageStartingWith("Bar.low must be > 0");
    assertThatThrownBy(() -> bar(95, 100, 90, 95, -1, 0)).hasMessageStartingWith("Bar.volume must be >= 0");
    assertThatThrownBy(() -> new Bar(Fixtures.reliance(), BarInterval.M5, T0, T0, 1, 1, 1, 1, 0, 0, 0, true))
        .hasMessageStartingWith("Bar.closeTimeMillis must be after openTimeMillis");
  }

  @Test
  void vwapIsTurnoverOverVolumeExactly() {
    // 10 @ 100.00 + 30 @ 101.00 = 4030.00 over 40 = 100.75
    Bar b = bar(1_000_000, 1_010_000, 1_000_000, 1_010_000, 40, 10 * 1_000_000L + 30 * 1_010_000L);

    assertThat(b.vwap()).isEqualTo(Price.of("100.75"));
  }

  @Test
  void vwapRoundsHalfEvenToTheUnit() {
    // turnover 5 units over 2 = 2.5 -> 2 (half-even); 7 over 2 = 3.5 -> 4
    assertThat(bar(2, 4, 2, 3, 2, 5).vwap().units()).isEqualTo(2);
    assertThat(bar(2, 4, 2, 3, 2, 7).vwap().units()).isEqualTo(4);
    // 10 over 3 = 3.33 -> 3
    assertThat(bar(2, 4, 2, 3, 3, 10).vwap().units()).isEqualTo(3);
  }

  @Test
  void vwapIsTheCloseWhenNothingTraded() {
    assertThat(bar(95, 100, 90, 97, 0, 0).vwap()).isEqualTo(Price.ofUnits(97));
  }

  @Test
  void isItsOwnImmutableCopyAndPrintsReadably() {
    Bar b = bar(1_000_000, 1_010_000, 990_000, 1_005_000, 40, 40_000_000);

    assertThat(b.toBar()).isSameAs(b);
    assertThat(b.toString()).startsWith("NSE:RELIANCE 5m 2024-11-24T05:15:00Z O=100.00 H=101.00 L=99.00 C=100.50 V=40");
  }
}

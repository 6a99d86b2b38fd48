package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.UNITS;
import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuperTrendTest {

  @Test
  void matchesHandComputedSuperTrend2x1() {
    // ATR(2): 2, 2.5, 2.5, 2.5 from bar 2. Bar 2: bands 13/9, down, line 13. Bar 3: upper stays 13, lower 10.5,
    // close 13.5 > 13 -> up, line 10.5. Bar 4: upper resets to 14.5 (prev close above it), lower 10.5, up.
    // Bar 5: upper 12.5, close 9.5 < 10.5 -> down, line 12.5.
    List<Bar> bars = Group2Fixtures.series()
        .hlc(10, 8, 9).hlc(11, 9, 10).hlc(12, 10, 11).hlc(14, 12, 13.5).hlc(13, 11, 11.5).hlc(11, 9, 9.5).bars();
    SuperTrend st = SuperTrend.of(2, 1.0);
    double[][] seen = new double[6][];
    for (int i = 0; i < 6; i++) {
      st.update(bars.get(i));
      seen[i] = new double[] {st.value(), st.value(SuperTrend.DIRECTION)};
    }
    assertThat(seen[1][0]).isNaN();
    assertThat(seen[1][1]).isNaN();
    assertThat(seen[2]).containsExactly(new double[] {13, -1}, within(1e-12));
    assertThat(seen[3]).containsExactly(new double[] {10.5, 1}, within(1e-12));
    assertThat(seen[4]).containsExactly(new double[] {10.5, 1}, within(1e-12));
    assertThat(seen[5]).containsExactly(new double[] {12.5, -1}, within(1e-12));
    assertThat(st.warmUp()).isEqualTo(3);
  }

  @Test
  void flatSeriesLineSitsOnThePrice() {
    SuperTrend st = SuperTrend.ofDefaults();
    Group2Fixtures.flat(30, 77.7, 5).forEach(st::update);
    assertThat(st.value()).isEqualTo(77.7);
    assertThat(st.value(SuperTrend.DIRECTION)).isEqualTo(-1);
  }

  @Test
  void nameShowsIntegralMultiplierWithoutFraction() {
    assertThat(SuperTrend.ofDefaults().name()).isEqualTo("supertrend(10,3)");
    assertThat(SuperTrend.of(7, 2.5).name()).isEqualTo("supertrend(7,2.5)");
  }

  @Test
  void matchesBatchRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(111, 12_000);
    for (int n : new int[] {1, 10, 21}) {
      for (double m : new double[] {1.0, 3.0}) {
        int ready = assertMatches(SuperTrend.of(n, m), bars, reference(bars, n, m));
        assertThat(ready).isEqualTo(bars.size() - n);
      }
    }
  }

  /**
   * TradingView's ta.supertrend over arrays, direction sign flipped, with the previous direction deciding which band is
   * tested (TradingView compares the previous line with the previous upper band: the same unless ATR is 0).
   */
  static double[][] reference(List<Bar> bars, int n, double m) {
    double[] atr = AtrTest.reference(bars, n);
    int size = bars.size();
    double[] upper = new double[size];
    double[] lower = new double[size];
    double[] line = nans(size);
    double[] direction = nans(size);
    for (int i = n; i < size; i++) {
      Bar b = bars.get(i);
      double hl2 = (b.high() + b.low()) / 2.0 / UNITS;
      upper[i] = hl2 + m * atr[i];
      lower[i] = hl2 - m * atr[i];
      double close = b.close() / UNITS;
      if (i == n) {
        direction[i] = -1;
      } else {
        double prevClose = bars.get(i - 1).close() / UNITS;
        if (!(upper[i] < upper[i - 1] || prevClose > upper[i - 1])) {
          upper[i] = upper[i - 1];
        }
        if (!(lower[i] > lower[i - 1] || prevClose < lower[i - 1])) {
          lower[i] = lower[i - 1];
        }
        if (direction[i - 1] < 0) {
          direction[i] = close > upper[i] ? 1 : -1;
        } else {
          direction[i] = close < lower[i] ? -1 : 1;
        }
      }
      line[i] = direction[i] > 0 ? lower[i] : upper[i];
    }
    return new double[][] {line, direction};
  }
}

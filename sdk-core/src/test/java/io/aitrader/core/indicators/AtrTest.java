package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class AtrTest {

  @Test
  void matchesHandComputedAtr3OnFiveBars() {
    // TR: -, 2, 2, 3 (gap up from 11), 1.5 ; first ATR = (2+2+3)/3, then (7/3·2 + 1.5)/3 = 37/18
    List<Bar> bars = Group2Fixtures.series()
        .hlc(10, 8, 9).hlc(11, 9, 10.5).hlc(12, 10, 11).hlc(14, 13, 13.5).hlc(13.5, 12, 12.5).bars();
    Atr atr = Atr.of(3);
    double[] seen = new double[5];
    for (int i = 0; i < 5; i++) {
      atr.update(bars.get(i));
      seen[i] = atr.value();
    }
    assertThat(seen[0]).isNaN();
    assertThat(seen[1]).isNaN();
    assertThat(seen[2]).isNaN();
    assertThat(seen[3]).isCloseTo(7.0 / 3, within(1e-12));
    assertThat(seen[4]).isCloseTo(37.0 / 18, within(1e-12));
    assertThat(atr.warmUp()).isEqualTo(4);
  }

  @Test
  void periodOneIsTheTrueRange() {
    List<Bar> bars = Group2Fixtures.series().hlc(10, 8, 9).hlc(14, 13, 13.5).hlc(13.5, 12, 12.5).bars();
    Atr atr = Atr.of(1);
    atr.update(bars.get(0));
    assertThat(atr.isReady()).isFalse();
    atr.update(bars.get(1));
    assertThat(atr.value()).isEqualTo(5.0);
    atr.update(bars.get(2));
    assertThat(atr.value()).isEqualTo(1.5);
  }

  @Test
  void flatSeriesHasZeroAtr() {
    Atr atr = Atr.of(14);
    Group2Fixtures.flat(40, 250.5, 100).forEach(atr::update);
    assertThat(atr.value()).isZero();
  }

  @Test
  void matchesBatchRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(11, 12_000);
    for (int n : new int[] {1, 2, 14, 50}) {
      int ready = assertMatches(Atr.of(n), bars, reference(bars, n));
      assertThat(ready).isEqualTo(bars.size() - n);
    }
  }

  /** ATR from the whole history: the mean of TR[1..n], then Wilder's recursion over the TR array. */
  static double[] reference(List<Bar> bars, int n) {
    double[] out = nans(bars.size());
    double[] tr = new double[bars.size()];
    for (int i = 1; i < bars.size(); i++) {
      tr[i] = Group2Fixtures.trueRange(bars, i);
    }
    if (bars.size() <= n) {
      return out;
    }
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      sum += tr[i];
    }
    out[n] = sum / n;
    for (int i = n + 1; i < bars.size(); i++) {
      out[i] = (out[i - 1] * (n - 1) + tr[i]) / n;
    }
    return out;
  }
}

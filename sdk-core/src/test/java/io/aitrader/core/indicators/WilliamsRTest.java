package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.UNITS;
import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class WilliamsRTest {

  @Test
  void matchesHandComputedWillr3() {
    // windows: [8,12] close 11 -> -25; [9,12] close 9.5 -> -83.33; [9,13] close 13 -> 0; [9,13] close 10 -> -75
    WilliamsR willr = WilliamsR.of(3);
    double[] seen = new double[6];
    for (int i = 0; i < 6; i++) {
      willr.update(StochasticTest.SIX.get(i));
      seen[i] = willr.value();
    }
    assertThat(seen[0]).isNaN();
    assertThat(seen[1]).isNaN();
    assertThat(seen[2]).isCloseTo(-25, within(1e-9));
    assertThat(seen[3]).isCloseTo(-250.0 / 3, within(1e-9));
    assertThat(seen[4]).isCloseTo(0, within(1e-9));
    assertThat(seen[5]).isCloseTo(-75, within(1e-9));
  }

  @Test
  void flatRangeGivesZeroAsTaLib() {
    WilliamsR willr = WilliamsR.of(14);
    Group2Fixtures.flat(14, 42, 1).forEach(willr::update);
    assertThat(willr.value()).isZero();
  }

  @Test
  void matchesWindowRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(44, 12_000);
    for (int n : new int[] {2, 14, 40}) {
      int ready = assertMatches(WilliamsR.of(n), bars, reference(bars, n));
      assertThat(ready).isEqualTo(bars.size() - n + 1);
    }
  }

  static double[] reference(List<Bar> bars, int n) {
    double[] out = nans(bars.size());
    for (int i = n - 1; i < bars.size(); i++) {
      double hh = Double.NEGATIVE_INFINITY;
      double ll = Double.POSITIVE_INFINITY;
      for (int j = i - n + 1; j <= i; j++) {
        hh = Math.max(hh, bars.get(j).high() / UNITS);
        ll = Math.min(ll, bars.get(j).low() / UNITS);
      }
      out[i] = hh == ll ? 0 : -100 * (hh - bars.get(i).close() / UNITS) / (hh - ll);
    }
    return out;
  }
}

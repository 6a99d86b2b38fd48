package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.UNITS;
import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class StochasticTest {
  static final List<Bar> SIX = Group2Fixtures.series()
      .hlc(10, 8, 9).hlc(11, 9, 10).hlc(12, 10, 11).hlc(11, 9, 9.5).hlc(13, 11, 13).hlc(12, 10, 10).bars();

  @Test
  void matchesHandComputedStochastic322() {
    // fast %K (3): 75, 16.67, 100, 25 from bar 2; slow %K (2): 45.83, 58.33, 62.5; %D (2): 52.08, 60.42
    Stochastic stoch = Stochastic.of(3, 2, 2);
    for (int i = 0; i < 4; i++) {
      stoch.update(SIX.get(i));
      assertThat(stoch.isReady()).isFalse();
      assertThat(stoch.value(Stochastic.D)).isNaN();
    }
    stoch.update(SIX.get(4));
    assertThat(stoch.value(Stochastic.K)).isCloseTo((50.0 / 3 + 100) / 2, within(1e-9));
    assertThat(stoch.value(Stochastic.D)).isCloseTo(((75 + 50.0 / 3) / 2 + (50.0 / 3 + 100) / 2) / 2, within(1e-9));
    stoch.update(SIX.get(5));
    assertThat(stoch.value()).isCloseTo(62.5, within(1e-9));
    assertThat(stoch.value(Stochastic.D)).isCloseTo(((50.0 / 3 + 100) / 2 + 62.5) / 2, within(1e-9));
    assertThat(stoch.warmUp()).isEqualTo(5);
  }

  @Test
  void flatRangeGivesZeroAsTaLib() {
    Stochastic stoch = Stochastic.ofDefaults();
    Group2Fixtures.flat(18, 500, 1).forEach(stoch::update);
    assertThat(stoch.isReady()).isTrue();
    assertThat(stoch.value(Stochastic.K)).isZero();
    assertThat(stoch.value(Stochastic.D)).isZero();
  }

  @Test
  void defaultsAre14And3And3() {
    assertThat(Stochastic.ofDefaults().name()).isEqualTo("stoch(14,3,3)");
    assertThat(Stochastic.ofDefaults().warmUp()).isEqualTo(18);
  }

  @Test
  void matchesWindowRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(33, 12_000);
    int[][] periods = {{14, 3, 3}, {5, 1, 1}, {1, 3, 2}, {9, 6, 4}};
    for (int[] p : periods) {
      int ready = assertMatches(Stochastic.of(p[0], p[1], p[2]), bars, reference(bars, p[0], p[1], p[2]));
      assertThat(ready).isEqualTo(bars.size() - (p[0] + p[1] + p[2] - 3));
    }
  }

  /** Every bar: scan the window for HH/LL, then average the last slowK fast %K and the last slowD slow %K afresh. */
  static double[][] reference(List<Bar> bars, int fastK, int slowK, int slowD) {
    int size = bars.size();
    double[] fast = nans(size);
    double[] k = nans(size);
    double[] d = nans(size);
    for (int i = fastK - 1; i < size; i++) {
      double hh = Double.NEGATIVE_INFINITY;
      double ll = Double.POSITIVE_INFINITY;
      for (int j = i - fastK + 1; j <= i; j++) {
        hh = Math.max(hh, bars.get(j).high() / UNITS);
        ll = Math.min(ll, bars.get(j).low() / UNITS);
      }
      fast[i] = hh == ll ? 0 : 100 * (bars.get(i).close() / UNITS - ll) / (hh - ll);
    }
    for (int i = fastK + slowK - 2; i < size; i++) {
      double sum = 0;
      for (int j = i - slowK + 1; j <= i; j++) {
        sum += fast[j];
      }
      k[i] = sum / slowK;
    }
    int first = fastK + slowK + slowD - 3;
    for (int i = first; i < size; i++) {
      double sum = 0;
      for (int j = i - slowD + 1; j <= i; j++) {
        sum += k[j];
      }
      d[i] = sum / slowD;
    }
    for (int i = 0; i < Math.min(first, size); i++) {
      k[i] = Double.NaN;
    }
    return new double[][] {k, d};
  }
}

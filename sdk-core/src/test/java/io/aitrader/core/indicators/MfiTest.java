package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class MfiTest {

  @Test
  void matchesHandComputedMfi2() {
    // TP 9, 10 (+2000), 11 (+1100), 10 (-3000), 10 (none), 12 (+1200)
    List<Bar> bars = Group2Fixtures.series()
        .hlcv(10, 8, 9, 100).hlcv(11, 9, 10, 200).hlcv(12, 10, 11, 100).hlcv(11, 9, 10, 300)
        .hlcv(10.5, 9.5, 10, 500).hlcv(13, 11, 12, 100).bars();
    Mfi mfi = Mfi.of(2);
    double[] seen = new double[6];
    for (int i = 0; i < 6; i++) {
      mfi.update(bars.get(i));
      seen[i] = mfi.value();
    }
    assertThat(seen[1]).isNaN();
    assertThat(seen[2]).isCloseTo(100, within(1e-9));
    assertThat(seen[3]).isCloseTo(100.0 * 1100 / 4100, within(1e-9));
    assertThat(seen[4]).isCloseTo(0, within(1e-9));
    assertThat(seen[5]).isCloseTo(100, within(1e-9));
    assertThat(mfi.warmUp()).isEqualTo(3);
  }

  @Test
  void windowWithoutMoneyFlowGivesZeroAsTaLib() {
    Mfi flat = Mfi.of(14);
    Group2Fixtures.flat(20, 100, 1000).forEach(flat::update);
    assertThat(flat.value()).isZero();

    Mfi noVolume = Mfi.of(2);
    Group2Fixtures.series().hlcv(10, 8, 9, 0).hlcv(11, 9, 10, 0).hlcv(12, 10, 11, 0).bars().forEach(noVolume::update);
    assertThat(noVolume.value()).isZero();
  }

  @Test
  void matchesWindowRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(77, 12_000);
    for (int n : new int[] {2, 14, 60}) {
      int ready = assertMatches(Mfi.of(n), bars, reference(bars, n));
      assertThat(ready).isEqualTo(bars.size() - n);
    }
  }

  /** Every bar: sum the positive and negative money flow of the last n bars afresh. */
  static double[] reference(List<Bar> bars, int n) {
    double[] out = nans(bars.size());
    for (int i = n; i < bars.size(); i++) {
      double pos = 0;
      double neg = 0;
      for (int j = i - n + 1; j <= i; j++) {
        double tp = Cci.typicalPrice(bars.get(j));
        double prev = Cci.typicalPrice(bars.get(j - 1));
        double flow = tp * bars.get(j).volume();
        if (tp > prev) {
          pos += flow;
        } else if (tp < prev) {
          neg += flow;
        }
      }
      out[i] = pos + neg < 1.0 ? 0 : 100 * pos / (pos + neg);
    }
    return out;
  }
}

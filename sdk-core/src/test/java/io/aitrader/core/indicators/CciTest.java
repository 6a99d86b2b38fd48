package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.UNITS;
import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class CciTest {

  @Test
  void matchesHandComputedCci3() {
    // TP: 9, 10, 11, 10, 12. [9,10,11]: mean 10, MD 2/3 -> (11-10)/(0.015·2/3) = 100;
    // [10,11,10]: mean 31/3, MD 4/9 -> -50; [11,10,12]: mean 11, MD 2/3 -> 100
    List<Bar> bars = Group2Fixtures.series()
        .hlc(10, 8, 9).hlc(11, 9, 10).hlc(12, 10, 11).hlc(11, 9, 10).hlc(13, 11, 12).bars();
    Cci cci = Cci.of(3);
    double[] seen = new double[5];
    for (int i = 0; i < 5; i++) {
      cci.update(bars.get(i));
      seen[i] = cci.value();
    }
    assertThat(seen[1]).isNaN();
    assertThat(seen[2]).isCloseTo(100, within(1e-9));
    assertThat(seen[3]).isCloseTo(-50, within(1e-9));
    assertThat(seen[4]).isCloseTo(100, within(1e-9));
  }

  @Test
  void flatWindowGivesExactlyZero() {
    // 1234.55 has no exact binary form: a floating-point mean of the typical prices would leave a residue
    Cci cci = Cci.of(20);
    Group2Fixtures.flat(25, 1234.55, 10).forEach(cci::update);
    assertThat(cci.value()).isZero();
  }

  @Test
  void currentBarAtTheMeanGivesZero() {
    // TP 10, 12, 11: the last equals the mean while the deviation is not 0
    List<Bar> bars = Group2Fixtures.series().hlc(10, 10, 10).hlc(12, 12, 12).hlc(11, 11, 11).bars();
    Cci cci = Cci.of(3);
    bars.forEach(cci::update);
    assertThat(cci.value()).isZero();
  }

  @Test
  void matchesWindowRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(66, 12_000);
    for (int n : new int[] {2, 20, 50}) {
      int ready = assertMatches(Cci.of(n), bars, reference(bars, n));
      assertThat(ready).isEqualTo(bars.size() - n + 1);
    }
  }

  /** The textbook formula over each window, on typical prices in rupees. */
  static double[] reference(List<Bar> bars, int n) {
    double[] out = nans(bars.size());
    for (int i = n - 1; i < bars.size(); i++) {
      double mean = 0;
      for (int j = i - n + 1; j <= i; j++) {
        mean += tp(bars.get(j));
      }
      mean /= n;
      double md = 0;
      for (int j = i - n + 1; j <= i; j++) {
        md += Math.abs(tp(bars.get(j)) - mean);
      }
      md /= n;
      double distance = tp(bars.get(i)) - mean;
      // the window is flat or the bar sits on the mean when this is below rounding noise
      out[i] = Math.abs(distance) < 1e-9 || md < 1e-9 ? 0 : distance / (0.015 * md);
    }
    return out;
  }

  private static double tp(Bar b) {
    return (b.high() + b.low() + b.close()) / 3.0 / UNITS;
  }
}

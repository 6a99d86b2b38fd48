package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.UNITS;
import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static io.aitrader.core.indicators.Group2Fixtures.nans;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.market.Bar;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DonchianTest {

  @Test
  void matchesHandComputedDonchian3() {
    Donchian channel = Donchian.of(3);
    List<double[]> seen = new ArrayList<>();
    for (Bar bar : StochasticTest.SIX) {
      channel.update(bar);
      seen.add(new double[] {channel.value(Donchian.UPPER), channel.value(Donchian.LOWER), channel.value(Donchian.MIDDLE)});
    }
    assertThat(seen.get(1)[0]).isNaN();
    assertThat(seen.get(2)).containsExactly(12, 8, 10);
    assertThat(seen.get(3)).containsExactly(12, 9, 10.5);
    assertThat(seen.get(4)).containsExactly(13, 9, 11);
    assertThat(seen.get(5)).containsExactly(13, 9, 11);
    assertThat(channel.outputs()).containsExactly("upper", "lower", "middle");
  }

  @Test
  void flatSeriesHasOneLevel() {
    Donchian channel = Donchian.of(5);
    Group2Fixtures.flat(7, 12.35, 0).forEach(channel::update);
    assertThat(new double[] {channel.value(0), channel.value(1), channel.value(2)}).containsOnly(12.35);
  }

  @Test
  void matchesWindowRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(55, 12_000);
    for (int n : new int[] {1, 2, 20, 100}) {
      int ready = assertMatches(Donchian.of(n), bars, reference(bars, n));
      assertThat(ready).isEqualTo(bars.size() - n + 1);
    }
  }

  /** For any short series and window, the deques agree with a scan of the window (exactly: prices are units). */
  @Property(tries = 200)
  void equalsWindowScanForAnySeries(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 6) Integer> steps,
      @ForAll @IntRange(min = 1, max = 8) int n, @ForAll @LongRange(min = 1, max = 3) long spread) {
    Group2Fixtures.Series series = Group2Fixtures.series();
    for (int s : steps) {
      // small integer levels produce many equal highs and lows: the tie cases of the deques
      series.hlc(10 + s + spread, 10 + s, 10 + s);
    }
    List<Bar> bars = series.bars();
    assertMatches(Donchian.of(n), bars, reference(bars, n));
  }

  static double[][] reference(List<Bar> bars, int n) {
    double[] upper = nans(bars.size());
    double[] lower = nans(bars.size());
    double[] middle = nans(bars.size());
    for (int i = n - 1; i < bars.size(); i++) {
      long hh = Long.MIN_VALUE;
      long ll = Long.MAX_VALUE;
      for (int j = i - n + 1; j <= i; j++) {
        hh = Math.max(hh, bars.get(j).high());
        ll = Math.min(ll, bars.get(j).low());
      }
      upper[i] = hh / UNITS;
      lower[i] = ll / UNITS;
      middle[i] = (hh / UNITS + ll / UNITS) / 2;
    }
    return new double[][] {upper, lower, middle};
  }
}

package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group1Fixtures.randomWalk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Running sums do not drift: after a million updates the windowed indicators still equal a recomputation. */
class Group1DriftTest {
  private static final int UPDATES = 1_000_000;
  private static final double TOLERANCE = 1e-9;

  @Test
  void windowSumsStayWithin1eMinus9OfARecomputationAfterAMillionUpdates() {
    // from ₹1000 trending to about ₹5000, in ₹0.05 ticks of up to ±0.20
    double[] x = randomWalk(2025, UPDATES, 1_000, 0.004);
    int n = 20;
    Sma sma = Sma.of(Input.CLOSE, n);
    Wma wma = Wma.of(Input.CLOSE, n);
    BollingerBands bands = BollingerBands.of(Input.CLOSE, n, 2);
    ZScore z = ZScore.of(Input.CLOSE, n);
    RollingVolatility vol = RollingVolatility.of(Input.CLOSE, n);
    int checks = 0;

    for (int i = 0; i < UPDATES; i++) {
      sma.accept(x[i]);
      wma.accept(x[i]);
      bands.accept(x[i]);
      z.accept(x[i]);
      vol.accept(x[i]);
      if (i % 99_991 == 0 && i > n || i == UPDATES - 1) {
        checks++;
        double mean = Group1Reference.mean(x, i - n + 1, i + 1);
        double sd = Group1Reference.popStdev(x, i - n + 1, i + 1);
        assertRelative("sma", sma.value(), mean);
        assertRelative("wma", wma.value(), last(Group1Reference.wma(java.util.Arrays.copyOfRange(x, i - n + 1, i + 1), n)));
        assertRelative("bollinger.upper", bands.upper(), mean + 2 * sd);
        assertRelative("bollinger.lower", bands.lower(), mean - 2 * sd);
        assertRelative("bollinger.bandwidth", bands.bandwidth(), 4 * sd / mean);
        assertRelative("stdev (from the bands)", (bands.upper() - bands.middle()) / 2, sd);
        assertThat(z.value()).as("zscore at %d", i).isCloseTo((x[i] - mean) / sd, within(TOLERANCE));
        assertRelative("volatility",
            vol.value(), last(Group1Reference.volatility(java.util.Arrays.copyOfRange(x, i - n, i + 1), n)));
      }
    }

    assertThat(x[UPDATES - 1]).isBetween(4_000.0, 5_000.0);
    assertThat(checks).isGreaterThanOrEqualTo(10);
  }

  @Property(tries = 200)
  void rollingExtremesAndSmaEqualTheWindowOfAnySeries(
      @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
      @ForAll @IntRange(min = 1, max = 30) int n) {
    double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();

    assertThat(Group1Fixtures.run(RollingMax.of(Input.CLOSE, n), x)).containsExactly(Group1Reference.max(x, n));
    assertThat(Group1Fixtures.run(RollingMin.of(Input.CLOSE, n), x)).containsExactly(Group1Reference.min(x, n));
    Group1Fixtures.assertSeriesClose("sma", Group1Fixtures.run(Sma.of(Input.CLOSE, n), x), Group1Reference.sma(x, n),
        1e6);
  }

  private static double last(double[] values) {
    return values[values.length - 1];
  }

  private static void assertRelative(String what, double actual, double expected) {
    assertThat(actual).as(what).isCloseTo(expected, within(TOLERANCE * Math.abs(expected)));
  }
}

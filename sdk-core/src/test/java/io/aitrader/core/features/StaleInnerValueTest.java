package io.aitrader.core.features;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.core.indicators.Ema;
import io.aitrader.core.indicators.Input;
import io.aitrader.core.indicators.Sma;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An indicator over an expression that contains another indicator must not count that inner indicator's value twice
 * when the inner one skipped a bar: the expression language follows the same rule as composition in code.
 */
class StaleInnerValueTest {
  private static final BarInterval M = BarInterval.M5;

  /** (close − low) / (high − low): undefined on a flat bar, which the inner EMA then skips. */
  private static final Input POSITION_IN_RANGE = new Input() {
    @Override
    public double next(BarView b) {
      double v = (double) (b.close() - b.low()) / (b.high() - b.low());
      return Double.isFinite(v) ? v : Double.NaN;
    }

    @Override
    public String name() {
      return "position";
    }
  };

  @Test
  void aFlatBarThatTheInnerEmaSkipsIsNotCountedAgainByTheOuterSma() {
    List<Bar> bars = List.of(
        TestBars.bar(RELIANCE, M, 0, 100, 102, 100, 101, 100),
        TestBars.bar(RELIANCE, M, 1, 100, 104, 100, 101, 100),
        TestBars.bar(RELIANCE, M, 2, 100, 101, 100, 101, 100),
        TestBars.flat(RELIANCE, M, 3, 101),
        TestBars.bar(RELIANCE, M, 4, 100, 102, 100, 100, 100),
        TestBars.bar(RELIANCE, M, 5, 100, 102, 100, 101, 100));
    Sma composed = Sma.of(Input.of(Ema.of(POSITION_IN_RANGE, 2)), 2);
    double[] expected = new double[bars.size()];
    for (int i = 0; i < bars.size(); i++) {
      composed.update(bars.get(i));
      expected[i] = composed.isReady() ? composed.value() : Double.NaN;
    }

    List<FeatureVector> vectors = OfflineFeatures.compute(StandardIndicators.catalog(),
        List.of("sma(ema((close - low) / (high - low), 2), 2)"), bars);

    assertThat(vectors).isNotEmpty();
    for (FeatureVector v : vectors) {
      int i = (int) ((v.timestampMillis() - TestBars.START) / M.millis()) - 1;
      assertThat(v.value(0)).as("bar %d", i).isEqualTo(expected[i]);
    }
    // bar 3 (flat): the SMA keeps its value instead of taking the EMA's bar-2 value a second time
    assertThat(expected[3]).isEqualTo(expected[2]);
  }
}

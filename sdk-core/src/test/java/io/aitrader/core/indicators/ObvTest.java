package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group2Fixtures.assertMatches;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.market.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObvTest {

  @Test
  void startsAtTheFirstVolumeThenAddsOnUpClosesAndSubtractsOnDownCloses() {
    List<Bar> bars = Group2Fixtures.series()
        .hlcv(10, 8, 9, 100).hlcv(11, 9, 10, 200).hlcv(11, 9, 10, 50).hlcv(10, 9, 9.5, 70).bars();
    Obv obv = Obv.of();
    assertThat(obv.value()).isNaN();
    double[] seen = new double[4];
    for (int i = 0; i < 4; i++) {
      obv.update(bars.get(i));
      seen[i] = obv.value();
    }
    assertThat(seen).containsExactly(100, 300, 300, 230);
    assertThat(obv.warmUp()).isEqualTo(1);
  }

  @Test
  void flatSeriesKeepsTheSeed() {
    Obv obv = Obv.of();
    Group2Fixtures.flat(10, 50, 700).forEach(obv::update);
    assertThat(obv.value()).isEqualTo(700);
  }

  @Test
  void matchesHistoryRecomputationOverLongRandomSeries() {
    List<Bar> bars = Group2Fixtures.random(88, 12_000);
    double[] expected = new double[bars.size()];
    long total = bars.get(0).volume();
    expected[0] = total;
    for (int i = 1; i < bars.size(); i++) {
      total += Long.signum(bars.get(i).close() - bars.get(i - 1).close()) * bars.get(i).volume();
      expected[i] = total;
    }
    assertThat(assertMatches(Obv.of(), bars, expected)).isEqualTo(bars.size());
  }
}

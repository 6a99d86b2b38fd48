package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group1Fixtures.bars;
import static io.aitrader.core.indicators.Group1Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import org.junit.jupiter.api.Test;

/** Short series whose expected values are worked out by hand from each definition (fractions in comments). */
class Group1HandComputedTest {
  private static final double NaN = Double.NaN;
  private static final double EPS = 1e-12;

  private static void assertValues(double[] actual, double... expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertThat(actual[i]).as("at %d", i).isNaN();
      } else {
        assertThat(actual[i]).as("at %d", i).isCloseTo(expected[i], within(EPS * Math.max(1, Math.abs(expected[i]))));
      }
    }
  }

  @Test
  void smaOfThreeIsTheMeanOfTheLastThree() {
    assertValues(run(Sma.of(Input.CLOSE, 3), new double[] {1, 2, 3, 4, 5, 6}), NaN, NaN, 2, 3, 4, 5);
  }

  @Test
  void emaOfThreeIsSeededWithTheSmaThenHalvesTheGap() {
    // k = 2/(3+1) = 0.5; seed (1+2+3)/3 = 2; then (4-2)/2+2 = 3, 4, 5
    assertValues(run(Ema.of(Input.CLOSE, 3), new double[] {1, 2, 3, 4, 5, 6}), NaN, NaN, 2, 3, 4, 5);
    // seed (2+4+6)/3 = 4; (8-4)/2+4 = 6; (4-6)/2+6 = 5
    assertValues(run(Ema.of(Input.CLOSE, 3), new double[] {2, 4, 6, 8, 4}), NaN, NaN, 4, 6, 5);
  }

  @Test
  void wmaWeighsTheNewestValueMost() {
    // (1·1 + 2·2 + 3·3)/6 = 14/6, (1·2 + 2·3 + 3·4)/6 = 20/6, 26/6, 32/6
    assertValues(run(Wma.of(Input.CLOSE, 3), new double[] {1, 2, 3, 4, 5, 6}), NaN, NaN, 14 / 6.0, 20 / 6.0,
        26 / 6.0, 32 / 6.0);
  }

  @Test
  void demaAndTemaOfTwoFollowTheirEmaChains() {
    double[] x = {1, 2, 4, 8, 16};
    // k = 2/3. E1 = 3/2, 19/6, 115/18, 691/54; E2 = 7/3, 136/27, 827/81; E3 = 199/54, 3905/486
    assertValues(run(Dema.of(Input.CLOSE, 2), x), NaN, NaN, 4, 209 / 27.0, 1246 / 81.0);
    assertValues(run(Tema.of(Input.CLOSE, 2), x), NaN, NaN, NaN, 209 / 27.0, 3838 / 243.0);
  }

  @Test
  void rsiUsesWilderSmoothingAfterASimpleMeanSeed() {
    // changes +1, -0.5, +1, 0, -0.5; seed gain 0.5, loss 0.25 -> 66.67; then gain 0.75, loss 0.125 -> 85.71;
    // gain 0.375, loss 0.0625 -> 85.71; gain 0.1875, loss 0.28125 -> 40
    assertValues(run(Rsi.of(Input.CLOSE, 2), new double[] {10, 11, 10.5, 11.5, 11.5, 11}), NaN, NaN, 200 / 3.0,
        600 / 7.0, 600 / 7.0, 40);
  }

  @Test
  void rsiIs100WithoutLossesAnd0WithoutGainsOrWhenFlat() {
    assertValues(run(Rsi.of(Input.CLOSE, 3), new double[] {1, 2, 3, 4, 5}), NaN, NaN, NaN, 100, 100);
    assertValues(run(Rsi.of(Input.CLOSE, 3), new double[] {5, 4, 3, 2, 1}), NaN, NaN, NaN, 0, 0);
    // documented fallback: avgGain + avgLoss == 0 gives 0 (TA-Lib), not 50
    assertValues(run(Rsi.of(Input.CLOSE, 3), new double[] {7, 7, 7, 7, 7}), NaN, NaN, NaN, 0, 0);
  }

  @Test
  void macdAlignsTheFastEmaToStartWithTheSlowOne() {
    Macd macd = Macd.of(Input.CLOSE, 2, 3, 2);
    double[] x = {1, 2, 4, 8, 16, 32};
    // slow EMA(3) seeded (1+2+4)/3; fast EMA(2) skips the first value, seeded (2+4)/2 = 3
    // line = 2/3, 7/6, 79/36, 929/216; signal EMA(2) of line = 11/12, 191/108, 280/81
    double[] line = new double[x.length];
    double[] signal = new double[x.length];
    double[] histogram = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      macd.accept(x[i]);
      line[i] = macd.value();
      signal[i] = macd.signal();
      histogram[i] = macd.histogram();
    }
    assertValues(line, NaN, NaN, NaN, 7 / 6.0, 79 / 36.0, 929 / 216.0);
    assertValues(signal, NaN, NaN, NaN, 11 / 12.0, 191 / 108.0, 280 / 81.0);
    assertValues(histogram, NaN, NaN, NaN, 7 / 6.0 - 11 / 12.0, 79 / 36.0 - 191 / 108.0, 929 / 216.0 - 280 / 81.0);
    assertThat(macd.warmUp()).isEqualTo(4);
  }

  @Test
  void bollingerUsesThePopulationStandardDeviation() {
    BollingerBands bands = BollingerBands.of(Input.CLOSE, 3, 2);
    run(bands, new double[] {1, 2, 3});
    double sd = Math.sqrt(2 / 3.0); // ((1-2)² + 0 + (3-2)²)/3, divided by n not n-1

    assertThat(bands.middle()).isEqualTo(2.0);
    assertThat(bands.upper()).isCloseTo(2 + 2 * sd, within(EPS));
    assertThat(bands.lower()).isCloseTo(2 - 2 * sd, within(EPS));
    assertThat(bands.percentB()).isCloseTo((3 - (2 - 2 * sd)) / (4 * sd), within(EPS));
    assertThat(bands.bandwidth()).isCloseTo(4 * sd / 2, within(EPS));
    assertThat(bands.value(BollingerBands.UPPER)).isEqualTo(bands.upper());
  }

  @Test
  void bollingerOfAFlatWindowHasEqualBandsAndTheDocumentedFallbacks() {
    BollingerBands bands = BollingerBands.of(Input.CLOSE, 3, 2);
    run(bands, new double[] {4, 5, 5, 5});

    assertThat(bands.upper()).isEqualTo(5.0).isEqualTo(bands.lower()).isEqualTo(bands.middle());
    assertThat(bands.percentB()).isEqualTo(0.5);
    assertThat(bands.bandwidth()).isEqualTo(0.0);
  }

  @Test
  void rocAndMomentumCompareWithTheValueNBack() {
    double[] x = {100, 105, 110, 99};
    assertValues(run(Roc.of(Input.CLOSE, 2), x), NaN, NaN, 10, -6 / 105.0 * 100);
    assertValues(run(Momentum.of(Input.CLOSE, 2), x), NaN, NaN, 10, -6);
    // TA-Lib fallback: 0 when the value n back is 0
    assertValues(run(Roc.of(Input.CLOSE, 1), new double[] {0, 5}), NaN, 0);
  }

  @Test
  void logReturnIsTheLogOfTheRatio() {
    assertValues(run(LogReturn.of(Input.CLOSE), new double[] {100, 110, 99}), NaN, Math.log(1.1), Math.log(0.9));
    assertValues(run(LogReturn.of(Input.CLOSE, 2), new double[] {100, 110, 99}), NaN, NaN, Math.log(0.99));
    // fallback for an undefined log: 0
    assertValues(run(LogReturn.of(Input.CLOSE), new double[] {0, 5, -1}), NaN, 0, 0);
  }

  @Test
  void volatilityIsTheRawPopulationStdevOfLogReturns() {
    // returns ln 1.1, ln 0.9, ln 1.1; the population stdev of two values is half their distance; not annualized
    double half = (Math.log(1.1) - Math.log(0.9)) / 2;
    assertValues(run(RollingVolatility.of(Input.CLOSE, 2), new double[] {100, 110, 99, 108.9}), NaN, NaN, half,
        half);
    assertValues(run(RollingVolatility.of(Input.CLOSE, 2), new double[] {50, 50, 50, 50}), NaN, NaN, 0, 0);
  }

  @Test
  void zScoreIsTheDistanceFromTheMeanInPopulationStdevs() {
    assertValues(run(ZScore.of(Input.CLOSE, 3), new double[] {1, 2, 3, 3, 3, 3}), NaN, NaN, 1 / Math.sqrt(2 / 3.0),
        (3 - 8 / 3.0) / Math.sqrt(2 / 9.0), 0, 0);
  }

  @Test
  void rollingMaxAndMinTrackTheWindowExtremes() {
    double[] x = {3, 1, 2, 5, 4, 0, 0, 7};
    assertValues(run(RollingMax.of(Input.CLOSE, 3), x), NaN, NaN, 3, 5, 5, 5, 4, 7);
    assertValues(run(RollingMin.of(Input.CLOSE, 3), x), NaN, NaN, 1, 1, 2, 0, 0, 0);
  }

  @Test
  void barsFeedTheirCloseInRupees() {
    Sma sma = Sma.of(Input.CLOSE, 2);
    for (Bar bar : bars(2534.05, 2534.15)) {
      sma.update(bar);
    }
    assertThat(sma.value()).isCloseTo(2534.10, within(1e-9));
  }
}

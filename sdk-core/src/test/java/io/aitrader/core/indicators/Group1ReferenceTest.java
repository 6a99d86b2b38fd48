package io.aitrader.core.indicators;

import static io.aitrader.core.indicators.Group1Fixtures.assertSeriesClose;
import static io.aitrader.core.indicators.Group1Fixtures.randomWalk;
import static io.aitrader.core.indicators.Group1Fixtures.runBars;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each incremental indicator equals a naive recomputation ({@link Group1Reference}) over a long random walk. */
class Group1ReferenceTest {
  private static final double[] CLOSES = randomWalk(42, 12_000);

  @Test
  void movingAveragesMatchNaiveRecomputation() {
    for (int n : new int[] {1, 2, 5, 20, 200}) {
      assertSeriesClose("sma" + n, runBars(Sma.of(Input.CLOSE, n), CLOSES, 0), Group1Reference.sma(CLOSES, n), 1);
      assertSeriesClose("ema" + n, runBars(Ema.of(Input.CLOSE, n), CLOSES, 0), Group1Reference.ema(CLOSES, n), 1);
      assertSeriesClose("wma" + n, runBars(Wma.of(Input.CLOSE, n), CLOSES, 0), Group1Reference.wma(CLOSES, n), 1);
      assertSeriesClose("dema" + n, runBars(Dema.of(Input.CLOSE, n), CLOSES, 0), Group1Reference.dema(CLOSES, n), 1);
      assertSeriesClose("tema" + n, runBars(Tema.of(Input.CLOSE, n), CLOSES, 0), Group1Reference.tema(CLOSES, n), 1);
    }
  }

  @Test
  void rsiMatchesNaiveWilderLoop() {
    for (int n : new int[] {2, 14, 50}) {
      assertSeriesClose("rsi" + n, runBars(Rsi.of(Input.CLOSE, n), CLOSES, 0), Group1Reference.rsi(CLOSES, n), 1);
    }
  }

  @Test
  void macdOutputsMatchNaiveDefinitionWithTaLibAlignment() {
    double[][] expected = Group1Reference.macd(CLOSES, 12, 26, 9);
    for (int out = 0; out < 3; out++) {
      assertSeriesClose("macd." + out, runBars(Macd.of(Input.CLOSE), CLOSES, out), expected[out], 1);
    }
    double[][] small = Group1Reference.macd(CLOSES, 3, 7, 4);
    for (int out = 0; out < 3; out++) {
      assertSeriesClose("macd(3,7,4)." + out, runBars(Macd.of(Input.CLOSE, 3, 7, 4), CLOSES, out), small[out], 1);
    }
  }

  @Test
  void bollingerOutputsMatchTwoPassPopulationStdev() {
    double[][] expected = Group1Reference.bollinger(CLOSES, 20, 2);
    for (int out = 0; out < 5; out++) {
      assertSeriesClose("bollinger." + out, runBars(BollingerBands.of(Input.CLOSE), CLOSES, out), expected[out], 1);
    }
    double[][] wide = Group1Reference.bollinger(CLOSES, 50, 2.5);
    for (int out = 0; out < 5; out++) {
      assertSeriesClose("bollinger50." + out, runBars(BollingerBands.of(Input.CLOSE, 50, 2.5), CLOSES, out),
          wide[out], 1);
    }
  }

  @Test
  void changeIndicatorsMatchDirectFormulas() {
    for (int n : new int[] {1, 10}) {
      assertSeriesClose("roc" + n, runBars(Roc.of(Input.CLOSE, n), CLOSES, 0), Group1Reference.roc(CLOSES, n), 1);
      assertSeriesClose("mom" + n, runBars(Momentum.of(Input.CLOSE, n), CLOSES, 0),
          Group1Reference.momentum(CLOSES, n), 1);
      assertSeriesClose("logret" + n, runBars(LogReturn.of(Input.CLOSE, n), CLOSES, 0),
          Group1Reference.logReturn(CLOSES, n), 1e-12);
    }
  }

  @Test
  void dispersionIndicatorsMatchTwoPassRecomputation() {
    for (int n : new int[] {2, 20, 100}) {
      assertSeriesClose("vol" + n, runBars(RollingVolatility.of(Input.CLOSE, n), CLOSES, 0),
          Group1Reference.volatility(CLOSES, n), 1e-12);
      assertSeriesClose("zscore" + n, runBars(ZScore.of(Input.CLOSE, n), CLOSES, 0),
          Group1Reference.zscore(CLOSES, n), 1);
    }
  }

  @Test
  void rollingExtremesMatchWindowScan() {
    for (int n : new int[] {1, 3, 20, 500}) {
      assertThat(runBars(RollingMax.of(Input.CLOSE, n), CLOSES, 0)).as("max" + n)
          .containsExactly(Group1Reference.max(CLOSES, n));
      assertThat(runBars(RollingMin.of(Input.CLOSE, n), CLOSES, 0)).as("min" + n)
          .containsExactly(Group1Reference.min(CLOSES, n));
    }
  }

  @Test
  void emaOfRsiIsReadyAfter24BarsAndEqualsEmaOfTheRsiSeries() {
    Ema emaOfRsi = Ema.of(Input.of(Rsi.of(Input.CLOSE, 14)), 10);

    double[] actual = runBars(emaOfRsi, CLOSES, 0);

    assertThat(emaOfRsi.warmUp()).isEqualTo(24);
    assertThat(emaOfRsi.name()).isEqualTo("ema(rsi(close,14),10)");
    assertThat(actual[22]).isNaN();
    assertThat(actual[23]).isFinite();
    assertSeriesClose("ema(rsi)", actual, Group1Reference.ema(Group1Reference.rsi(CLOSES, 14), 10), 1);
  }

  @Test
  void smaOfMacdSignalComposesOnASecondaryOutput() {
    Sma smaOfSignal = Sma.of(Input.of(Macd.of(Input.CLOSE), Macd.SIGNAL), 5);

    double[] actual = runBars(smaOfSignal, CLOSES, 0);

    assertThat(smaOfSignal.name()).isEqualTo("sma(macd(close,12,26,9).signal,5)");
    assertThat(smaOfSignal.warmUp()).isEqualTo(34 - 1 + 5);
    double[] signal = Group1Reference.macd(CLOSES, 12, 26, 9)[1];
    double[] expected = new double[CLOSES.length];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = i < 37 ? Double.NaN : Group1Reference.mean(signal, i - 4, i + 1);
    }
    assertSeriesClose("sma(macd.signal)", actual, expected, 1);
  }
}

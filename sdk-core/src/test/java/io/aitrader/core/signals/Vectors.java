package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.core.testdata.TestInstruments;
import java.util.List;

/** Test data: vectors of one fixed feature layout. */
final class Vectors {
  static final List<String> NAMES = List.of("rsi(14)", "ema(20)", "ema(50)", "ema(20)/ema(50)");

  private Vectors() {}

  /** A RELIANCE 5m vector at an IST time on {@link TestInstruments#MONDAY}. */
  static FeatureVector at(String istTime, double rsi, double ema20, double ema50) {
    return of(TestInstruments.RELIANCE, TestInstruments.at(istTime), rsi, ema20, ema50);
  }

  static FeatureVector of(Instrument instrument, long millis, double rsi, double ema20, double ema50) {
    return FeatureVector.of(instrument, BarInterval.M5, millis, NAMES, new double[] {rsi, ema20, ema50, ema20 / ema50});
  }
}

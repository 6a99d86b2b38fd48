package io.aitrader.core.features;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic bar series for feature tests. */
final class TestBars {
  static final long START = 1_736_135_100_000L;

  private TestBars() {}

  /** A complete bar with the given prices in rupees (open, high, low, close) and volume. */
  static Bar bar(Instrument instrument, BarInterval interval, int index, double open, double high, double low,
      double close, long volume) {
    long o = Math.round(open * 10_000);
    long h = Math.round(high * 10_000);
    long l = Math.round(low * 10_000);
    long c = Math.round(close * 10_000);
    long openTime = START + index * interval.millis();
    return new Bar(instrument, interval, openTime, openTime + interval.millis(), o, h, l, c, volume,
        volume * ((h + l + c) / 3), (int) Math.min(volume, 100), true);
  }

  /** A bar whose four prices equal {@code close}. */
  static Bar flat(Instrument instrument, BarInterval interval, int index, double close) {
    return bar(instrument, interval, index, close, close, close, close, 100);
  }

  /** A random walk of {@code n} bars from 100 rupees, seeded. */
  static List<Bar> walk(Instrument instrument, BarInterval interval, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Bar> out = new ArrayList<>();
    double price = 100;
    for (int i = 0; i < n; i++) {
      double open = price;
      double close = Math.max(1, Math.round((price * (1 + (r.nextDouble() - 0.5) * 0.02)) * 20) / 20.0);
      double high = Math.max(open, close) + r.nextInt(5) * 0.05;
      double low = Math.max(0.05, Math.min(open, close) - r.nextInt(5) * 0.05);
      out.add(bar(instrument, interval, i, open, high, low, close, 100 + r.nextInt(1000)));
      price = close;
    }
    return out;
  }
}

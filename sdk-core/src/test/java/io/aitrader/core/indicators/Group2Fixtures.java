package io.aitrader.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.core.testdata.TestInstruments;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test data for the bar-based (group 2) indicators: bar builders, a random OHLCV series, tolerant comparison. */
final class Group2Fixtures {
  static final double UNITS = Price.UNITS_PER_RUPEE;
  static final long MINUTE = 60_000L;
  /** 09:15 IST on a Monday. */
  static final long OPEN = TestInstruments.at("09:15:00");
  static final int BARS_PER_DAY = 375;

  private Group2Fixtures() {}

  /** Rupees to ₹0.0001 units. */
  static long units(double rupees) {
    return Math.round(rupees * UNITS);
  }

  /** A one-minute bar; turnover = close · volume. */
  static Bar bar(long openMillis, long open, long high, long low, long close, long volume) {
    return new Bar(TestInstruments.RELIANCE, BarInterval.M1, openMillis, openMillis + MINUTE, open, high, low, close,
        volume, close * volume, volume > 0 ? 1 : 0, true);
  }

  /** Builds a short series of one-minute bars from 09:15 IST, prices in rupees. */
  static Series series() {
    return new Series();
  }

  static final class Series {
    private final List<Bar> bars = new ArrayList<>();

    /** A bar with open = close and volume 1000. */
    Series hlc(double high, double low, double close) {
      return hlcv(high, low, close, 1000);
    }

    Series hlcv(double high, double low, double close, long volume) {
      long t = OPEN + bars.size() * MINUTE;
      bars.add(bar(t, units(close), units(high), units(low), units(close), volume));
      return this;
    }

    List<Bar> bars() {
      return List.copyOf(bars);
    }
  }

  /** {@code count} identical bars at {@code price} rupees with {@code volume}. */
  static List<Bar> flat(int count, double price, long volume) {
    Series s = series();
    for (int i = 0; i < count; i++) {
      s.hlcv(price, price, price, volume);
    }
    return s.bars();
  }

  /**
   * A random walk of one-minute bars, 375 a day on consecutive days, prices on a ₹0.05 grid around ₹1000, with gaps,
   * doji bars, runs of 30 identical bars (flat windows) and zero-volume bars.
   */
  static List<Bar> random(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    long tick = 500;
    long close = 10_000_000;
    List<Bar> bars = new ArrayList<>(count);
    int flatLeft = 0;
    for (int i = 0; i < count; i++) {
      long t = OPEN + (i / BARS_PER_DAY) * 86_400_000L + (i % BARS_PER_DAY) * MINUTE;
      if (flatLeft == 0 && r.nextInt(200) == 0) {
        flatLeft = 30;
      }
      long volume = r.nextInt(30) == 0 ? 0 : 1 + r.nextInt(100_000);
      if (flatLeft > 0) {
        flatLeft--;
        bars.add(bar(t, close, close, close, close, volume));
        continue;
      }
      long open = r.nextInt(50) == 0 ? close + (r.nextInt(81) - 40) * tick : close;
      long next = open + (r.nextInt(41) - 20) * tick;
      if (r.nextInt(20) == 0) {
        next = open;
      }
      long high = Math.max(open, next) + r.nextInt(10) * tick;
      long low = Math.min(open, next) - r.nextInt(10) * tick;
      if (low < tick) {
        long shift = tick - low;
        open += shift;
        next += shift;
        high += shift;
        low += shift;
      }
      close = next;
      bars.add(bar(t, open, high, low, close, volume));
    }
    return bars;
  }

  /**
   * The TA-Lib true range of bar {@code i} (needs {@code i >= 1}), in rupees, computed exactly on ₹0.0001 units (so
   * that bands built on it tie with prices exactly where they should, as in the implementation).
   */
  static double trueRange(List<Bar> bars, int i) {
    Bar b = bars.get(i);
    long pc = bars.get(i - 1).close();
    long[] candidates = {b.high() - b.low(), Math.abs(b.high() - pc), Math.abs(b.low() - pc)};
    return java.util.Arrays.stream(candidates).max().orElseThrow() / UNITS;
  }

  /** An array of {@code n} NaNs. */
  static double[] nans(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  /** {@code |actual − expected| <= 1e-9 · max(1, |expected|)}; NaN only where NaN is expected. */
  static void assertClose(double actual, double expected, String what) {
    if (!isClose(actual, expected)) {
      failClose(actual, expected, what);
    }
  }

  static boolean isClose(double actual, double expected) {
    if (Double.isNaN(expected)) {
      return Double.isNaN(actual);
    }
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1.0, Math.abs(expected));
  }

  private static void failClose(double actual, double expected, String what) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
    }
    assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(expected))));
  }

  /**
   * Feeds every bar and compares every output with {@code expected[output][bar]} (NaN = not ready yet); returns the
   * number of bars at which the indicator was ready. Builds assertion messages only for a mismatch, so long series
   * stay fast.
   */
  static int assertMatches(Indicator indicator, List<Bar> bars, double[]... expected) {
    int ready = 0;
    for (int i = 0; i < bars.size(); i++) {
      indicator.update(bars.get(i));
      boolean expectReady = !Double.isNaN(expected[0][i]);
      if (indicator.isReady() != expectReady) {
        assertThat(indicator.isReady()).as("%s ready at bar %d", indicator.name(), i).isEqualTo(expectReady);
      }
      if (expectReady) {
        ready++;
      }
      for (int o = 0; o < expected.length; o++) {
        double actual = indicator.value(o);
        if (!isClose(actual, expected[o][i])) {
          failClose(actual, expected[o][i], indicator.name() + "." + indicator.outputs().get(o) + " at bar " + i);
        }
      }
    }
    return ready;
  }
}

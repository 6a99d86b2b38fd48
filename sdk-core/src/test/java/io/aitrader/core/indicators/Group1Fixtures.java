package io.aitrader.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.core.testdata.TestInstruments;
import java.util.SplittableRandom;

/** Test data for the single-value indicators (group 1): bars from close prices, random walks, tolerances. */
final class Group1Fixtures {
  private static final long START = TestInstruments.at("09:15:00");

  /** Volume of the bars that {@link #GAPPY_CLOSE} reads as a gap. */
  static final long GAP_VOLUME = 0;

  /** The close, except {@code NaN} for a bar with volume {@link #GAP_VOLUME}: a missing value. */
  static final Input GAPPY_CLOSE = new Input() {
    @Override
    public double next(BarView bar) {
      return bar.volume() == GAP_VOLUME ? Double.NaN : Input.CLOSE.next(bar);
    }

    @Override
    public String name() {
      return "gappyclose";
    }
  };

  private Group1Fixtures() {}

  /** The {@code index}-th one-minute bar with open = high = low = close = {@code close} rupees. */
  static Bar bar(int index, double close) {
    return bar(index, close, 1_000);
  }

  static Bar bar(int index, double close, long volume) {
    long units = Math.round(close * 10_000);
    long open = START + index * 60_000L;
    return new Bar(TestInstruments.RELIANCE, BarInterval.M1, open, open + 60_000L, units, units, units, units,
        volume, units * volume, volume == 0 ? 0 : 1, true);
  }

  static Bar[] bars(double... closes) {
    Bar[] bars = new Bar[closes.length];
    for (int i = 0; i < closes.length; i++) {
      bars[i] = bar(i, closes[i]);
    }
    return bars;
  }

  /**
   * NSE-like closes in rupees: a random walk in ₹0.05 ticks (moves of −4..+4 ticks, some flat) reflected into
   * [1000, 5000], starting at {@code start}, with {@code drift} rupees per bar; each value is exactly what
   * {@link Input#CLOSE} reads from {@link #bar} of it.
   */
  static double[] randomWalk(long seed, int count, double start, double drift) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] closes = new double[count];
    long units = Math.round(start * 10_000);
    double carry = 0;
    for (int i = 0; i < count; i++) {
      carry += drift * 10_000;
      long trend = (long) carry;
      carry -= trend;
      long next = units + trend + (random.nextInt(9) - 4) * 500L;
      if (next < 10_000_000L || next > 50_000_000L) {
        next = 2 * units - next;
      }
      units = next;
      closes[i] = units / 10_000.0;
    }
    return closes;
  }

  static double[] randomWalk(long seed, int count) {
    return randomWalk(seed, count, 2_500, 0);
  }

  /** Feeds every value through {@link ValueIndicator#accept}, returning output {@code output} after each. */
  static double[] run(ValueIndicator indicator, double[] xs, int output) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      indicator.accept(xs[i]);
      out[i] = indicator.value(output);
    }
    return out;
  }

  static double[] run(ValueIndicator indicator, double[] xs) {
    return run(indicator, xs, 0);
  }

  /** Feeds bars of the closes through {@link Indicator#update}, returning output {@code output} after each. */
  static double[] runBars(Indicator indicator, double[] closes, int output) {
    double[] out = new double[closes.length];
    for (int i = 0; i < closes.length; i++) {
      indicator.update(bar(i, closes[i]));
      out[i] = indicator.value(output);
    }
    return out;
  }

  /**
   * Asserts {@code actual} equals {@code expected} element by element ({@code NaN} where it is {@code NaN}) within
   * {@code 1e-9 · max(|expected|, scale)}: relative for values above {@code scale}, absolute near 0.
   */
  static void assertSeriesClose(String what, double[] actual, double[] expected, double scale) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertThat(actual[i]).as("%s at %d", what, i).isNaN();
      } else {
        assertThat(actual[i]).as("%s at %d", what, i)
            .isCloseTo(expected[i], within(1e-9 * Math.max(Math.abs(expected[i]), scale)));
      }
    }
  }
}

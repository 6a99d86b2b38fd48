package io.aitrader.core.indicators;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;

/**
 * Money flow index, as TA-Lib {@code MFI(high, low, close, volume, n)}; 0 … 100.
 *
 * <p>Definition: typical price {@code TP = (high + low + close) / 3} (rupees), raw money flow {@code TP · volume};
 * a bar's flow is positive when its TP is above the previous bar's TP (compared exactly, on ₹0.0001 sums), negative when below, and counts in neither
 * when equal. Over the last {@code n} bars {@code MFI = 100 · ΣPositive / (ΣPositive + ΣNegative)}. The sums are
 * running sums over a circular buffer (the leaving bar is subtracted, then the new one added), as TA-Lib's. The first
 * bar only gives the previous TP, so (TA-Lib lookback {@code n}) it is ready after {@code n + 1} bars.
 *
 * <p>No money flow: when {@code ΣPositive + ΣNegative < 1.0} (rupee · quantity, TA-Lib's threshold) it is 0 — a flat
 * or volume-less window reads 0, as in TA-Lib.
 *
 * <p>O(1) per update, no allocation. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * Mfi mfi = Mfi.of(14);
 * mfi.update(bar);
 * boolean overbought = mfi.isReady() && mfi.value() > 80;
 * }</pre>
 */
public final class Mfi implements Indicator {
  private final int period;
  private final String name;
  private final double[] positive;
  private final double[] negative;
  private int next;
  private long count;
  private long prevTypical; // high + low + close, ₹0.0001 units
  private double positiveSum;
  private double negativeSum;
  private double value = Double.NaN;

  private Mfi(int period) {
    ValidationException.check(period >= 2, "Mfi.period", "must be >= 2 (as TA-Lib)", period);
    this.period = period;
    this.name = "mfi(" + period + ")";
    this.positive = new double[period];
    this.negative = new double[period];
  }

  /** MFI over {@code period} (>= 2) bars, e.g. {@code Mfi.of(14)}. */
  public static Mfi of(int period) {
    return new Mfi(period);
  }

  @Override
  public void update(BarView bar) {
    long i = count++;
    long typical = bar.high() + bar.low() + bar.close();
    if (i == 0) {
      prevTypical = typical;
      return;
    }
    if (i > period) {
      positiveSum -= positive[next];
      negativeSum -= negative[next];
    }
    long change = typical - prevTypical;
    prevTypical = typical;
    double flow = Cci.typicalPrice(bar) * bar.volume();
    if (change < 0) {
      negative[next] = flow;
      negativeSum += flow;
      positive[next] = 0.0;
    } else if (change > 0) {
      positive[next] = flow;
      positiveSum += flow;
      negative[next] = 0.0;
    } else {
      positive[next] = 0.0;
      negative[next] = 0.0;
    }
    next = next + 1 == period ? 0 : next + 1;
    if (i >= period) {
      double total = positiveSum + negativeSum;
      value = total < 1.0 ? 0.0 : 100.0 * (positiveSum / total);
    }
  }

  @Override
  public boolean isReady() {
    return count > period;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmUp() {
    return period + 1;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(positive, 0.0);
    java.util.Arrays.fill(negative, 0.0);
    next = 0;
    count = 0;
    prevTypical = 0;
    positiveSum = 0;
    negativeSum = 0;
    value = Double.NaN;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    out.putDoubles(positive).putDoubles(negative).putInt(next).putLong(count);
    out.putLong(prevTypical).putDouble(positiveSum).putDouble(negativeSum).putDouble(value);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    in.getDoubles(positive);
    in.getDoubles(negative);
    next = in.getInt();
    count = in.getLong();
    prevTypical = in.getLong();
    positiveSum = in.getDouble();
    negativeSum = in.getDouble();
    value = in.getDouble();
  }

  @Override
  public String toString() {
    return name;
  }
}

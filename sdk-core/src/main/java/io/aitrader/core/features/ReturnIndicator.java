package io.aitrader.core.features;

import io.aitrader.core.indicators.IndicatorState;
import io.aitrader.core.indicators.Input;
import io.aitrader.core.indicators.ValueIndicator;

/**
 * The built-in {@code ret(series?, n)}: the simple return over {@code n} bars, {@code x[t] / x[t-n] - 1}, where
 * {@code x[t-n]} is the series value {@code n} bars ago. Ready after {@code n + 1} values; a zero past value gives
 * an infinite or {@code NaN} result (IEEE division), which the feature service treats as "no vector".
 * O(1) per value with a ring buffer of {@code n + 1} values; allocation-free.
 */
final class ReturnIndicator extends ValueIndicator {
  static final IndicatorFactory FACTORY = IndicatorFactory.seriesAndInts(1, (in, p) -> new ReturnIndicator(in, p[0]));

  private final int period;
  private final double[] ring;
  private long count;
  private double value = Double.NaN;

  ReturnIndicator(Input input, int period) {
    super(input);
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.period = period;
    this.ring = new double[period + 1];
  }

  @Override
  public void accept(double x) {
    int slot = (int) (count % ring.length);
    ring[slot] = x;
    count++;
    if (count > period) {
      value = x / ring[(int) ((count - 1 - period) % ring.length)] - 1;
    }
  }

  @Override
  protected int ownWarmUp() {
    return period + 1;
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
  public String name() {
    return "ret(" + input.name() + "," + period + ")";
  }

  @Override
  protected void resetOwn() {
    java.util.Arrays.fill(ring, 0);
    count = 0;
    value = Double.NaN;
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    out.putLong(count).putDouble(value).putDoubles(ring);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    count = in.getLong();
    value = in.getDouble();
    in.getDoubles(ring);
  }
}

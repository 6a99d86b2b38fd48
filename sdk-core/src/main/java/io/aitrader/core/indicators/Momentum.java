package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.util.Arrays;

/**
 * Momentum (TA-Lib {@code MOM}): {@code x − x[n]}, where {@code x[n]} is the value {@code n} values back. Lookback
 * {@code n}: ready after {@code n + 1} values. Name {@code momentum(<input>,<n>)}. O(1), allocation-free, not
 * thread-safe.
 */
public final class Momentum extends ValueIndicator {
  private final int period;
  private final String name;
  private final double[] ring;
  private int next;
  private int count;
  private double result = Double.NaN;

  public Momentum(Input input, int period) {
    super(required(input, "Momentum.input"));
    check(period >= 1, "Momentum.period", "must be >= 1", period);
    this.period = period;
    this.name = "momentum(" + input.name() + "," + period + ")";
    this.ring = new double[period];
  }

  /** The {@code period}-value momentum of {@code input}. */
  public static Momentum of(Input input, int period) {
    return new Momentum(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    double past = ring[next];
    ring[next] = x;
    next = next + 1 == period ? 0 : next + 1;
    if (count < period) {
      count++;
      return;
    }
    count = period + 1;
    result = compute(x, past);
  }

  private static double compute(double x, double past) {
    return x - past;
  }

  @Override
  public boolean isReady() {
    return count > period;
  }

  @Override
  public double value() {
    return result;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected int ownWarmUp() {
    return period + 1;
  }

  @Override
  protected void resetOwn() {
    Arrays.fill(ring, 0.0);
    next = 0;
    count = 0;
    result = Double.NaN;
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    out.putDoubles(ring).putInt(next).putInt(count).putDouble(result);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    in.getDoubles(ring);
    next = in.getInt();
    count = in.getInt();
    result = in.getDouble();
  }
}

package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.util.Arrays;

/**
 * Base of indicators that compare each value with the one {@code n} values back ({@code x} and {@code x[n]}):
 * momentum, rate of change, log and simple returns. Keeps the last {@code n} values in a ring, so each update is
 * O(1) and allocation-free; ready after {@code n + 1} values. Subclasses give only the formula.
 */
public abstract class LagIndicator extends ValueIndicator {
  private final int period;
  private final String name;
  private final double[] ring;
  private int next;
  private int count;
  private double result = Double.NaN;

  /**
   * @param type     the class name used in validation messages, e.g. {@code Momentum}
   * @param function the name in {@link #name()}, e.g. {@code momentum} gives {@code momentum(close,10)}
   * @param period   how many values back {@code x[n]} is, {@code >= 1}
   */
  protected LagIndicator(String type, String function, Input input, int period) {
    super(required(input, type + ".input"));
    check(period >= 1, type + ".period", "must be >= 1", period);
    this.period = period;
    this.name = function + "(" + input.name() + "," + period + ")";
    this.ring = new double[period];
  }

  /** The indicator's value from the newest value {@code x} and the one {@code period} values before it. */
  protected abstract double compute(double x, double past);

  public final int period() {
    return period;
  }

  @Override
  public final void accept(double x) {
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

  @Override
  public final boolean isReady() {
    return count > period;
  }

  @Override
  public final double value() {
    return result;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  protected final int ownWarmUp() {
    return period + 1;
  }

  @Override
  protected final void resetOwn() {
    Arrays.fill(ring, 0.0);
    next = 0;
    count = 0;
    result = Double.NaN;
  }

  @Override
  protected final void saveOwn(IndicatorState.Writer out) {
    out.putDoubles(ring).putInt(next).putInt(count).putDouble(result);
  }

  @Override
  protected final void restoreOwn(IndicatorState.Reader in) {
    in.getDoubles(ring);
    next = in.getInt();
    count = in.getInt();
    result = in.getDouble();
  }
}

package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Rolling minimum of the last {@code n} values (TA-Lib {@code MIN}, lookback {@code n − 1}: ready after {@code n}
 * values). O(1) amortized with a monotonic deque in primitive ring arrays (the {@link RollingMax} deque over negated
 * values; negation is exact). Allocation-free. Name {@code min(<input>,<n>)}. Not thread-safe.
 */
public final class RollingMin extends ValueIndicator {
  private final int period;
  private final String name;
  private final RollingMax.Deque deque;

  public RollingMin(Input input, int period) {
    super(required(input, "RollingMin.input"));
    check(period >= 1, "RollingMin.period", "must be >= 1", period);
    this.period = period;
    this.name = "min(" + input.name() + "," + period + ")";
    this.deque = new RollingMax.Deque(period);
  }

  /** The minimum of the last {@code period} values of {@code input}. */
  public static RollingMin of(Input input, int period) {
    return new RollingMin(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    deque.push(-x);
  }

  @Override
  public boolean isReady() {
    return deque.isFull();
  }

  @Override
  public double value() {
    return deque.isFull() ? -deque.max() : Double.NaN;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected int ownWarmUp() {
    return period;
  }

  @Override
  protected void resetOwn() {
    deque.reset();
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    deque.save(out);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    deque.restore(in);
  }
}

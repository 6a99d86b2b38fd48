package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Double exponential moving average (TA-Lib {@code DEMA}): {@code 2·E1 − E2} where {@code E1 = EMA(x, n)} and
 * {@code E2 = EMA(E1, n)}, both {@link Ema}s (k = 2/(n+1), seeded with the SMA of their first {@code n} inputs;
 * {@code E2} starts at {@code E1}'s first value). TA-Lib lookback {@code 2(n − 1)}: ready after {@code 2n − 1}
 * values. Name {@code dema(<input>,<n>)}. O(1), allocation-free, not thread-safe.
 */
public final class Dema extends ValueIndicator {
  private final int period;
  private final String name;
  private final Ema e1;
  private final Ema e2;

  public Dema(Input input, int period) {
    super(required(input, "Dema.input"));
    check(period >= 1, "Dema.period", "must be >= 1", period);
    this.period = period;
    this.name = "dema(" + input.name() + "," + period + ")";
    this.e1 = new Ema(input, period);
    this.e2 = new Ema(input, period);
  }

  /** The {@code period} DEMA of {@code input}. */
  public static Dema of(Input input, int period) {
    return new Dema(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    e1.accept(x);
    if (e1.isReady()) {
      e2.accept(e1.value());
    }
  }

  @Override
  public boolean isReady() {
    return e2.isReady();
  }

  @Override
  public double value() {
    return e2.isReady() ? 2.0 * e1.value() - e2.value() : Double.NaN;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected int ownWarmUp() {
    return 2 * period - 1;
  }

  @Override
  protected void resetOwn() {
    e1.resetOwn();
    e2.resetOwn();
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    e1.saveOwn(out);
    e2.saveOwn(out);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    e1.restoreOwn(in);
    e2.restoreOwn(in);
  }
}

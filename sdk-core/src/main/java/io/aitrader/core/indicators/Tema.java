package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Triple exponential moving average (TA-Lib {@code TEMA}): {@code 3·E1 − 3·E2 + E3} with {@code E1 = EMA(x, n)},
 * {@code E2 = EMA(E1, n)}, {@code E3 = EMA(E2, n)}, each an {@link Ema} (k = 2/(n+1), SMA-seeded, starting at the
 * previous one's first value). TA-Lib lookback {@code 3(n − 1)}: ready after {@code 3n − 2} values. Name
 * {@code tema(<input>,<n>)}. O(1), allocation-free, not thread-safe.
 */
public final class Tema extends ValueIndicator {
  private final int period;
  private final String name;
  private final Ema e1;
  private final Ema e2;
  private final Ema e3;

  public Tema(Input input, int period) {
    super(required(input, "Tema.input"));
    check(period >= 1, "Tema.period", "must be >= 1", period);
    this.period = period;
    this.name = "tema(" + input.name() + "," + period + ")";
    this.e1 = new Ema(input, period);
    this.e2 = new Ema(input, period);
    this.e3 = new Ema(input, period);
  }

  /** The {@code period} TEMA of {@code input}. */
  public static Tema of(Input input, int period) {
    return new Tema(input, period);
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
      if (e2.isReady()) {
        e3.accept(e2.value());
      }
    }
  }

  @Override
  public boolean isReady() {
    return e3.isReady();
  }

  @Override
  public double value() {
    return e3.isReady() ? 3.0 * e1.value() - 3.0 * e2.value() + e3.value() : Double.NaN;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected int ownWarmUp() {
    return 3 * period - 2;
  }

  @Override
  protected void resetOwn() {
    e1.resetOwn();
    e2.resetOwn();
    e3.resetOwn();
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    e1.saveOwn(out);
    e2.saveOwn(out);
    e3.saveOwn(out);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    e1.restoreOwn(in);
    e2.restoreOwn(in);
    e3.restoreOwn(in);
  }
}

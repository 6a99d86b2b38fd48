package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Rolling volatility: the POPULATION standard deviation (divide by {@code n}) of the last {@code n} one-value log
 * returns {@code ln(x / x_prev)}. Raw, per bar: NOT annualized (multiply by {@code sqrt(bars per year)} for that).
 * A return whose ratio is not positive and finite (a non-positive value) counts as 0, as in {@link LogReturn}.
 * Needs {@code n} returns, so ready after {@code n + 1} values. Name {@code volatility(<input>,<n>)}. O(1)
 * amortized, allocation-free (see {@link Sma.Window}), not thread-safe.
 */
public final class RollingVolatility extends ValueIndicator {
  private final int period;
  private final String name;
  private final Sma.Window returns;
  private boolean started;
  private double prev;
  private double sd = Double.NaN;

  public RollingVolatility(Input input, int period) {
    super(required(input, "RollingVolatility.input"));
    check(period >= 2, "RollingVolatility.period", "must be >= 2", period);
    this.period = period;
    this.name = "volatility(" + input.name() + "," + period + ")";
    this.returns = new Sma.Window(period);
  }

  /** The standard deviation of the last {@code period} log returns of {@code input}. */
  public static RollingVolatility of(Input input, int period) {
    return new RollingVolatility(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    if (!started) {
      started = true;
      prev = x;
      return;
    }
    double ratio = x / prev;
    prev = x;
    returns.push(ratio > 0.0 && ratio < Double.POSITIVE_INFINITY ? Math.log(ratio) : 0.0);
    if (returns.isFull()) {
      sd = Math.sqrt(returns.variance());
    }
  }

  @Override
  public boolean isReady() {
    return returns.isFull();
  }

  @Override
  public double value() {
    return sd;
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
    returns.reset();
    started = false;
    prev = 0;
    sd = Double.NaN;
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    returns.save(out);
    out.putBoolean(started).putDouble(prev).putDouble(sd);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    returns.restore(in);
    started = in.getBoolean();
    prev = in.getDouble();
    sd = in.getDouble();
  }
}

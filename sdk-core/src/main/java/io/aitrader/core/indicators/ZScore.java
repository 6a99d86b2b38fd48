package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Rolling z-score: {@code (x − mean)/sd} over the last {@code n} values including {@code x}, with the POPULATION
 * standard deviation (divide by {@code n}, as TA-Lib {@code STDDEV}). Fallback: {@code 0} when {@code sd == 0} (a
 * flat window). Ready after {@code n} values. Name {@code zscore(<input>,<n>)}. O(1) amortized, allocation-free
 * (see {@link Sma.Window}), not thread-safe.
 */
public final class ZScore extends ValueIndicator {
  private final int period;
  private final String name;
  private final Sma.Window window;
  private double z = Double.NaN;

  public ZScore(Input input, int period) {
    super(required(input, "ZScore.input"));
    check(period >= 2, "ZScore.period", "must be >= 2", period);
    this.period = period;
    this.name = "zscore(" + input.name() + "," + period + ")";
    this.window = new Sma.Window(period);
  }

  /** The {@code period}-value z-score of {@code input}. */
  public static ZScore of(Input input, int period) {
    return new ZScore(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    window.push(x);
    if (window.isFull()) {
      double sd = Math.sqrt(window.variance());
      z = sd == 0.0 ? 0.0 : (x - window.mean()) / sd;
    }
  }

  @Override
  public boolean isReady() {
    return window.isFull();
  }

  @Override
  public double value() {
    return z;
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
    window.reset();
    z = Double.NaN;
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    window.save(out);
    out.putDouble(z);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    window.restore(in);
    z = in.getDouble();
  }
}

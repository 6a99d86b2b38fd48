package io.aitrader.core.indicators;

/**
 * Rate of change in percent (TA-Lib {@code ROC}): {@code (x − x[n]) / x[n] · 100}, where {@code x[n]} is the value
 * {@code n} values back. TA-Lib writes it {@code (x / x[n] − 1) · 100}; the difference form used here is the same
 * quantity with less rounding when {@code x} is close to {@code x[n]}. Fallback, as TA-Lib: {@code 0} when
 * {@code x[n] == 0}. Lookback {@code n}: ready after {@code n + 1} values. Name {@code roc(<input>,<n>)}. O(1),
 * allocation-free, not thread-safe.
 */
public final class Roc extends LagIndicator {
  public Roc(Input input, int period) {
    super("Roc", "roc", input, period);
  }

  /** The {@code period}-value rate of change of {@code input}, in percent. */
  public static Roc of(Input input, int period) {
    return new Roc(input, period);
  }

  @Override
  protected double compute(double x, double past) {
    return past == 0.0 ? 0.0 : (x - past) / past * 100.0;
  }
}

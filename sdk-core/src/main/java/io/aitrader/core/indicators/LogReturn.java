package io.aitrader.core.indicators;

/**
 * Log return: {@code ln(x / x[n])}, where {@code x[n]} is the value {@code n} values back ({@code n = 1}: the
 * one-bar log return; TA-Lib has no such function; it is {@code ln} of TA-Lib {@code ROCR}). Fallback: {@code 0} when
 * {@code x / x[n]} is not a positive finite number (a non-positive value in the series), so the output stays finite.
 * Lookback {@code n}: ready after {@code n + 1} values. Name {@code logreturn(<input>,<n>)}. O(1), allocation-free,
 * not thread-safe.
 */
public final class LogReturn extends LagIndicator {
  public LogReturn(Input input, int period) {
    super("LogReturn", "logreturn", input, period);
  }

  /** The {@code period}-value log return of {@code input}. */
  public static LogReturn of(Input input, int period) {
    return new LogReturn(input, period);
  }

  /** The one-value log return {@code ln(x / x_prev)} of {@code input}. */
  public static LogReturn of(Input input) {
    return new LogReturn(input, 1);
  }

  @Override
  protected double compute(double x, double past) {
    double ratio = x / past;
    return ratio > 0.0 && ratio < Double.POSITIVE_INFINITY ? Math.log(ratio) : 0.0;
  }
}

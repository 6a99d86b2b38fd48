package io.aitrader.core.indicators;

/**
 * Momentum (TA-Lib {@code MOM}): {@code x − x[n]}, where {@code x[n]} is the value {@code n} values back. Lookback
 * {@code n}: ready after {@code n + 1} values. Name {@code momentum(<input>,<n>)}. O(1), allocation-free, not
 * thread-safe.
 */
public final class Momentum extends LagIndicator {
  public Momentum(Input input, int period) {
    super("Momentum", "momentum", input, period);
  }

  /** The {@code period}-value momentum of {@code input}. */
  public static Momentum of(Input input, int period) {
    return new Momentum(input, period);
  }

  @Override
  protected double compute(double x, double past) {
    return x - past;
  }
}

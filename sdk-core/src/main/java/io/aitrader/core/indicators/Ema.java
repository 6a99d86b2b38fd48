package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Exponential moving average (TA-Lib {@code EMA}, default compatibility): smoothing {@code k = 2 / (n + 1)}, seeded
 * with the SMA of the first {@code n} values, then {@code ema = (x − ema)·k + ema}, computed as {@code fma(ema, 1 − k, k·x)} (equal to TA-Lib's value within a
 * few ulps; the fused form keeps the per-bar dependency chain to one instruction).
 * Lookback {@code n − 1}: ready after {@code n} values. Name {@code ema(<input>,<n>)}. O(1), allocation-free, not
 * thread-safe.
 *
 * <pre>{@code
 * Ema ema20 = Ema.of(Input.CLOSE, 20);
 * Ema smoothedRsi = Ema.of(Input.of(Rsi.of(Input.CLOSE, 14)), 10); // ready after 14 + 10 = 24 bars
 * }</pre>
 */
public final class Ema extends ValueIndicator {
  private final int period;
  private final double k;
  private final double decay;
  private final String name;
  private int count;
  private double seedSum;
  private double ema = Double.NaN;

  public Ema(Input input, int period) {
    super(required(input, "Ema.input"));
    check(period >= 1, "Ema.period", "must be >= 1", period);
    this.period = period;
    this.k = 2.0 / (period + 1);
    this.decay = 1 - k;
    this.name = "ema(" + input.name() + "," + period + ")";
  }

  /** The {@code period}-value EMA of {@code input}. */
  public static Ema of(Input input, int period) {
    return new Ema(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    if (count < period) {
      seedSum += x;
      if (++count == period) {
        ema = seedSum / period;
      }
    } else {
      // = (x − ema)·k + ema; written so the loop-carried dependency is one fused multiply-add (4 cycles, not 12)
      ema = Math.fma(ema, decay, x * k);
    }
  }

  @Override
  public boolean isReady() {
    return count == period;
  }

  @Override
  public double value() {
    return ema;
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
    count = 0;
    seedSum = 0;
    ema = Double.NaN;
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    out.putInt(count).putDouble(seedSum).putDouble(ema);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    count = in.getInt();
    seedSum = in.getDouble();
    ema = in.getDouble();
  }
}

package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Relative strength index, Wilder's smoothing (TA-Lib {@code RSI}, default compatibility). From the changes
 * {@code x − x_prev}: the first average gain/loss is the simple mean of the gains/losses (losses as positive numbers)
 * of the first {@code n} changes; then {@code avg = (avg·(n − 1) + current)/n}. {@code RSI = 100·avgGain/(avgGain +
 * avgLoss)}, which is 100 when the average loss is 0.
 *
 * <p>Fallback: when {@code avgGain + avgLoss == 0} (a perfectly flat window) the value is {@code 0}, as in TA-Lib.
 * TA-Lib tests "zero" with a tolerance of 1e-8 ({@code TA_IS_ZERO}); this class tests for exactly 0, so a tiny
 * non-zero move still gives its true ratio.
 *
 * <p>TA-Lib lookback {@code n}: ready after {@code n + 1} values. Name {@code rsi(<input>,<n>)}. O(1),
 * allocation-free, not thread-safe.
 */
public final class Rsi extends ValueIndicator {
  private final int period;
  private final String name;
  private int count;
  private double prev;
  private double avgGain;
  private double avgLoss;

  public Rsi(Input input, int period) {
    super(required(input, "Rsi.input"));
    check(period >= 1, "Rsi.period", "must be >= 1", period);
    this.period = period;
    this.name = "rsi(" + input.name() + "," + period + ")";
  }

  /** The {@code period} RSI of {@code input}. */
  public static Rsi of(Input input, int period) {
    return new Rsi(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    if (count == 0) {
      prev = x;
      count = 1;
      return;
    }
    double change = x - prev;
    prev = x;
    double gain = change > 0 ? change : 0.0;
    double loss = change < 0 ? -change : 0.0;
    if (count <= period) {
      // seeding: avgGain/avgLoss hold the sums of the first n gains/losses
      avgGain += gain;
      avgLoss += loss;
      if (++count > period) {
        avgGain /= period;
        avgLoss /= period;
      }
    } else {
      avgGain = (avgGain * (period - 1) + gain) / period;
      avgLoss = (avgLoss * (period - 1) + loss) / period;
    }
  }

  @Override
  public boolean isReady() {
    return count > period;
  }

  @Override
  public double value() {
    if (count <= period) {
      return Double.NaN;
    }
    double total = avgGain + avgLoss;
    return total == 0.0 ? 0.0 : 100.0 * (avgGain / total);
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
    count = 0;
    prev = 0;
    avgGain = 0;
    avgLoss = 0;
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    out.putInt(count).putDouble(prev).putDouble(avgGain).putDouble(avgLoss);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    count = in.getInt();
    prev = in.getDouble();
    avgGain = in.getDouble();
    avgLoss = in.getDouble();
  }
}

package io.aitrader.core.indicators;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;

/**
 * Commodity channel index, as TA-Lib {@code CCI(high, low, close, n)}.
 *
 * <p>Definition: typical price {@code TP = (high + low + close) / 3}; over the last {@code n} bars (current
 * included) {@code mean = SMA(TP)} and {@code MD = Σ|TP − mean| / n}; {@code CCI = (TP − mean) / (0.015 · MD)}. As
 * TA-Lib, the deviation is recomputed over a circular buffer each bar, so the update is <b>O(n)</b>, not O(1): the
 * mean absolute deviation has no running form. TA-Lib's lookback is {@code n − 1}, so it is ready after {@code n}
 * bars.
 *
 * <p>Arithmetic: the buffer holds {@code high + low + close} exactly in ₹0.0001 units and the formula is evaluated
 * as {@code CCI = n·A / (0.015·B)} with {@code A = n·s − Σs} (exact) and {@code B = Σ|n·s_j − Σs|} (exact terms),
 * which equals the definition (the scale cancels) to within rounding of TA-Lib's double version, and is exact where
 * TA-Lib's floating-point mean can leave a spurious residue.
 *
 * <p>Flat series: 0 when {@code TP − mean} or {@code MD} is 0, as TA-Lib does.
 *
 * <p>No allocation per update. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * Cci cci = Cci.of(20);
 * cci.update(bar);
 * boolean stretched = cci.isReady() && Math.abs(cci.value()) > 100;
 * }</pre>
 */
public final class Cci implements Indicator {
  private static final double UNITS = Price.UNITS_PER_RUPEE;

  private final int period;
  private final String name;
  private final long[] typical; // high + low + close, ₹0.0001 units
  private long sum;
  private int next;
  private long count;
  private double value = Double.NaN;

  private Cci(int period) {
    ValidationException.check(period >= 2, "Cci.period", "must be >= 2 (as TA-Lib)", period);
    this.period = period;
    this.name = "cci(" + period + ")";
    this.typical = new long[period];
  }

  /** CCI over {@code period} (>= 2) bars, e.g. {@code Cci.of(20)}. */
  public static Cci of(int period) {
    return new Cci(period);
  }

  /** Typical price (high + low + close) / 3 in rupees, as {@link Input#HLC3}. */
  static double typicalPrice(BarView bar) {
    return (bar.high() + bar.low() + bar.close()) / 3.0 / UNITS;
  }

  @Override
  public void update(BarView bar) {
    long last = bar.high() + bar.low() + bar.close();
    long seen = count++;
    if (seen >= period) {
      sum -= typical[next];
    }
    typical[next] = last;
    sum += last;
    next = next + 1 == period ? 0 : next + 1;
    if (count < period) {
      return;
    }
    long distance = period * last - sum;
    double deviation = 0;
    for (int j = 0; j < period; j++) {
      deviation += Math.abs(period * typical[j] - sum);
    }
    value = distance != 0 && deviation != 0.0 ? period * (double) distance / (0.015 * deviation) : 0.0;
  }

  @Override
  public boolean isReady() {
    return count >= period;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public int warmUp() {
    return period;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(typical, 0L);
    sum = 0;
    next = 0;
    count = 0;
    value = Double.NaN;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    out.putLongs(typical).putLong(sum).putInt(next).putLong(count).putDouble(value);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    in.getLongs(typical);
    sum = in.getLong();
    next = in.getInt();
    count = in.getLong();
    value = in.getDouble();
  }

  @Override
  public String toString() {
    return name;
  }
}

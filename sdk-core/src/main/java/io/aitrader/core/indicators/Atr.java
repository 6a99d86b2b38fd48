package io.aitrader.core.indicators;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;

/**
 * Average true range, as TA-Lib {@code ATR(high, low, close, n)}, in rupees.
 *
 * <p>True range {@code TR = max(high − low, |high − prevClose|, |low − prevClose|)} (TA-Lib {@code TRANGE}) needs the
 * previous close, so the first bar gives none. The first ATR is the simple mean of the first {@code n} true ranges
 * (bars 2 … n+1); after that Wilder's smoothing {@code ATR = (prevATR·(n − 1) + TR) / n}, computed as
 * {@code fma(prevATR, (n − 1)/n, TR/n)}: equal to TA-Lib's value within a few ulps, with no division on the per-bar
 * dependency chain. TA-Lib's lookback is {@code n} (unstable period 0), so it is ready after {@code n + 1} bars. A flat
 * series gives 0.
 *
 * <p>O(1) per update, no allocation. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * Atr atr = Atr.of(14);
 * for (Bar bar : bars) atr.update(bar);
 * double stopDistance = 2 * atr.value();
 * }</pre>
 */
public final class Atr implements Indicator {
  private static final double UNITS = Price.UNITS_PER_RUPEE;

  private final int period;
  private final double decay;
  private final double inversePeriod;
  private final String name;
  private long count;
  private long prevClose;
  private double sumTr;
  private double atr = Double.NaN;

  private Atr(int period) {
    ValidationException.check(period >= 1, "Atr.period", "must be >= 1", period);
    this.period = period;
    this.decay = (period - 1) / (double) period;
    this.inversePeriod = 1.0 / period;
    this.name = "atr(" + period + ")";
  }

  /** ATR over {@code period} (>= 1) bars, e.g. {@code Atr.of(14)}. */
  public static Atr of(int period) {
    return new Atr(period);
  }

  /** TA-Lib {@code TRANGE} in rupees for a bar given the previous close, all in ₹0.0001 units. */
  static double trueRange(long high, long low, long prevClose) {
    long range = high - low;
    long up = Math.abs(high - prevClose);
    long down = Math.abs(low - prevClose);
    return Math.max(range, Math.max(up, down)) / UNITS;
  }

  @Override
  public void update(BarView bar) {
    long n = count++;
    if (n > 0) {
      double tr = trueRange(bar.high(), bar.low(), prevClose);
      if (n < period) {
        sumTr += tr;
      } else if (n == period) {
        sumTr += tr;
        atr = sumTr / period;
      } else {
        // = (atr·(n − 1) + tr) / n without a division on the loop-carried dependency
        atr = Math.fma(atr, decay, tr * inversePeriod);
      }
    }
    prevClose = bar.close();
  }

  @Override
  public boolean isReady() {
    return count > period;
  }

  @Override
  public double value() {
    return atr;
  }

  @Override
  public int warmUp() {
    return period + 1;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    count = 0;
    prevClose = 0;
    sumTr = 0;
    atr = Double.NaN;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    out.putLong(count).putLong(prevClose).putDouble(sumTr).putDouble(atr);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    count = in.getLong();
    prevClose = in.getLong();
    sumTr = in.getDouble();
    atr = in.getDouble();
  }

  @Override
  public String toString() {
    return name;
  }
}

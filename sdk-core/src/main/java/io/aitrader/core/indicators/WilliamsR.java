package io.aitrader.core.indicators;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;

/**
 * Williams %R, as TA-Lib {@code WILLR(high, low, close, n)}: {@code (HH − close) / ((HH − LL) / −100)} with HH/LL
 * the highest high and lowest low of the last {@code n} bars (current included); −100 … 0. TA-Lib's lookback is
 * {@code n − 1}, so it is ready after {@code n} bars.
 *
 * <p>Flat range ({@code HH == LL}): 0, as TA-Lib does.
 *
 * <p>O(1) amortized per update (monotonic deques), no allocation. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * WilliamsR willr = WilliamsR.of(14);
 * willr.update(bar);
 * boolean overbought = willr.isReady() && willr.value() > -20;
 * }</pre>
 */
public final class WilliamsR implements Indicator {
  private final int period;
  private final String name;
  private final Donchian range;
  private double value = Double.NaN;

  private WilliamsR(int period) {
    ValidationException.check(period >= 2, "WilliamsR.period", "must be >= 2 (as TA-Lib)", period);
    this.period = period;
    this.name = "willr(" + period + ")";
    this.range = Donchian.of(period);
  }

  /** %R over {@code period} (>= 2) bars, e.g. {@code WilliamsR.of(14)}. */
  public static WilliamsR of(int period) {
    return new WilliamsR(period);
  }

  @Override
  public void update(BarView bar) {
    range.update(bar);
    if (range.isReady()) {
      double highest = range.upperUnits();
      // ratio of prices: computed on ₹0.0001 units, the rupee scale cancels
      double diff = (highest - range.lowerUnits()) / -100.0;
      value = diff != 0.0 ? (highest - bar.close()) / diff : 0.0;
    }
  }

  @Override
  public boolean isReady() {
    return range.isReady();
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
    range.reset();
    value = Double.NaN;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    range.saveState(out);
    out.putDouble(value);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    range.restoreState(in);
    value = in.getDouble();
  }

  @Override
  public String toString() {
    return name;
  }
}

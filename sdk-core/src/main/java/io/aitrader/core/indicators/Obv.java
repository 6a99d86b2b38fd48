package io.aitrader.core.indicators;

import io.aitrader.api.market.BarView;

/**
 * On-balance volume, as TA-Lib {@code OBV(close, volume)}: a running total that adds the bar's volume when the close
 * rose from the previous close, subtracts it when the close fell, and leaves it when unchanged.
 *
 * <p>Seeding, checked against TA-Lib's {@code ta_OBV.c}: the total starts at the <em>first bar's volume</em> (not 0),
 * and the first bar is compared with itself, so OBV after one bar equals that bar's volume. TA-Lib's lookback is 0: it
 * is ready after 1 bar. As in TA-Lib the level depends on where the series starts; only its changes are comparable
 * across starts. The total is kept exact as a {@code long} quantity.
 *
 * <p>O(1) per update, no allocation. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * Obv obv = Obv.of();
 * obv.update(bar);
 * double total = obv.value();
 * }</pre>
 */
public final class Obv implements Indicator {
  private long count;
  private long prevClose;
  private long total;

  private Obv() {}

  /** A new OBV (it has no parameters). */
  public static Obv of() {
    return new Obv();
  }

  @Override
  public void update(BarView bar) {
    long close = bar.close();
    if (count++ == 0) {
      total = bar.volume();
    } else if (close > prevClose) {
      total += bar.volume();
    } else if (close < prevClose) {
      total -= bar.volume();
    }
    prevClose = close;
  }

  @Override
  public boolean isReady() {
    return count > 0;
  }

  @Override
  public double value() {
    return count > 0 ? total : Double.NaN;
  }

  @Override
  public int warmUp() {
    return 1;
  }

  @Override
  public String name() {
    return "obv";
  }

  @Override
  public void reset() {
    count = 0;
    prevClose = 0;
    total = 0;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    out.putLong(count).putLong(prevClose).putLong(total);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    count = in.getLong();
    prevClose = in.getLong();
    total = in.getLong();
  }

  @Override
  public String toString() {
    return "obv";
  }
}

package io.aitrader.core.indicators;

import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import java.util.List;

/**
 * Volume-weighted average price of the current IST trading day (no TA-Lib equivalent): {@code Σ turnover / Σ volume}
 * over the day's bars so far, in rupees, from each bar's exact {@link BarView#turnover()} (Σ price × quantity in
 * ₹0.0001 units) and {@link BarView#volume()}. The sums restart at the first bar of each new IST day
 * ({@link Ist#epochDayOf} of {@link BarView#openTimeMillis()}; IST midnight is 18:30 UTC).
 *
 * <p>Outputs: {@code vwap} (index {@link #VWAP}, also {@link #value()}) and {@code distance} ({@link #DISTANCE}) =
 * {@code (close − vwap) / vwap}, the last close's relative distance from VWAP (the feature {@code vwap_dist}). Ready
 * after 1 bar. While the day has traded no volume yet, VWAP is the last close (distance 0).
 *
 * <p>The sums are exact {@code long}s; they overflow only beyond ₹9.2·10<sup>14</sup> of turnover in one day for one
 * instrument. O(1) per update, no allocation. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * SessionVwap vwap = SessionVwap.of();
 * vwap.update(bar);
 * boolean belowVwap = vwap.value(SessionVwap.DISTANCE) < 0;
 * }</pre>
 */
public final class SessionVwap implements Indicator {
  /** Output index of the VWAP (also {@link #value()}). */
  public static final int VWAP = 0;
  /** Output index of {@code (close − vwap) / vwap}. */
  public static final int DISTANCE = 1;

  private static final List<String> OUTPUTS = List.of("vwap", "distance");
  private static final double UNITS = Price.UNITS_PER_RUPEE;

  private long count;
  private long day;
  private long turnover;
  private long volume;
  private long close;

  private SessionVwap() {}

  /** A new session VWAP (it has no parameters). */
  public static SessionVwap of() {
    return new SessionVwap();
  }

  @Override
  public void update(BarView bar) {
    long barDay = Ist.epochDayOf(bar.openTimeMillis());
    if (count++ == 0 || barDay != day) {
      day = barDay;
      turnover = 0;
      volume = 0;
    }
    turnover += bar.turnover();
    volume += bar.volume();
    close = bar.close();
  }

  private double vwap() {
    return volume == 0 ? close / UNITS : (double) turnover / volume / UNITS;
  }

  @Override
  public boolean isReady() {
    return count > 0;
  }

  @Override
  public double value() {
    return count > 0 ? vwap() : Double.NaN;
  }

  @Override
  public double value(int index) {
    switch (index) {
      case VWAP:
        return value();
      case DISTANCE:
        if (count == 0) {
          return Double.NaN;
        }
        double vwap = vwap();
        return (close / UNITS - vwap) / vwap;
      default:
        throw new IndexOutOfBoundsException("output " + index + " of session_vwap (it has 2: " + OUTPUTS + ")");
    }
  }

  @Override
  public List<String> outputs() {
    return OUTPUTS;
  }

  @Override
  public int warmUp() {
    return 1;
  }

  @Override
  public String name() {
    return "session_vwap";
  }

  @Override
  public void reset() {
    count = 0;
    day = 0;
    turnover = 0;
    volume = 0;
    close = 0;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    out.putLong(count).putLong(day).putLong(turnover).putLong(volume).putLong(close);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    count = in.getLong();
    day = in.getLong();
    turnover = in.getLong();
    volume = in.getLong();
    close = in.getLong();
  }

  @Override
  public String toString() {
    return "session_vwap";
  }
}

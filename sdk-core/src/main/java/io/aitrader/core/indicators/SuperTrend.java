package io.aitrader.core.indicators;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;
import java.util.List;

/**
 * SuperTrend (no TA-Lib equivalent; the bands follow TradingView's {@code ta.supertrend}). Outputs {@code value}
 * (index {@link #VALUE}, also {@link #value()}): the trend line in rupees, and {@code direction}
 * ({@link #DIRECTION}): +1 in an up-trend (line = lower band, under price), −1 in a down-trend (line = upper band).
 *
 * <p>Definition, with {@code ATR} = {@link Atr} over {@code period} (TA-Lib ATR, Wilder) and {@code hl2 = (high +
 * low) / 2}: basic bands {@code hl2 ± multiplier·ATR}; final bands
 * {@code upper = basicUpper < prevUpper || prevClose > prevUpper ? basicUpper : prevUpper},
 * {@code lower = basicLower > prevLower || prevClose < prevLower ? basicLower : prevLower}; the direction turns up
 * when, in a down-trend, the close rises above the final upper band, and turns down when, in an up-trend, the close
 * falls below the final lower band. On the first bar with an ATR the final bands are the basic bands and the
 * direction is down (as TradingView). The trend is the previous direction; TradingView instead asks whether the
 * previous line equals the previous upper band, which is the same except when ATR is 0 and the bands coincide (there
 * TradingView would always read a down-trend). Ready with the ATR, after {@code period + 1} bars. A flat series gives
 * {@code ATR = 0}, both bands equal to the price and the line on it.
 *
 * <p>O(1) per update, no allocation. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * SuperTrend st = SuperTrend.of(10, 3.0);
 * st.update(bar);
 * boolean up = st.isReady() && st.value(SuperTrend.DIRECTION) > 0;
 * }</pre>
 */
public final class SuperTrend implements Indicator {
  /** Output index of the trend line (also {@link #value()}). */
  public static final int VALUE = 0;
  /** Output index of the direction: +1 up, −1 down. */
  public static final int DIRECTION = 1;

  private static final List<String> OUTPUTS = List.of("value", "direction");
  private static final double UNITS = Price.UNITS_PER_RUPEE;

  private final double multiplier;
  private final String name;
  private final Atr atr;
  private boolean started;
  private long prevClose;
  private double upper;
  private double lower;
  private int direction;

  private SuperTrend(int period, double multiplier) {
    ValidationException.check(period >= 1, "SuperTrend.period", "must be >= 1", period);
    ValidationException.check(multiplier > 0 && Double.isFinite(multiplier), "SuperTrend.multiplier",
        "must be a finite number > 0", multiplier);
    this.multiplier = multiplier;
    this.atr = Atr.of(period);
    String m = multiplier == Math.rint(multiplier) && Math.abs(multiplier) < 1e15
        ? Long.toString((long) multiplier) : Double.toString(multiplier);
    this.name = "supertrend(" + period + "," + m + ")";
  }

  /** SuperTrend with an ATR over {@code period} (>= 1) bars and a band {@code multiplier} (> 0). */
  public static SuperTrend of(int period, double multiplier) {
    return new SuperTrend(period, multiplier);
  }

  /** The common SuperTrend(10, 3). */
  public static SuperTrend ofDefaults() {
    return of(10, 3.0);
  }

  @Override
  public void update(BarView bar) {
    atr.update(bar);
    if (atr.isReady()) {
      double hl2 = (bar.high() + bar.low()) / 2.0 / UNITS;
      double band = multiplier * atr.value();
      double basicUpper = hl2 + band;
      double basicLower = hl2 - band;
      double close = bar.close() / UNITS;
      if (!started) {
        started = true;
        upper = basicUpper;
        lower = basicLower;
        direction = -1;
      } else {
        double previousClose = prevClose / UNITS;
        upper = basicUpper < upper || previousClose > upper ? basicUpper : upper;
        lower = basicLower > lower || previousClose < lower ? basicLower : lower;
        if (direction < 0) {
          direction = close > upper ? 1 : -1;
        } else {
          direction = close < lower ? -1 : 1;
        }
      }
    }
    prevClose = bar.close();
  }

  @Override
  public boolean isReady() {
    return started;
  }

  @Override
  public double value() {
    return started ? (direction > 0 ? lower : upper) : Double.NaN;
  }

  @Override
  public double value(int index) {
    switch (index) {
      case VALUE:
        return value();
      case DIRECTION:
        return started ? direction : Double.NaN;
      default:
        throw new IndexOutOfBoundsException("output " + index + " of " + name + " (it has 2: " + OUTPUTS + ")");
    }
  }

  @Override
  public List<String> outputs() {
    return OUTPUTS;
  }

  @Override
  public int warmUp() {
    return atr.warmUp();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    atr.reset();
    started = false;
    prevClose = 0;
    upper = 0;
    lower = 0;
    direction = 0;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    atr.saveState(out);
    out.putBoolean(started).putLong(prevClose).putDouble(upper).putDouble(lower).putInt(direction);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    atr.restoreState(in);
    started = in.getBoolean();
    prevClose = in.getLong();
    upper = in.getDouble();
    lower = in.getDouble();
    direction = in.getInt();
  }

  @Override
  public String toString() {
    return name;
  }
}

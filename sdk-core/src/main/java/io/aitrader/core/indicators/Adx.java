package io.aitrader.core.indicators;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;
import java.util.List;

/**
 * Average directional index with its directional indicators, as TA-Lib {@code ADX}, {@code PLUS_DI} and
 * {@code MINUS_DI} over {@code n} bars (Wilder). Outputs {@code adx} (index {@link #ADX}, also {@link #value()}),
 * {@code plusDi} ({@link #PLUS_DI}) and {@code minusDi} ({@link #MINUS_DI}), each 0 … 100.
 *
 * <p>Definition, bar by bar from the second: {@code up = high − prevHigh}, {@code down = prevLow − low};
 * {@code −DM = down} when {@code down > 0 && up < down}, else {@code +DM = up} when {@code up > 0 && up > down}
 * (otherwise both 0); {@code TR} as TA-Lib {@code TRANGE}. TA-Lib seeds the three sums with the first
 * {@code n − 1} values (bars 2 … n), then for every later bar applies Wilder's update
 * {@code S = S − S/n + x}; {@code +DI = 100·(+DM_S / TR_S)}, {@code −DI = 100·(−DM_S / TR_S)},
 * {@code DX = 100·|+DI − −DI| / (+DI + −DI)}. The first ADX is the mean of the first {@code n} DX values
 * (bars n+1 … 2n); after that {@code ADX = (prevADX·(n − 1) + DX) / n}. TA-Lib's ADX lookback is {@code 2n − 1}, so
 * all three outputs are ready after {@code 2n} bars (the DIs are TA-Lib's {@code PLUS_DI}/{@code MINUS_DI} values of
 * the same bar).
 *
 * <p>Flat series, as TA-Lib: when the smoothed TR is zero ({@code |TR_S| < 1e-8}, TA-Lib's {@code TA_IS_ZERO}) the
 * DIs are 0 and the bar gives no DX: a seeding bar then adds 0 to the DX sum and a later bar leaves ADX unchanged;
 * likewise when {@code +DI + −DI} is zero.
 *
 * <p>O(1) per update, no allocation. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * Adx adx = Adx.of(14);
 * adx.update(bar);
 * boolean trending = adx.isReady() && adx.value() > 25 && adx.value(Adx.PLUS_DI) > adx.value(Adx.MINUS_DI);
 * }</pre>
 */
public final class Adx implements Indicator {
  /** Output index of ADX (also {@link #value()}). */
  public static final int ADX = 0;
  /** Output index of +DI. */
  public static final int PLUS_DI = 1;
  /** Output index of −DI. */
  public static final int MINUS_DI = 2;

  private static final List<String> OUTPUTS = List.of("adx", "plusDi", "minusDi");
  private static final double UNITS = Price.UNITS_PER_RUPEE;

  private final int period;
  private final String name;
  private long count;
  private long prevHigh;
  private long prevLow;
  private long prevClose;
  private double plusDm;
  private double minusDm;
  private double tr;
  private double sumDx;
  private double adx;
  private double plusDi;
  private double minusDi;

  private Adx(int period) {
    ValidationException.check(period >= 2, "Adx.period", "must be >= 2 (as TA-Lib)", period);
    this.period = period;
    this.name = "adx(" + period + ")";
  }

  /** ADX over {@code period} (>= 2) bars, e.g. {@code Adx.of(14)}. */
  public static Adx of(int period) {
    return new Adx(period);
  }

  private static boolean isZero(double v) {
    return -0.00000001 < v && v < 0.00000001;
  }

  @Override
  public void update(BarView bar) {
    long i = count++;
    if (i > 0) {
      double up = (bar.high() - prevHigh) / UNITS;
      double down = (prevLow - bar.low()) / UNITS;
      double trueRange = Atr.trueRange(bar.high(), bar.low(), prevClose);
      if (i >= period) {
        minusDm -= minusDm / period;
        plusDm -= plusDm / period;
      }
      if (down > 0 && up < down) {
        minusDm += down;
      } else if (up > 0 && up > down) {
        plusDm += up;
      }
      if (i < period) {
        tr += trueRange;
      } else {
        tr = tr - tr / period + trueRange;
        directional(i);
      }
    }
    prevHigh = bar.high();
    prevLow = bar.low();
    prevClose = bar.close();
  }

  /** DI and DX for bar {@code i >= period}. */
  private void directional(long i) {
    boolean hasDx = false;
    double dx = 0;
    if (isZero(tr)) {
      plusDi = 0;
      minusDi = 0;
    } else {
      minusDi = 100.0 * (minusDm / tr);
      plusDi = 100.0 * (plusDm / tr);
      double sum = minusDi + plusDi;
      if (!isZero(sum)) {
        dx = 100.0 * (Math.abs(minusDi - plusDi) / sum);
        hasDx = true;
      }
    }
    long last = 2L * period - 1;
    if (i < last) {
      sumDx += dx;
    } else if (i == last) {
      sumDx += dx;
      adx = sumDx / period;
    } else if (hasDx) {
      adx = ((adx * (period - 1)) + dx) / period;
    }
  }

  @Override
  public boolean isReady() {
    return count >= 2L * period;
  }

  @Override
  public double value() {
    return isReady() ? adx : Double.NaN;
  }

  @Override
  public double value(int index) {
    switch (index) {
      case ADX:
        return value();
      case PLUS_DI:
        return isReady() ? plusDi : Double.NaN;
      case MINUS_DI:
        return isReady() ? minusDi : Double.NaN;
      default:
        throw new IndexOutOfBoundsException("output " + index + " of " + name + " (it has 3: " + OUTPUTS + ")");
    }
  }

  @Override
  public List<String> outputs() {
    return OUTPUTS;
  }

  @Override
  public int warmUp() {
    return 2 * period;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    count = 0;
    prevHigh = 0;
    prevLow = 0;
    prevClose = 0;
    plusDm = 0;
    minusDm = 0;
    tr = 0;
    sumDx = 0;
    adx = 0;
    plusDi = 0;
    minusDi = 0;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    out.putLong(count).putLong(prevHigh).putLong(prevLow).putLong(prevClose);
    out.putDouble(plusDm).putDouble(minusDm).putDouble(tr).putDouble(sumDx);
    out.putDouble(adx).putDouble(plusDi).putDouble(minusDi);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    count = in.getLong();
    prevHigh = in.getLong();
    prevLow = in.getLong();
    prevClose = in.getLong();
    plusDm = in.getDouble();
    minusDm = in.getDouble();
    tr = in.getDouble();
    sumDx = in.getDouble();
    adx = in.getDouble();
    plusDi = in.getDouble();
    minusDi = in.getDouble();
  }

  @Override
  public String toString() {
    return name;
  }
}

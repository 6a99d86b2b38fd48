package io.aitrader.core.indicators;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;
import java.util.List;

/**
 * Donchian channel over the last {@code n} bars: {@code upper} = highest high, {@code lower} = lowest low,
 * {@code middle} = (upper + lower) / 2. The bands are TA-Lib {@code MAX(high, n)} and {@code MIN(low, n)} (window
 * includes the current bar, lookback {@code n - 1}), so it is ready after {@code n} bars.
 *
 * <p>O(1) amortized per update: two monotonic deques of (bar index, price) held in primitive ring arrays of
 * capacity {@code n}; the extremes are kept exact as ₹0.0001 units and converted to rupees on output.
 *
 * <pre>{@code
 * Donchian channel = Donchian.of(20);
 * channel.update(bar);
 * if (channel.isReady() && close > channel.value(Donchian.UPPER)) { ... }
 * }</pre>
 *
 * <p>Not thread-safe (see {@link Indicator}).
 */
public final class Donchian implements Indicator {
  /** Output index of the highest high (also {@link #value()}). */
  public static final int UPPER = 0;
  /** Output index of the lowest low. */
  public static final int LOWER = 1;
  /** Output index of the mid-line. */
  public static final int MIDDLE = 2;

  private static final List<String> OUTPUTS = List.of("upper", "lower", "middle");
  private static final double UNITS = Price.UNITS_PER_RUPEE;

  private final int period;
  private final String name;
  // max deque: bar indices and highs, values strictly decreasing from head to tail
  private final long[] maxIndex;
  private final long[] maxValue;
  private int maxHead;
  private int maxSize;
  // min deque: bar indices and lows, values strictly increasing from head to tail
  private final long[] minIndex;
  private final long[] minValue;
  private int minHead;
  private int minSize;
  private long count;

  private Donchian(int period) {
    ValidationException.check(period >= 1, "Donchian.period", "must be >= 1", period);
    this.period = period;
    this.name = "donchian(" + period + ")";
    this.maxIndex = new long[period];
    this.maxValue = new long[period];
    this.minIndex = new long[period];
    this.minValue = new long[period];
  }

  /** A channel over {@code period} (>= 1) bars. */
  public static Donchian of(int period) {
    return new Donchian(period);
  }

  @Override
  public void update(BarView bar) {
    long i = count++;
    long expired = i - period; // indices <= expired have left the window
    // highs
    while (maxSize > 0 && maxValue[slot(maxHead + maxSize - 1)] <= bar.high()) {
      maxSize--;
    }
    if (maxSize > 0 && maxIndex[maxHead] <= expired) {
      maxHead = slot(maxHead + 1);
      maxSize--;
    }
    int t = slot(maxHead + maxSize);
    maxIndex[t] = i;
    maxValue[t] = bar.high();
    maxSize++;
    // lows
    while (minSize > 0 && minValue[slot(minHead + minSize - 1)] >= bar.low()) {
      minSize--;
    }
    if (minSize > 0 && minIndex[minHead] <= expired) {
      minHead = slot(minHead + 1);
      minSize--;
    }
    t = slot(minHead + minSize);
    minIndex[t] = i;
    minValue[t] = bar.low();
    minSize++;
  }

  private int slot(int i) {
    return i >= period ? i - period : i;
  }

  @Override
  public boolean isReady() {
    return count >= period;
  }

  /** The highest high of the window in ₹0.0001 units; meaningful once {@link #isReady()}. */
  long upperUnits() {
    return maxValue[maxHead];
  }

  /** The lowest low of the window in ₹0.0001 units; meaningful once {@link #isReady()}. */
  long lowerUnits() {
    return minValue[minHead];
  }

  @Override
  public double value() {
    return isReady() ? maxValue[maxHead] / UNITS : Double.NaN;
  }

  @Override
  public double value(int index) {
    switch (index) {
      case UPPER:
        return value();
      case LOWER:
        return isReady() ? minValue[minHead] / UNITS : Double.NaN;
      case MIDDLE:
        return isReady() ? (maxValue[maxHead] + minValue[minHead]) / 2.0 / UNITS : Double.NaN;
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
    return period;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    count = 0;
    maxHead = 0;
    maxSize = 0;
    minHead = 0;
    minSize = 0;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    out.putLong(count).putInt(maxHead).putInt(maxSize).putInt(minHead).putInt(minSize);
    out.putLongs(maxIndex).putLongs(maxValue).putLongs(minIndex).putLongs(minValue);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    count = in.getLong();
    maxHead = in.getInt();
    maxSize = in.getInt();
    minHead = in.getInt();
    minSize = in.getInt();
    in.getLongs(maxIndex);
    in.getLongs(maxValue);
    in.getLongs(minIndex);
    in.getLongs(minValue);
  }

  @Override
  public String toString() {
    return name;
  }
}

package io.aitrader.core.indicators;

import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarView;
import java.util.List;

/**
 * Slow stochastic oscillator, as TA-Lib {@code STOCH(high, low, close, fastK, slowK, SMA, slowD, SMA)}. Outputs
 * {@code k} (index {@link #K}, also {@link #value()}) and {@code d} ({@link #D}), each 0 … 100.
 *
 * <p>Definition: fast %K = {@code (close − LL) / ((HH − LL) / 100)} with HH/LL the highest high and lowest low of
 * the last {@code fastK} bars (current included); slow %K = SMA of fast %K over {@code slowK}; %D = SMA of slow %K
 * over {@code slowD}. The SMAs are running sums as TA-Lib's ({@code sum += x; out = sum / p; sum −= oldest}).
 * TA-Lib's lookback is {@code (fastK − 1) + (slowK − 1) + (slowD − 1)}, so it is ready after
 * {@code fastK + slowK + slowD − 2} bars (14, 3, 3: 18 bars).
 *
 * <p>Flat range ({@code HH == LL}): fast %K is 0, as TA-Lib does. A window without any price movement therefore reads
 * as "at the low" — callers that want a neutral reading should check the range ({@link Donchian}) themselves.
 *
 * <p>O(1) amortized per update (HH/LL by monotonic deques), no allocation. Not thread-safe (see {@link Indicator}).
 *
 * <pre>{@code
 * Stochastic stoch = Stochastic.of(14, 3, 3);
 * stoch.update(bar);
 * boolean oversold = stoch.isReady() && stoch.value(Stochastic.K) < 20;
 * }</pre>
 */
public final class Stochastic implements Indicator {
  /** Output index of slow %K (also {@link #value()}). */
  public static final int K = 0;
  /** Output index of %D. */
  public static final int D = 1;

  private static final List<String> OUTPUTS = List.of("k", "d");

  private final int fastKPeriod;
  private final String name;
  private final Donchian range;
  private final RunningSma slowK;
  private final RunningSma slowD;
  private double k = Double.NaN;
  private double d = Double.NaN;

  private Stochastic(int fastK, int slowK, int slowD) {
    ValidationException.check(fastK >= 1, "Stochastic.fastK", "must be >= 1", fastK);
    ValidationException.check(slowK >= 1, "Stochastic.slowK", "must be >= 1", slowK);
    ValidationException.check(slowD >= 1, "Stochastic.slowD", "must be >= 1", slowD);
    this.fastKPeriod = fastK;
    this.name = "stoch(" + fastK + "," + slowK + "," + slowD + ")";
    this.range = Donchian.of(fastK);
    this.slowK = new RunningSma(slowK);
    this.slowD = new RunningSma(slowD);
  }

  /** The slow stochastic with the given periods (each >= 1), e.g. {@code Stochastic.of(14, 3, 3)}. */
  public static Stochastic of(int fastK, int slowK, int slowD) {
    return new Stochastic(fastK, slowK, slowD);
  }

  /** The common 14, 3, 3 stochastic. */
  public static Stochastic ofDefaults() {
    return of(14, 3, 3);
  }

  @Override
  public void update(BarView bar) {
    range.update(bar);
    if (!range.isReady()) {
      return;
    }
    double lowest = range.lowerUnits();
    double diff = (range.upperUnits() - lowest) / 100.0;
    // ratio of prices: computed on ₹0.0001 units, the rupee scale cancels
    double fastK = diff != 0.0 ? (bar.close() - lowest) / diff : 0.0;
    if (slowK.accept(fastK) && slowD.accept(slowK.value)) {
      k = slowK.value;
      d = slowD.value;
    }
  }

  @Override
  public boolean isReady() {
    return !Double.isNaN(d);
  }

  @Override
  public double value() {
    return k;
  }

  @Override
  public double value(int index) {
    switch (index) {
      case K:
        return k;
      case D:
        return d;
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
    return fastKPeriod + slowK.period + slowD.period - 2;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset() {
    range.reset();
    slowK.reset();
    slowD.reset();
    k = Double.NaN;
    d = Double.NaN;
  }

  @Override
  public void saveState(IndicatorState.Writer out) {
    range.saveState(out);
    slowK.save(out);
    slowD.save(out);
    out.putDouble(k).putDouble(d);
  }

  @Override
  public void restoreState(IndicatorState.Reader in) {
    range.restoreState(in);
    slowK.restore(in);
    slowD.restore(in);
    k = in.getDouble();
    d = in.getDouble();
  }

  @Override
  public String toString() {
    return name;
  }

  /** TA-Lib's running-sum SMA over a primitive ring. */
  private static final class RunningSma {
    final int period;
    final double[] ring;
    int next;
    long count;
    double sum;
    double value = Double.NaN;

    RunningSma(int period) {
      this.period = period;
      this.ring = new double[period];
    }

    /** Adds {@code x}; whether {@link #value} is now defined. */
    boolean accept(double x) {
      ring[next] = x;
      next = next + 1 == period ? 0 : next + 1;
      count++;
      sum += x;
      if (count < period) {
        return false;
      }
      value = sum / period;
      // the oldest value of this window (x itself when period is 1) leaves before the next one
      sum -= ring[next];
      return true;
    }

    void reset() {
      java.util.Arrays.fill(ring, 0.0);
      next = 0;
      count = 0;
      sum = 0;
      value = Double.NaN;
    }

    void save(IndicatorState.Writer out) {
      out.putDoubles(ring).putInt(next).putLong(count).putDouble(sum).putDouble(value);
    }

    void restore(IndicatorState.Reader in) {
      in.getDoubles(ring);
      next = in.getInt();
      count = in.getLong();
      sum = in.getDouble();
      value = in.getDouble();
    }
  }
}

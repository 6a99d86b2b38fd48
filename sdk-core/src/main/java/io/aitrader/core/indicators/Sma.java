package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Simple moving average: the arithmetic mean of the last {@code n} input values (TA-Lib {@code SMA}, lookback
 * {@code n − 1}, so ready after {@code n} values).
 *
 * <p>O(1) per update with no allocation: a ring of the last {@code n} values and running sums that are recomputed
 * exactly from the ring every {@code n} updates, so they do not drift (see {@link Window}). Name
 * {@code sma(<input>,<n>)}. Not thread-safe.
 *
 * <pre>{@code
 * Sma sma20 = Sma.of(Input.CLOSE, 20);
 * sma20.update(bar);
 * if (sma20.isReady()) { double mean = sma20.value(); }
 * }</pre>
 */
public final class Sma extends ValueIndicator {
  private final int period;
  private final String name;
  private final Window window;

  public Sma(Input input, int period) {
    super(required(input, "Sma.input"));
    check(period >= 1, "Sma.period", "must be >= 1", period);
    this.period = period;
    this.name = "sma(" + input.name() + "," + period + ")";
    this.window = new Window(period);
  }

  /** The {@code period}-value SMA of {@code input}. */
  public static Sma of(Input input, int period) {
    return new Sma(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    window.push(x);
  }

  @Override
  public boolean isReady() {
    return window.isFull();
  }

  @Override
  public double value() {
    return window.isFull() ? window.mean() : Double.NaN;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected int ownWarmUp() {
    return period;
  }

  @Override
  protected void resetOwn() {
    window.reset();
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    window.save(out);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    window.restore(in);
  }

  /**
   * The last {@code n} values with their mean and population variance, O(1) amortized, allocation-free: shared by
   * {@link Sma}, {@link BollingerBands}, {@link ZScore} and {@link RollingVolatility}.
   *
   * <p>Numerics: the sums are of {@code x − shift} where {@code shift} is a recent value, so
   * {@code Σd²/n − (Σd/n)²} does not cancel catastrophically for prices in the thousands with small moves; every
   * {@code n} pushes the sums are recomputed exactly from the ring with the newest value as the new shift, so
   * rounding errors cannot accumulate over millions of updates. A window of {@code n} identical values has a
   * variance of exactly 0 and a mean of exactly that value (tracked by the run length of equal values).
   */
  static final class Window {
    private final double[] ring;
    private int next;
    private int count;
    private double shift;
    private double s1;
    private double s2;
    private int sinceExact;
    private double last = Double.NaN;
    private int run;

    Window(int n) {
      this.ring = new double[n];
    }

    void push(double x) {
      int n = ring.length;
      if (count == n) {
        double d = ring[next] - shift;
        s1 -= d;
        s2 -= d * d;
      } else {
        if (count == 0) {
          shift = x;
        }
        count++;
      }
      ring[next] = x;
      next = next + 1 == n ? 0 : next + 1;
      if (x == last) {
        if (run < n) {
          run++;
        }
      } else {
        run = 1;
        last = x;
      }
      if (++sinceExact >= n) {
        recompute(x);
      } else {
        double d = x - shift;
        s1 += d;
        s2 += d * d;
      }
    }

    private void recompute(double newShift) {
      shift = newShift;
      double a = 0;
      double b = 0;
      for (int i = 0; i < count; i++) {
        double d = ring[i] - newShift;
        a += d;
        b += d * d;
      }
      s1 = a;
      s2 = b;
      sinceExact = 0;
    }

    boolean isFull() {
      return count == ring.length;
    }

    int size() {
      return count;
    }

    /** Mean of the values held. */
    double mean() {
      return run >= count ? last : shift + s1 / count;
    }

    /** Population variance of the values held, never negative. */
    double variance() {
      if (run >= count) {
        return 0.0;
      }
      double m = s1 / count;
      double v = s2 / count - m * m;
      return v > 0 ? v : 0.0;
    }

    void reset() {
      java.util.Arrays.fill(ring, 0.0);
      next = 0;
      count = 0;
      shift = 0;
      s1 = 0;
      s2 = 0;
      sinceExact = 0;
      last = Double.NaN;
      run = 0;
    }

    void save(IndicatorState.Writer out) {
      out.putDoubles(ring).putInt(next).putInt(count).putDouble(shift).putDouble(s1).putDouble(s2)
          .putInt(sinceExact).putDouble(last).putInt(run);
    }

    void restore(IndicatorState.Reader in) {
      in.getDoubles(ring);
      next = in.getInt();
      count = in.getInt();
      shift = in.getDouble();
      s1 = in.getDouble();
      s2 = in.getDouble();
      sinceExact = in.getInt();
      last = in.getDouble();
      run = in.getInt();
    }
  }
}

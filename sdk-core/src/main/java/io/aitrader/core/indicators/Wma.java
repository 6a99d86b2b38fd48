package io.aitrader.core.indicators;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.util.Arrays;

/**
 * Linearly weighted moving average (TA-Lib {@code WMA}): weights {@code n} for the newest value down to {@code 1}
 * for the oldest of the last {@code n}, divided by {@code n(n + 1)/2}. Lookback {@code n − 1}: ready after
 * {@code n} values. Name {@code wma(<input>,<n>)}.
 *
 * <p>O(1) per update via running sums ({@code W' = W + n·x − S}, {@code S' = S + x − x_old}) of values shifted by a
 * recent value, recomputed exactly from the ring every {@code n} updates so they never drift (O(n) then, O(1)
 * amortized). Allocation-free, not thread-safe.
 */
public final class Wma extends ValueIndicator {
  private final int period;
  private final double divisor;
  private final String name;
  private final double[] ring;
  private int next;
  private int count;
  private double shift;
  private double sum;
  private double weighted;
  private int sinceExact;

  public Wma(Input input, int period) {
    super(required(input, "Wma.input"));
    check(period >= 1, "Wma.period", "must be >= 1", period);
    this.period = period;
    this.divisor = period * (period + 1.0) / 2.0;
    this.name = "wma(" + input.name() + "," + period + ")";
    this.ring = new double[period];
  }

  /** The {@code period}-value WMA of {@code input}. */
  public static Wma of(Input input, int period) {
    return new Wma(input, period);
  }

  public int period() {
    return period;
  }

  @Override
  public void accept(double x) {
    if (Double.isNaN(x)) {
      return;
    }
    if (count == 0) {
      shift = x;
    }
    double d = x - shift;
    if (count == period) {
      double old = ring[next] - shift;
      weighted += period * d - sum;
      sum += d - old;
    } else {
      // filling: the i-th value gets weight i, which is its weight once the window is full
      count++;
      weighted += count * d;
      sum += d;
    }
    ring[next] = x;
    next = next + 1 == period ? 0 : next + 1;
    if (count == period && ++sinceExact >= period) {
      recompute(x);
    }
  }

  /** Exact sums from the ring (oldest at {@code next}), shifted by {@code newShift}. */
  private void recompute(double newShift) {
    shift = newShift;
    double s = 0;
    double w = 0;
    int idx = next;
    for (int weight = 1; weight <= period; weight++) {
      double d = ring[idx] - newShift;
      s += d;
      w += weight * d;
      idx = idx + 1 == period ? 0 : idx + 1;
    }
    sum = s;
    weighted = w;
    sinceExact = 0;
  }

  @Override
  public boolean isReady() {
    return count == period;
  }

  @Override
  public double value() {
    return count == period ? shift + weighted / divisor : Double.NaN;
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
    Arrays.fill(ring, 0.0);
    next = 0;
    count = 0;
    shift = 0;
    sum = 0;
    weighted = 0;
    sinceExact = 0;
  }

  @Override
  protected void saveOwn(IndicatorState.Writer out) {
    out.putDoubles(ring).putInt(next).putInt(count).putDouble(shift).putDouble(sum).putDouble(weighted)
        .putInt(sinceExact);
  }

  @Override
  protected void restoreOwn(IndicatorState.Reader in) {
    in.getDoubles(ring);
    next = in.getInt();
    count = in.getInt();
    shift = in.getDouble();
    sum = in.getDouble();
    weighted = in.getDouble();
    sinceExact = in.getInt();
  }
}

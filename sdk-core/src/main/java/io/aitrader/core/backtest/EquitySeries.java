package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.check;

import io.aitrader.api.money.Money;
import java.util.Arrays;

/**
 * The account of a backtest sampled after every bar close time (once all bars closing then were applied): the time,
 * the equity (cash + market value of positions, net of charges) and the gross exposure (Σ |quantity × last price|
 * over open positions), exact in ₹0.0001 units. Times strictly increase.
 *
 * <pre>{@code
 * EquitySeries s = run.equity();
 * for (int i = 0; i < s.size(); i++) {
 *   long t = s.timeMillis(i);
 *   long equity = s.equityUnits(i);
 * }
 * }</pre>
 *
 * <p>Immutable; reads allocate nothing except the {@link Money} accessors.
 */
public final class EquitySeries {
  private static final EquitySeries EMPTY = new EquitySeries(new long[0], new long[0], new long[0]);

  private final long[] time;
  private final long[] equity;
  private final long[] exposure;

  private EquitySeries(long[] time, long[] equity, long[] exposure) {
    this.time = time;
    this.equity = equity;
    this.exposure = exposure;
  }

  /** The empty series. */
  public static EquitySeries empty() {
    return EMPTY;
  }

  /** A series from three columns of equal length (copied); times must strictly increase. */
  public static EquitySeries of(long[] timeMillis, long[] equityUnits, long[] grossExposureUnits) {
    check(timeMillis.length == equityUnits.length && timeMillis.length == grossExposureUnits.length,
        "EquitySeries.columns", "must have equal lengths", timeMillis.length + "/" + equityUnits.length + "/"
            + grossExposureUnits.length);
    Builder b = builder(timeMillis.length);
    for (int i = 0; i < timeMillis.length; i++) {
      b.add(timeMillis[i], equityUnits[i], grossExposureUnits[i]);
    }
    return b.build();
  }

  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  public int size() {
    return time.length;
  }

  public boolean isEmpty() {
    return time.length == 0;
  }

  /** The sample time of point {@code i} (a bar close time), epoch milliseconds. */
  public long timeMillis(int i) {
    return time[i];
  }

  /** Equity at point {@code i}, ₹0.0001 units. */
  public long equityUnits(int i) {
    return equity[i];
  }

  /** Gross exposure at point {@code i}, ₹0.0001 units (0 when flat). */
  public long grossExposureUnits(int i) {
    return exposure[i];
  }

  public Money equity(int i) {
    return Money.ofUnits(equity[i]);
  }

  /** The last equity, or {@code otherwise} when empty. */
  public Money lastEquity(Money otherwise) {
    return time.length == 0 ? otherwise : Money.ofUnits(equity[time.length - 1]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EquitySeries s && Arrays.equals(time, s.time) && Arrays.equals(equity, s.equity)
        && Arrays.equals(exposure, s.exposure);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(time) * 31 + Arrays.hashCode(equity);
  }

  @Override
  public String toString() {
    return "EquitySeries[" + time.length + " points]";
  }

  /** Appends points in time order. Not thread-safe; {@link #build()} may be called once. */
  public static final class Builder {
    private long[] time;
    private long[] equity;
    private long[] exposure;
    private int size;

    private Builder(int expectedSize) {
      int n = Math.max(16, expectedSize);
      time = new long[n];
      equity = new long[n];
      exposure = new long[n];
    }

    /** Adds a point; {@code timeMillis} must be later than the previous point's. */
    public Builder add(long timeMillis, long equityUnits, long grossExposureUnits) {
      if (size > 0 && timeMillis <= time[size - 1]) {
        throw new io.aitrader.api.ValidationException("EquitySeries.time",
            "EquitySeries.time must strictly increase: " + timeMillis + " after " + time[size - 1]);
      }
      check(grossExposureUnits >= 0, "EquitySeries.grossExposure", "must be >= 0", grossExposureUnits);
      if (size == time.length) {
        int n = size * 2;
        time = Arrays.copyOf(time, n);
        equity = Arrays.copyOf(equity, n);
        exposure = Arrays.copyOf(exposure, n);
      }
      time[size] = timeMillis;
      equity[size] = equityUnits;
      exposure[size] = grossExposureUnits;
      size++;
      return this;
    }

    /** The time of the last point added, or {@link Long#MIN_VALUE}. */
    public long lastTimeMillis() {
      return size == 0 ? Long.MIN_VALUE : time[size - 1];
    }

    public int size() {
      return size;
    }

    public EquitySeries build() {
      return size == 0 ? EMPTY : new EquitySeries(Arrays.copyOf(time, size), Arrays.copyOf(equity, size),
          Arrays.copyOf(exposure, size));
    }
  }
}

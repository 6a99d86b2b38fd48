package io.aitrader.core.portfolio;

import java.util.Arrays;

/** The growable primitive columns behind {@link EquityCurve}; append-only, owned by the service's lock. */
final class CurveColumns {
  private int size;
  private long[] time;
  private long[] equity;
  private long[] cash;
  private long[] realized;
  private long[] unrealized;
  private long[] charges;

  CurveColumns(int initialCapacity) {
    int n = Math.max(1, initialCapacity);
    time = new long[n];
    equity = new long[n];
    cash = new long[n];
    realized = new long[n];
    unrealized = new long[n];
    charges = new long[n];
  }

  int size() {
    return size;
  }

  /** Appends one point; grows by doubling into new arrays so earlier views stay unchanged. */
  void append(long t, long equityUnits, long cashUnits, long realizedUnits, long unrealizedUnits, long chargesUnits) {
    if (size == time.length) {
      int n = Math.max(16, Math.multiplyExact(size, 2));
      time = Arrays.copyOf(time, n);
      equity = Arrays.copyOf(equity, n);
      cash = Arrays.copyOf(cash, n);
      realized = Arrays.copyOf(realized, n);
      unrealized = Arrays.copyOf(unrealized, n);
      charges = Arrays.copyOf(charges, n);
    }
    time[size] = t;
    equity[size] = equityUnits;
    cash[size] = cashUnits;
    realized[size] = realizedUnits;
    unrealized[size] = unrealizedUnits;
    charges[size] = chargesUnits;
    size++;
  }

  /** An immutable view of the points appended so far. */
  EquityCurve view() {
    return new EquityCurve(size, time, equity, cash, realized, unrealized, charges);
  }
}

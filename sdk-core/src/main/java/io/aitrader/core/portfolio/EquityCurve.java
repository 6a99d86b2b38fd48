package io.aitrader.core.portfolio;

import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;

/**
 * The account sampled at every bar close: for each point the close time and the equity, cash, realized PnL,
 * unrealized PnL and charges paid at that moment, all exact in ₹0.0001 units. Used by backtests and reports.
 *
 * <pre>{@code
 * EquityCurve curve = portfolio.equityCurve();
 * for (int i = 0; i < curve.size(); i++) {
 *   long t = curve.timeMillis(i);
 *   long equity = curve.equityUnits(i);
 * }
 * Money worst = curve.maxDrawdown();
 * }</pre>
 *
 * <p>An immutable view of the first {@link #size()} points: the service only appends past it (and grows into new
 * arrays), so a view never changes and may be read from any thread once obtained. Reads allocate nothing, except
 * the {@link Money} convenience accessors.
 */
public final class EquityCurve {
  /** The empty curve. */
  public static final EquityCurve EMPTY = new EquityCurve(0, new long[0], new long[0], new long[0], new long[0],
      new long[0], new long[0]);

  private final int size;
  private final long[] time;
  private final long[] equity;
  private final long[] cash;
  private final long[] realized;
  private final long[] unrealized;
  private final long[] charges;

  EquityCurve(int size, long[] time, long[] equity, long[] cash, long[] realized, long[] unrealized, long[] charges) {
    this.size = size;
    this.time = time;
    this.equity = equity;
    this.cash = cash;
    this.realized = realized;
    this.unrealized = unrealized;
    this.charges = charges;
  }

  /** The number of points. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The bar close time of point {@code i}, epoch milliseconds. */
  public long timeMillis(int i) {
    return time[index(i)];
  }

  /** Equity (cash + market value of the positions) at point {@code i}, in ₹0.0001 units. */
  public long equityUnits(int i) {
    return equity[index(i)];
  }

  /** Equity at point {@code i}. */
  public Money equity(int i) {
    return Money.ofUnits(equityUnits(i));
  }

  /** Cash at point {@code i}, in ₹0.0001 units. */
  public long cashUnits(int i) {
    return cash[index(i)];
  }

  /** Realized PnL (cumulative, gross of charges) at point {@code i}, in ₹0.0001 units. */
  public long realizedPnlUnits(int i) {
    return realized[index(i)];
  }

  /** Unrealized PnL at point {@code i}, in ₹0.0001 units. */
  public long unrealizedPnlUnits(int i) {
    return unrealized[index(i)];
  }

  /** Charges paid (cumulative) at point {@code i}, in ₹0.0001 units. */
  public long chargesPaidUnits(int i) {
    return charges[index(i)];
  }

  /**
   * The largest fall of equity from a running peak to a later point, exact; zero for a curve that never falls
   * (or has fewer than two points).
   */
  public Money maxDrawdown() {
    long worst = 0;
    long peak = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      long e = equity[i];
      if (e > peak) {
        peak = e;
      } else {
        worst = Math.max(worst, Math.subtractExact(peak, e));
      }
    }
    return Money.ofUnits(worst);
  }

  private int index(int i) {
    if (i < 0 || i >= size) {
      throw new ValidationException("EquityCurve.index", "EquityCurve.index must be in [0, " + size + "), was " + i);
    }
    return i;
  }

  @Override
  public String toString() {
    return "EquityCurve[size=" + size + ", maxDrawdown=" + maxDrawdown() + "]";
  }
}

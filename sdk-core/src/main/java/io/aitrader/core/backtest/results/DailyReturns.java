package io.aitrader.core.backtest.results;

import io.aitrader.api.money.Money;
import io.aitrader.api.time.Ist;
import io.aitrader.core.backtest.EquitySeries;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Equity at the last point of each IST date and the day-over-day returns, the first day relative to the starting
 * cash. A return whose base equity is ≤ 0 is undefined (NaN here, never published).
 */
final class DailyReturns {
  private final LocalDate[] dates;
  private final long[] equity;
  private final double[] returns;

  private DailyReturns(LocalDate[] dates, long[] equity, double[] returns) {
    this.dates = dates;
    this.equity = equity;
    this.returns = returns;
  }

  static DailyReturns of(EquitySeries series, long startingUnits) {
    int days = 0;
    long lastDay = Long.MIN_VALUE;
    for (int i = 0; i < series.size(); i++) {
      long day = Ist.epochDayOf(series.timeMillis(i));
      if (day != lastDay) {
        days++;
        lastDay = day;
      }
    }
    LocalDate[] dates = new LocalDate[days];
    long[] equity = new long[days];
    int d = -1;
    lastDay = Long.MIN_VALUE;
    for (int i = 0; i < series.size(); i++) {
      long day = Ist.epochDayOf(series.timeMillis(i));
      if (day != lastDay) {
        d++;
        dates[d] = LocalDate.ofEpochDay(day);
        lastDay = day;
      }
      equity[d] = series.equityUnits(i);
    }
    double[] returns = new double[days];
    long base = startingUnits;
    for (int k = 0; k < days; k++) {
      returns[k] = base > 0 ? (double) (equity[k] - base) / (double) base : Double.NaN;
      base = equity[k];
    }
    return new DailyReturns(dates, equity, returns);
  }

  int days() {
    return dates.length;
  }

  LocalDate date(int k) {
    return dates[k];
  }

  long equityUnits(int k) {
    return equity[k];
  }

  /** The return of day {@code k}; NaN when its base equity was ≤ 0. */
  double returnOf(int k) {
    return returns[k];
  }

  /** Whether every daily return is defined (no base equity ≤ 0). */
  boolean allDefined() {
    for (double r : returns) {
      if (Double.isNaN(r)) {
        return false;
      }
    }
    return true;
  }

  SortedMap<LocalDate, Money> equityByDate() {
    SortedMap<LocalDate, Money> m = new TreeMap<>();
    for (int k = 0; k < dates.length; k++) {
      m.put(dates[k], Money.ofUnits(equity[k]));
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /** Π(1 + r) − 1 over each month's days; a month with an undefined daily return is left out. */
  SortedMap<YearMonth, Double> monthly() {
    SortedMap<YearMonth, Double> m = new TreeMap<>();
    int k = 0;
    while (k < dates.length) {
      YearMonth month = YearMonth.from(dates[k]);
      double growth = 1.0;
      boolean defined = true;
      while (k < dates.length && YearMonth.from(dates[k]).equals(month)) {
        defined &= !Double.isNaN(returns[k]);
        growth *= 1.0 + returns[k];
        k++;
      }
      if (defined) {
        m.put(month, growth - 1.0);
      }
    }
    return Collections.unmodifiableSortedMap(m);
  }
}

package io.aitrader.core.market.synthetic;

import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The trading days of a calendar from an anchor date through a last scanned date, as sorted epoch days, each with
 * the share of a regular session's variance its session carries (1 for a regular 375-minute session, less for a
 * short special session). Immutable; a longer index is built from a shorter one by scanning only the new dates,
 * and shares its prefix exactly.
 */
final class TradingDays {
  /** The length of a regular NSE session, 09:15–15:30. */
  static final long REGULAR_SESSION_MILLIS = 375 * 60_000L;

  final long anchorDay;
  /** The last epoch day scanned, inclusive. */
  final long throughDay;
  private final long[] days;
  private final double[] varianceShare;

  private TradingDays(long anchorDay, long throughDay, long[] days, double[] varianceShare) {
    this.anchorDay = anchorDay;
    this.throughDay = throughDay;
    this.days = days;
    this.varianceShare = varianceShare;
  }

  /** The trading days of {@code calendar} in {@code [anchorDay, throughDay]}, reusing {@code prefix} if given. */
  static TradingDays scan(MarketCalendar calendar, long anchorDay, long throughDay, TradingDays prefix) {
    int known = prefix.days.length;
    long[] d = Arrays.copyOf(prefix.days, known + (int) (throughDay - prefix.throughDay));
    double[] v = Arrays.copyOf(prefix.varianceShare, d.length);
    int n = known;
    for (long day = prefix.throughDay + 1; day <= throughDay; day++) {
      Optional<TradingSession> s = calendar.session(LocalDate.ofEpochDay(day));
      if (s.isPresent()) {
        d[n] = day;
        long length = s.get().closeMillis() - s.get().openMillis();
        v[n++] = Math.min(1.0, length / (double) REGULAR_SESSION_MILLIS);
      }
    }
    return new TradingDays(anchorDay, throughDay, Arrays.copyOf(d, n), Arrays.copyOf(v, n));
  }

  /** An index with no day scanned yet. */
  static TradingDays empty(long anchorDay) {
    return new TradingDays(anchorDay, anchorDay - 1, new long[0], new double[0]);
  }

  /** The index of {@code epochDay} among the trading days, or -1 when it is not one (or not scanned). */
  int indexOf(long epochDay) {
    int i = Arrays.binarySearch(days, epochDay);
    return i >= 0 ? i : -1;
  }

  int size() {
    return days.length;
  }

  long day(int index) {
    return days[index];
  }

  double varianceShare(int index) {
    return varianceShare[index];
  }
}

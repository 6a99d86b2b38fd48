package io.aitrader.core.market.synthetic;

import java.util.Arrays;

/**
 * One instrument's daily path for {@link SyntheticBars}: the log closing price (log rupees) of every trading day
 * from the anchor, computed once in a primitive array and extended on demand. Day {@code k} opens at
 * {@code close[k-1] + gap} and closes at {@code open + return}, both drawn from that day's own key, so the path is a
 * pure function of (seed, instrument, calendar, anchor) however and in whatever order it is extended.
 *
 * <p>Thread-safe: readers see a complete array through a volatile field; extension is synchronized and only appends.
 */
final class DailyPath {
  /** Log prices are kept within ₹0.0001 .. ₹10 crore, so units and turnover never overflow. */
  static final double LOG_MIN = StrictMath.log(1e-4);
  static final double LOG_MAX = StrictMath.log(1e8);

  final long instrumentKey;
  /** The log price before the first trading day: the start price. */
  final double logStart;
  private final DayModel model;
  private volatile double[] logClose = new double[0];

  DailyPath(long instrumentKey, double logStart, DayModel model) {
    this.instrumentKey = instrumentKey;
    this.logStart = logStart;
    this.model = model;
  }

  /** The log close of trading day {@code k}, extending the path through {@code days} if needed. */
  double logClose(int k, TradingDays days) {
    double[] c = logClose;
    if (k >= c.length) {
      c = extend(days);
    }
    return c[k];
  }

  /** The log close of the day before {@code k} (the start price for the first day). */
  double previousLogClose(int k, TradingDays days) {
    return k == 0 ? logStart : logClose(k - 1, days);
  }

  private synchronized double[] extend(TradingDays days) {
    double[] c = logClose;
    if (c.length >= days.size()) {
      return c;
    }
    double[] next = Arrays.copyOf(c, days.size());
    double prev = c.length == 0 ? logStart : c[c.length - 1];
    for (int k = c.length; k < next.length; k++) {
      long dayKey = Draws.dayKey(instrumentKey, days.day(k));
      double open = model.logOpen(prev, dayKey);
      prev = model.logClose(open, dayKey, days.varianceShare(k));
      next[k] = prev;
    }
    logClose = next;
    return next;
  }

  /** The daily return model: an overnight gap, then an open-to-close return, with a drift. Immutable. */
  record DayModel(double gapStdDev, double intradayVariance, double intradayDrift) {
    double logOpen(double previousClose, long dayKey) {
      return clamp(previousClose + gapStdDev * Draws.gapNormal(dayKey));
    }

    double logClose(double logOpen, long dayKey, double varianceShare) {
      return clamp(logOpen + intradayDrift * varianceShare
          + Math.sqrt(intradayVariance * varianceShare) * Draws.returnNormal(dayKey));
    }

    private static double clamp(double x) {
      return Math.max(LOG_MIN, Math.min(LOG_MAX, x));
    }
  }
}

package io.aitrader.core.backtest;

import io.aitrader.api.time.Ist;

/** Daily returns from an equity series: the last point of each IST date against the previous date's. */
final class DailyReturns {
  private DailyReturns() {}

  static double[] of(BacktestRun run) {
    EquitySeries e = run.equity();
    double[] out = new double[Math.max(1, e.size())];
    int n = 0;
    double previous = run.settings().startingCash().units();
    for (int i = 0; i < e.size(); i++) {
      boolean lastOfDay = i + 1 == e.size() || Ist.epochDayOf(e.timeMillis(i)) != Ist.epochDayOf(e.timeMillis(i + 1));
      if (lastOfDay) {
        double equity = e.equityUnits(i);
        out[n++] = previous == 0 ? 0 : equity / previous - 1;
        previous = equity;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  static double sharpe(BacktestRun run) {
    if (run.fills().isEmpty()) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] r = of(run);
    if (r.length < 2) {
      return Double.NEGATIVE_INFINITY;
    }
    double mean = 0;
    for (double x : r) {
      mean += x;
    }
    mean /= r.length;
    double ss = 0;
    for (double x : r) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (r.length - 1));
    return sd == 0 ? Double.NEGATIVE_INFINITY : mean / sd * Math.sqrt(252);
  }
}

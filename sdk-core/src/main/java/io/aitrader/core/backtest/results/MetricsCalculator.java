package io.aitrader.core.backtest.results;

import io.aitrader.api.money.Money;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.core.backtest.BacktestRun;
import io.aitrader.core.backtest.ChargedFill;
import io.aitrader.core.backtest.EquitySeries;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Computes {@link Metrics} and the per-instrument breakdown. Floating-point work is done in a fixed order with
 * {@link StrictMath}, so the same run gives bit-identical numbers on every JVM.
 */
final class MetricsCalculator {
  static final int SESSIONS_PER_YEAR = 252;
  private static final double SQRT_YEAR = StrictMath.sqrt(SESSIONS_PER_YEAR);

  private MetricsCalculator() {}

  static Metrics compute(BacktestRun run, List<Trade> trades, DailyReturns daily) {
    EquitySeries eq = run.equity();
    long start = run.settings().startingCash().units();
    long end = eq.isEmpty() ? start : eq.equityUnits(eq.size() - 1);

    OptionalDouble totalReturn = start > 0 ? OptionalDouble.of((double) (end - start) / (double) start)
        : OptionalDouble.empty();
    int days = daily.days();
    OptionalDouble annualized = OptionalDouble.empty();
    if (days > 0 && start > 0) {
      annualized = end <= 0 ? OptionalDouble.of(-1.0)
          : OptionalDouble.of(StrictMath.pow((double) end / (double) start, (double) SESSIONS_PER_YEAR / days) - 1.0);
    }

    OptionalDouble vol = OptionalDouble.empty();
    OptionalDouble sharpe = OptionalDouble.empty();
    OptionalDouble sortino = OptionalDouble.empty();
    if (days >= 2 && daily.allDefined()) {
      double sum = 0;
      for (int k = 0; k < days; k++) {
        sum += daily.returnOf(k);
      }
      double mean = sum / days;
      double sq = 0;
      double down = 0;
      boolean allEqual = true;
      for (int k = 0; k < days; k++) {
        double r = daily.returnOf(k);
        sq += (r - mean) * (r - mean);
        if (r < 0) {
          down += r * r;
        }
        allEqual &= r == daily.returnOf(0);
      }
      double stdev = allEqual ? 0.0 : StrictMath.sqrt(sq / (days - 1));
      vol = OptionalDouble.of(stdev * SQRT_YEAR);
      if (stdev > 0) {
        sharpe = OptionalDouble.of(mean / stdev * SQRT_YEAR);
      }
      double downside = StrictMath.sqrt(down / days);
      if (downside > 0) {
        sortino = OptionalDouble.of(mean / downside * SQRT_YEAR);
      }
    }

    Drawdown dd = Drawdown.of(eq, start);
    OptionalDouble calmar = annualized.isPresent() && dd.maxFraction > 0
        ? OptionalDouble.of(annualized.getAsDouble() / dd.maxFraction) : OptionalDouble.empty();

    int wins = 0;
    int losses = 0;
    long winSum = 0;
    long lossSum = 0;
    long netSum = 0;
    for (Trade t : trades) {
      long net = t.netPnl().units();
      netSum = Math.addExact(netSum, net);
      if (net > 0) {
        wins++;
        winSum = Math.addExact(winSum, net);
      } else if (net < 0) {
        losses++;
        lossSum = Math.addExact(lossSum, net);
      }
    }
    int n = trades.size();

    long traded = 0;
    Charges items = Charges.NONE;
    for (ChargedFill cf : run.fills()) {
      traded = Math.addExact(traded, cf.fill().value().units());
      items = items.plus(cf.charges());
    }
    long charges = items.total().units();
    long gross = Math.addExact(end - start, charges);

    int points = eq.size();
    int exposed = 0;
    BigInteger exposureSum = BigInteger.ZERO;
    BigInteger equitySum = BigInteger.ZERO;
    for (int i = 0; i < points; i++) {
      long x = eq.grossExposureUnits(i);
      if (x > 0) {
        exposed++;
      }
      exposureSum = exposureSum.add(BigInteger.valueOf(x));
      equitySum = equitySum.add(BigInteger.valueOf(eq.equityUnits(i)));
    }
    OptionalDouble turnover = OptionalDouble.empty();
    if (points > 0 && equitySum.signum() > 0) {
      BigDecimal meanEquity = new BigDecimal(equitySum).divide(BigDecimal.valueOf(points), MathContext.DECIMAL128);
      turnover = OptionalDouble.of(BigDecimal.valueOf(traded).divide(meanEquity, MathContext.DECIMAL128)
          .doubleValue());
    }

    return new Metrics(
        Money.ofUnits(start),
        Money.ofUnits(end),
        totalReturn,
        annualized,
        vol,
        sharpe,
        sortino,
        calmar,
        dd.maxFraction,
        Money.ofUnits(dd.maxMoney),
        dd.longestMillis,
        dd.hasLongest ? OptionalLong.of(dd.longestStart) : OptionalLong.empty(),
        dd.hasLongest ? OptionalLong.of(dd.longestEnd) : OptionalLong.empty(),
        dd.longestRecovered,
        days,
        run.sessions(),
        n,
        wins,
        losses,
        n > 0 ? OptionalDouble.of((double) wins / n) : OptionalDouble.empty(),
        losses > 0 ? OptionalDouble.of((double) winSum / (double) -lossSum) : OptionalDouble.empty(),
        mean(winSum, wins),
        mean(lossSum, losses),
        mean(netSum, n),
        points > 0 ? OptionalDouble.of((double) exposed / points) : OptionalDouble.empty(),
        points > 0 ? Money.ofUnits(divide(exposureSum, points)) : Money.ZERO,
        turnover,
        Money.ofUnits(traded),
        Money.ofUnits(gross),
        Money.ofUnits(charges),
        items,
        gross != 0 ? OptionalDouble.of((double) charges / (double) Math.abs(gross)) : OptionalDouble.empty(),
        Money.ofUnits(end - start));
  }

  /** One row per instrument in the settings, the bars or the fills, sorted by id. */
  static List<InstrumentMetrics> perInstrument(BacktestRun run, List<Trade> trades) {
    // per id: traded value, trades, wins, gross, charges, net
    Map<String, long[]> sums = new TreeMap<>();
    for (String id : run.settings().instruments()) {
      sums.computeIfAbsent(id, k -> new long[6]);
    }
    for (String id : run.barsPerInstrument().keySet()) {
      sums.computeIfAbsent(id, k -> new long[6]);
    }
    for (ChargedFill cf : run.fills()) {
      long[] v = sums.computeIfAbsent(cf.fill().instrument().id(), k -> new long[6]);
      v[0] = Math.addExact(v[0], cf.fill().value().units());
    }
    for (Trade t : trades) {
      long[] v = sums.computeIfAbsent(t.instrumentId(), k -> new long[6]);
      v[1]++;
      v[2] += t.isWin() ? 1 : 0;
      v[3] = Math.addExact(v[3], t.grossPnl().units());
      v[4] = Math.addExact(v[4], t.charges().units());
      v[5] = Math.addExact(v[5], t.netPnl().units());
    }
    List<InstrumentMetrics> out = new ArrayList<>(sums.size());
    for (Map.Entry<String, long[]> e : sums.entrySet()) {
      long[] v = e.getValue();
      int count = Math.toIntExact(v[1]);
      int wins = Math.toIntExact(v[2]);
      out.add(new InstrumentMetrics(e.getKey(), run.barsPerInstrument().getOrDefault(e.getKey(), 0L), count, wins,
          count > 0 ? OptionalDouble.of((double) wins / count) : OptionalDouble.empty(), Money.ofUnits(v[0]),
          Money.ofUnits(v[3]), Money.ofUnits(v[4]), Money.ofUnits(v[5])));
    }
    return out;
  }

  private static Optional<Money> mean(long sumUnits, int count) {
    return count == 0 ? Optional.empty() : Optional.of(Money.ofUnits(divide(BigInteger.valueOf(sumUnits), count)));
  }

  private static long divide(BigInteger sum, long count) {
    return new BigDecimal(sum).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** Drawdown statistics over the equity points, the running peak starting at the starting cash. */
  static final class Drawdown {
    double maxFraction;
    long maxMoney;
    long longestMillis;
    long longestStart;
    long longestEnd;
    boolean longestRecovered = true;
    boolean hasLongest;

    static Drawdown of(EquitySeries eq, long startingUnits) {
      Drawdown d = new Drawdown();
      if (eq.isEmpty()) {
        return d;
      }
      long peak = startingUnits;
      long peakTime = eq.timeMillis(0);
      boolean under = false;
      long underSince = 0;
      for (int i = 0; i < eq.size(); i++) {
        long e = eq.equityUnits(i);
        long t = eq.timeMillis(i);
        if (e >= peak) {
          if (under) {
            d.period(underSince, t, true);
            under = false;
          }
          peak = e;
          peakTime = t;
        } else {
          if (!under) {
            under = true;
            underSince = peakTime;
          }
          long drop = peak - e;
          d.maxMoney = Math.max(d.maxMoney, drop);
          if (peak > 0) {
            d.maxFraction = Math.max(d.maxFraction, (double) drop / (double) peak);
          }
        }
      }
      if (under) {
        d.period(underSince, eq.timeMillis(eq.size() - 1), false);
      }
      return d;
    }

    private void period(long from, long to, boolean recovered) {
      long length = to - from;
      if (!hasLongest || length > longestMillis) {
        hasLongest = true;
        longestMillis = length;
        longestStart = from;
        longestEnd = to;
        longestRecovered = recovered;
      }
    }
  }
}

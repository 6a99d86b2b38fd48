package io.aitrader.benchmarks.backtest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Side;
import io.aitrader.api.time.Ist;
import io.aitrader.core.backtest.Backtest;
import io.aitrader.core.backtest.BacktestConfig;
import io.aitrader.core.backtest.BacktestRun;
import io.aitrader.core.backtest.ChargedFill;
import io.aitrader.core.execution.ExecutionSummary;
import java.io.PrintStream;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Position;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.Num;

/**
 * Runs this project's backtest and ta4j's {@code BarSeriesManager} once each on the same year of one-minute bars
 * with the same EMA-crossover strategy ({@link YearOfMinuteBars}, {@link Ta4jEmaCross}), and compares their trades
 * one by one: our fills become round trips (per instrument, the fill that opens a long position is the entry, the
 * fill that closes it the exit; time = the fill's time = the filling bar's open, price exact), ta4j's positions too
 * (entry and exit index → that bar's begin time, price rounded to the instrument's tick). A trade matches when the
 * instrument, both times and both prices are equal. Prints the counts, the first mismatches with both sides, and
 * the time and bars/s of each run (one cold run each unless a count of runs is given: the last one is reported).
 *
 * <p>A second argument replaces one part of the ta4j strategy by ta4j's stock one ({@link Ta4jEmaCross.Variant}:
 * {@code TA4J_EMA}, {@code TA4J_CROSS}, {@code NO_SESSION_RULE}) to show what that part changes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.aitrader.benchmarks.backtest.BacktestTradeComparison [runs [variant]]</pre>
 */
public final class BacktestTradeComparison {
  private static final int SHOWN = 10;

  private BacktestTradeComparison() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, was " + runs);
    }
    Ta4jEmaCross.Variant variant = args.length > 1 ? Ta4jEmaCross.Variant.valueOf(args[1].toUpperCase(Locale.ROOT))
        : Ta4jEmaCross.Variant.SAME;
    PrintStream out = System.out;
    out.println("Generating " + YearOfMinuteBars.INSTRUMENTS + " instruments × one-minute bars, "
        + YearOfMinuteBars.FROM + " .. " + YearOfMinuteBars.TO + " (seed " + YearOfMinuteBars.SEED
        + ") and converting them to ta4j series (not timed) ...");
    YearOfMinuteBars data = YearOfMinuteBars.generate(YearOfMinuteBars.Copies.BOTH);
    out.println("  " + data.barCount + " bars");
    BacktestConfig config = data.aitraderConfig();

    BacktestRun run = null;
    long oursNanos = 0;
    for (int r = 1; r <= runs; r++) {
      long t0 = System.nanoTime();
      run = Backtest.run(config);
      oursNanos = System.nanoTime() - t0;
      out.println("aitrader run " + r + ": " + timing(oursNanos, data.barCount));
    }
    List<TradingRecord> records = null;
    long ta4jNanos = 0;
    for (int r = 1; r <= runs; r++) {
      long t0 = System.nanoTime();
      records = Ta4jEmaCross.run(data.series(), YearOfMinuteBars.FAST, YearOfMinuteBars.SLOW, variant);
      ta4jNanos = System.nanoTime() - t0;
      out.println("ta4j     run " + r + ": " + timing(ta4jNanos, data.barCount));
    }
    if (run == null || records == null) {
      throw new IllegalStateException("no run");
    }
    if (variant != Ta4jEmaCross.Variant.SAME) {
      out.println("ta4j strategy variant: " + variant);
    }
    report(out, data, run, records, oursNanos, ta4jNanos);
  }

  private static void report(PrintStream out, YearOfMinuteBars data, BacktestRun run, List<TradingRecord> records,
      long oursNanos, long ta4jNanos) {
    List<RoundTrip> ours = fromFills(run.fills(), data.instruments);
    List<RoundTrip> theirs = fromRecords(records, data);
    ExecutionSummary x = run.execution();
    out.println();
    out.println("aitrader: " + run.fills().size() + " fills, orders submitted " + x.submitted() + ", filled "
        + x.filled() + ", partially filled " + x.partiallyFilled() + ", cancelled (DAY orders expired) "
        + x.cancelled() + ", rejected " + x.rejected() + (x.rejectionReasons().isEmpty() ? ""
            : " " + x.rejectionReasons()) + "; charges " + x.charges().total() + ", net P&L " + x.netPnl());
    out.println("round trips: aitrader " + count(ours) + ", ta4j " + count(theirs));

    Set<RoundTrip> theirSet = new HashSet<>(theirs);
    Set<RoundTrip> ourSet = new HashSet<>(ours);
    List<RoundTrip> onlyOurs = new ArrayList<>();
    for (RoundTrip t : ours) {
      if (!theirSet.contains(t)) {
        onlyOurs.add(t);
      }
    }
    List<RoundTrip> onlyTheirs = new ArrayList<>();
    for (RoundTrip t : theirs) {
      if (!ourSet.contains(t)) {
        onlyTheirs.add(t);
      }
    }
    out.println("matching exactly (instrument, entry time and price, exit time and price): "
        + (ours.size() - onlyOurs.size()) + " of " + ours.size() + " (aitrader) / " + theirs.size() + " (ta4j)");
    out.println("only in aitrader: " + onlyOurs.size() + ", only in ta4j: " + onlyTheirs.size());
    showMismatches(out, data, onlyOurs, onlyTheirs);
    out.println();
    out.println("timing (last run): aitrader " + timing(oursNanos, data.barCount) + "; ta4j "
        + timing(ta4jNanos, data.barCount) + String.format(Locale.ROOT,
            "; aitrader's speed-up over ta4j (ta4j time ÷ aitrader time) %.2f×", ta4jNanos / (double) oursNanos));
  }

  private static String count(List<RoundTrip> trips) {
    long open = trips.stream().filter(RoundTrip::isOpen).count();
    return trips.size() + " (" + (trips.size() - open) + " closed, " + open + " open at the end)";
  }

  private static String timing(long nanos, long bars) {
    return String.format(Locale.ROOT, "%,.0f ms, %,.0f bars/s", nanos / 1e6, bars / (nanos / 1e9));
  }

  /** Our fills as round trips: per instrument, flat → long opens one, long → flat closes it. */
  static List<RoundTrip> fromFills(List<ChargedFill> fills, List<Instrument> instruments) {
    Map<String, Long> held = new HashMap<>();
    Map<String, Fill> entries = new HashMap<>();
    Map<String, List<RoundTrip>> byInstrument = new LinkedHashMap<>();
    for (Instrument i : instruments) {
      byInstrument.put(i.id(), new ArrayList<>());
    }
    for (ChargedFill cf : fills) {
      Fill f = cf.fill();
      String id = f.instrument().id();
      long before = held.getOrDefault(id, 0L);
      long after = before + (f.side() == Side.BUY ? f.quantity() : -f.quantity());
      held.put(id, after);
      if (before == 0 && after > 0) {
        entries.put(id, f);
      } else if (before > 0 && after == 0) {
        Fill entry = entries.remove(id);
        if (entry == null) {
          throw new IllegalStateException("exit without an entry: " + f);
        }
        byInstrument.get(id).add(new RoundTrip(id, entry.timestampMillis(), entry.price().units(),
            f.timestampMillis(), f.price().units()));
      } else if (after < 0 || (before != 0 && after != 0)) {
        throw new IllegalStateException("a long-only strategy's fills do not open and close whole positions "
            + "(partial fills or a short): " + f + " with " + before + " held");
      }
    }
    entries.forEach((id, e) -> byInstrument.get(id).add(new RoundTrip(id, e.timestampMillis(), e.price().units(),
        RoundTrip.OPEN, RoundTrip.OPEN)));
    List<RoundTrip> all = new ArrayList<>();
    byInstrument.values().forEach(all::addAll);
    return all;
  }

  /** ta4j's positions as round trips: entry/exit index → that bar's begin time, price rounded to the tick. */
  static List<RoundTrip> fromRecords(List<TradingRecord> records, YearOfMinuteBars data) {
    List<RoundTrip> all = new ArrayList<>();
    for (int k = 0; k < records.size(); k++) {
      Instrument instrument = data.instruments.get(k);
      BarSeries series = data.series().get(k);
      long tick = instrument.tickSize().units();
      TradingRecord record = records.get(k);
      List<Position> positions = new ArrayList<>(record.getPositions());
      if (record.getCurrentPosition().isOpened()) {
        positions.add(record.getCurrentPosition());
      }
      for (Position p : positions) {
        Trade entry = p.getEntry();
        Trade exit = p.getExit();
        all.add(new RoundTrip(instrument.id(), beginMillis(series, entry.getIndex()),
            units(entry.getPricePerAsset(), tick),
            exit == null ? RoundTrip.OPEN : beginMillis(series, exit.getIndex()),
            exit == null ? RoundTrip.OPEN : units(exit.getPricePerAsset(), tick)));
      }
    }
    return all;
  }

  private static long beginMillis(BarSeries series, int index) {
    return series.getBar(index).getBeginTime().toInstant().toEpochMilli();
  }

  /** A ta4j price (a double in rupees) in ₹0.0001 units, rounded to the nearest tick. */
  static long units(Num price, long tick) {
    return Math.round(price.doubleValue() * 10_000 / tick) * tick;
  }

  /**
   * The first mismatches, paired by instrument and nearest entry time, each with the ta4j spread (fast − slow EMA)
   * on the signal bars (the bar before each fill), to show why they differ.
   */
  private static void showMismatches(PrintStream out, YearOfMinuteBars data, List<RoundTrip> onlyOurs,
      List<RoundTrip> onlyTheirs) {
    if (onlyOurs.isEmpty() && onlyTheirs.isEmpty()) {
      return;
    }
    out.println("first mismatches (spread = fast − slow TA-Lib EMA, as this project computes it, on the two bars "
        + "before the fill; the second is the signal bar):");
    List<RoundTrip> unpairedTheirs = new ArrayList<>(onlyTheirs);
    int shown = 0;
    for (RoundTrip o : onlyOurs) {
      if (shown++ == SHOWN) {
        break;
      }
      RoundTrip nearest = null;
      for (RoundTrip t : unpairedTheirs) {
        if (t.instrument().equals(o.instrument()) && (nearest == null
            || Math.abs(t.entryMillis() - o.entryMillis()) < Math.abs(nearest.entryMillis() - o.entryMillis()))) {
          nearest = t;
        }
      }
      out.println("  aitrader: " + o + spreads(data, o));
      if (nearest != null) {
        unpairedTheirs.remove(nearest);
        out.println("  ta4j:     " + nearest + spreads(data, nearest));
      } else {
        out.println("  ta4j:     (no unmatched trade in " + o.instrument() + ")");
      }
    }
    for (RoundTrip t : unpairedTheirs) {
      if (shown++ >= SHOWN) {
        break;
      }
      out.println("  aitrader: (no unmatched trade in " + t.instrument() + ")");
      out.println("  ta4j:     " + t + spreads(data, t));
    }
  }

  private static String spreads(YearOfMinuteBars data, RoundTrip t) {
    int k = 0;
    while (!data.instruments.get(k).id().equals(t.instrument())) {
      k++;
    }
    BarSeries series = data.series().get(k);
    Ta4jSpread spread = new Ta4jSpread(series);
    String s = "  [spread before entry: " + spread.around(t.entryMillis());
    if (!t.isOpen()) {
      s += "; before exit: " + spread.around(t.exitMillis());
    }
    return s + "]";
  }

  /** The EMA spread of one series, for explaining a mismatch. */
  private static final class Ta4jSpread {
    private final BarSeries series;
    private final org.ta4j.core.Indicator<Num> fast;
    private final org.ta4j.core.Indicator<Num> slow;

    Ta4jSpread(BarSeries series) {
      this.series = series;
      org.ta4j.core.indicators.helpers.ClosePriceIndicator close =
          new org.ta4j.core.indicators.helpers.ClosePriceIndicator(series);
      this.fast = new TaLibEmaIndicator(close, YearOfMinuteBars.FAST);
      this.slow = new TaLibEmaIndicator(close, YearOfMinuteBars.SLOW);
    }

    /** The spread on the two bars before the bar opening at {@code openMillis}, and that bar's IST time. */
    String around(long openMillis) {
      int i = indexOpeningAt(openMillis);
      if (i < 2) {
        return "n/a";
      }
      LocalTime signal = Ist.at(series.getBar(i - 1).getBeginTime().toInstant().toEpochMilli()).toLocalTime();
      return String.format(Locale.ROOT, "%s → %s (signal bar %s)", spread(i - 2), spread(i - 1), signal);
    }

    private String spread(int i) {
      double v = fast.getValue(i).doubleValue() - slow.getValue(i).doubleValue();
      return String.format(Locale.ROOT, "%+.6g", v);
    }

    private int indexOpeningAt(long millis) {
      int lo = series.getBeginIndex();
      int hi = series.getEndIndex();
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        long t = series.getBar(mid).getBeginTime().toInstant().toEpochMilli();
        if (t < millis) {
          lo = mid + 1;
        } else if (t > millis) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }
  }
}

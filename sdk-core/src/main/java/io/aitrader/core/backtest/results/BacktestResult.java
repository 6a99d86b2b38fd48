package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import io.aitrader.core.backtest.BacktestRun;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A backtest run with everything computed from it: metrics, round-trip trades, the per-instrument breakdown and the
 * daily and monthly series. {@link ResultJson}, {@link TradesCsv} and {@link HtmlReport} write it out.
 *
 * <pre>{@code
 * BacktestResult result = BacktestResult.of(run);
 * result.metrics().netPnl();
 * result.monthlyReturns().get(YearMonth.of(2025, 1));   // 0.0123 = +1.23 %
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param run            the raw run
 * @param metrics        the headline numbers
 * @param trades         closed round trips, by exit time then instrument id
 * @param openTrades     positions still open at the end, by instrument id then product
 * @param perInstrument  one row per instrument, sorted by id
 * @param dailyEquity    IST date → equity at that date's last point
 * @param monthlyReturns month → return compounded from the daily returns, {@code Π(1 + r) − 1} (a month with a
 *                       day whose base equity was ≤ 0 is left out)
 */
public record BacktestResult(
    BacktestRun run,
    Metrics metrics,
    List<Trade> trades,
    List<OpenTrade> openTrades,
    List<InstrumentMetrics> perInstrument,
    SortedMap<LocalDate, Money> dailyEquity,
    SortedMap<YearMonth, Double> monthlyReturns) {

  /** Validates and copies every component. */
  public BacktestResult {
    required(run, "BacktestResult.run");
    required(metrics, "BacktestResult.metrics");
    trades = List.copyOf(required(trades, "BacktestResult.trades"));
    openTrades = List.copyOf(required(openTrades, "BacktestResult.openTrades"));
    perInstrument = List.copyOf(required(perInstrument, "BacktestResult.perInstrument"));
    dailyEquity = Collections.unmodifiableSortedMap(new TreeMap<>(required(dailyEquity,
        "BacktestResult.dailyEquity")));
    monthlyReturns = Collections.unmodifiableSortedMap(new TreeMap<>(required(monthlyReturns,
        "BacktestResult.monthlyReturns")));
  }

  /** Computes everything from {@code run}. Deterministic: the same run gives an equal result. */
  public static BacktestResult of(BacktestRun run) {
    required(run, "BacktestResult.run");
    RoundTrips rt = RoundTrips.of(run.fills());
    DailyReturns daily = DailyReturns.of(run.equity(), run.settings().startingCash().units());
    Metrics metrics = MetricsCalculator.compute(run, rt.trades(), daily);
    return new BacktestResult(run, metrics, rt.trades(), rt.openTrades(),
        MetricsCalculator.perInstrument(run, rt.trades()), daily.equityByDate(), daily.monthly());
  }
}
